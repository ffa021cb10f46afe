import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { buildConfigurationChanged, type ConfigurationChangedDetail, type EnvironmentName } from '@data-platform/replication-contract';
import { redrive, type RedriveOptions } from '../src/operations/redrive/redrive';
import { type Item, streamEvent } from './lambda-events';
import { ACCOUNT_OF, keyOf, REGION, useThreeEnvironments } from './three-environments';

const world = useThreeEnvironments();

const pipeline = (id: string, fields: Item = {}): Item => ({ pk: { S: `pipeline#${id}` }, sk: { N: '7' }, ...fields });

const redriveProd = (options: Partial<RedriveOptions> = {}) =>
  redrive({
    sqs: world.sqs,
    queueUrl: world.environments.prod.deadLetterQueueUrl,
    settings: world.replicator.settings,
    clients: world.replicator.clients,
    sns: world.replicator.sns,
    ...options,
  });

/** A change of a prod item that exists only in prod (written straight to the table, never propagated). */
async function prodOnlyChange(id: string): Promise<ConfigurationChangedDetail> {
  const record = await world.writeItem('prod', pipeline(id, { owner: { S: id } }));
  return buildConfigurationChanged({
    changeId: record.eventID as string,
    environment: 'prod',
    subject: { kind: 'table-item', tableName: world.environments.prod.tableName, key: { pk: { S: `pipeline#${id}` }, sk: { N: '7' } } },
    changeType: 'created',
    sequence: record.dynamodb?.SequenceNumber,
    changedAt: '2026-12-03T10:00:00.000Z',
  });
}

const busEventOf = (detail: ConfigurationChangedDetail) => ({
  version: '0',
  id: `event-${detail.changeId}`,
  'detail-type': 'ConfigurationChanged',
  source: 'data-platform.configuration-monitor.prod',
  account: ACCOUNT_OF.prod,
  time: '2026-12-03T10:00:01Z',
  region: REGION,
  resources: [],
  detail,
});

async function sendDeadLetter(body: unknown, attributes: Record<string, string> = {}) {
  await world.sqs.send(
    new SendMessageCommand({
      QueueUrl: world.environments.prod.deadLetterQueueUrl,
      MessageBody: JSON.stringify(body),
      MessageAttributes: Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, { DataType: 'String', StringValue: value }])),
    }),
  );
}

async function expectEqualToProd(id: string, environments: EnvironmentName[]) {
  const prodItem = await world.readItem('prod', keyOf(pipeline(id)));
  expect(prodItem).toBeDefined();
  for (const environment of environments) {
    expect(await world.readItem(environment, keyOf(pipeline(id)))).toEqual(prodItem);
  }
}

describe('redrive of a replication failure', () => {
  it('keeps the message while the target is down, and applies then deletes it once the target is back', async () => {
    // Prepare: staging is down, so the replicator dead-letters the change for staging.
    world.proxy.inject({ tableName: 'acme-metadata-staging', times: Infinity, status: 500, errorType: 'InternalServerError' });
    const created = await world.writeItem('prod', pipeline('redrive-down', { owner: { S: 'ingest' } }));
    await world.propagate('prod', streamEvent(created));
    expect(await world.outcomes('staging', 'failure')).toHaveLength(1);
    expect(await world.outcomes('dev', 'success')).toHaveLength(1);

    // Act: staging is still down.
    const whileDown = await redriveProd();

    // Assess: not applied, so kept, and the message is visible again right away.
    expect(whileDown).toMatchObject({ handled: 1, deleted: 0, kept: 1, byShape: { 'replication-failed': 1 } });
    expect(whileDown.messages[0]?.reason).toMatch(/^not applied in staging: InternalServerError/);
    expect(await world.readItem('staging', keyOf(pipeline('redrive-down')))).toBeUndefined();

    // Act: staging is back.
    world.proxy.clearFaults();
    const recovered = await redriveProd();

    // Assess
    expect(recovered).toMatchObject({ handled: 1, deleted: 1, kept: 0, byDecision: { deleted: 1 } });
    await expectEqualToProd('redrive-down', ['staging', 'dev']);
    expect(await world.deadLetters('prod')).toEqual([]);
  });
});

describe('redrive of every shape the queue receives', () => {
  it('replays the changes, republishes the outcome, and keeps what cannot be replayed', async () => {
    // Prepare
    const [lambda, eventBridge, published] = await Promise.all(['from-lambda', 'from-eventbridge', 'from-monitor'].map(prodOnlyChange));
    await sendDeadLetter({
      version: '1.0',
      timestamp: '2026-12-03T10:06:00.000Z',
      requestContext: { requestId: 'r-1', functionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:acme-replicator-prod', condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: busEventOf(lambda as ConfigurationChangedDetail),
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'Error', errorMessage: 'could not record 1 failure(s)' },
    });
    await sendDeadLetter(busEventOf(eventBridge as ConfigurationChangedDetail), {
      RULE_ARN: 'arn:aws:events:eu-west-1:111111111111:rule/acme-replication-prod',
      TARGET_ARN: 'arn:aws:lambda:eu-west-1:111111111111:function:acme-replicator-prod',
      ERROR_CODE: 'SDK_CLIENT_ERROR',
      ERROR_MESSAGE: 'Failed to invoke',
    });
    const failedAt = '2026-12-03T10:00:05.000Z';
    const error = { name: 'InternalServerError', message: 'internal error', retryable: true };
    await sendDeadLetter({ schemaVersion: 1, reason: 'publish-failed', functionName: 'monitor', environment: 'prod', change: published, error, attempts: 4, failedAt });
    const outcome = {
      schemaVersion: 1,
      outcome: 'succeeded',
      changeId: 'change-notified',
      sourceEnvironment: 'prod',
      targetEnvironment: 'dev',
      subject: (published as ConfigurationChangedDetail).subject,
      changeType: 'created',
      action: 'put',
      attempts: 1,
      completedAt: failedAt,
    };
    await sendDeadLetter({ schemaVersion: 1, reason: 'notification-failed', functionName: 'replicator', environment: 'prod', targetEnvironment: 'dev', originalEvent: outcome, error, attempts: 3, failedAt });
    await sendDeadLetter({ schemaVersion: 1, reason: 'malformed-event', functionName: 'replicator', environment: 'prod', originalEvent: { hello: 'world' }, error: { ...error, retryable: false }, attempts: 1, failedAt });
    await sendDeadLetter({
      requestContext: { requestId: 'r-2', functionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:acme-monitor-prod', condition: 'RetryAttemptsExhausted', approximateInvokeCount: 1 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: '2026-12-03T10:07:00.000Z',
      DDBStreamBatchInfo: { shardId: 'shardId-1', startSequenceNumber: '100', endSequenceNumber: '102', batchSize: 3, streamArn: 'arn:aws:dynamodb:eu-west-1:111111111111:table/acme-metadata-prod/stream/x' },
    });
    const progress: string[] = [];

    // Act
    const summary = await redriveProd({ onProgress: ({ shape, decision }) => progress.push(`${shape}:${decision}`) });

    // Assess
    expect(summary).toMatchObject({
      handled: 6,
      deleted: 4,
      kept: 2,
      byShape: { 'lambda-on-failure': 1, 'eventbridge-target-failure': 1, 'publish-failed': 1, 'notification-failed': 1, 'malformed-event': 1, 'stream-batch-failure': 1 },
    });
    expect(progress.sort()).toEqual([
      'eventbridge-target-failure:deleted',
      'lambda-on-failure:deleted',
      'malformed-event:kept',
      'notification-failed:deleted',
      'publish-failed:deleted',
      'stream-batch-failure:kept',
    ]);
    for (const id of ['from-lambda', 'from-eventbridge', 'from-monitor']) {
      await expectEqualToProd(id, ['staging', 'dev']);
    }
    expect(await world.outcomes('dev', 'success')).toEqual([expect.objectContaining({ body: outcome, attributes: expect.objectContaining({ outcome: 'succeeded', targetEnvironment: 'dev' }) })]);
    const left = await world.deadLetters('prod');
    expect(left.map(({ body }) => (body as { reason?: string }).reason ?? 'stream batch')).toEqual(expect.arrayContaining(['malformed-event', 'stream batch']));
    expect(left).toHaveLength(2);
  });
});

describe('a dry run', () => {
  it('classifies and reports, and writes, publishes and deletes nothing', async () => {
    // Prepare
    const change = await prodOnlyChange('dry-run');
    await sendDeadLetter({ schemaVersion: 1, reason: 'publish-failed', functionName: 'monitor', environment: 'prod', change, error: { name: 'E', message: 'm', retryable: true }, attempts: 4, failedAt: '2026-12-03T10:00:05.000Z' });

    // Act
    const summary = await redriveProd({ dryRun: true });

    // Assess
    expect(summary).toMatchObject({ dryRun: true, handled: 1, deleted: 0, kept: 1, byDecision: { 'would-replay': 1 } });
    expect(summary.messages[0]?.reason).toBe(`replicate change ${change.changeId} to staging, dev`);
    expect(await world.readItem('staging', keyOf(pipeline('dry-run')))).toBeUndefined();
    expect(await world.readItem('dev', keyOf(pipeline('dry-run')))).toBeUndefined();
    expect(await world.deadLetters('prod')).toHaveLength(1);
  });
});

describe('--max', () => {
  it('handles at most that many messages and leaves the rest in the queue', async () => {
    // Prepare
    for (const id of ['max-1', 'max-2', 'max-3']) {
      await sendDeadLetter({ schemaVersion: 1, reason: 'publish-failed', functionName: 'monitor', environment: 'prod', change: await prodOnlyChange(id), error: { name: 'E', message: 'm', retryable: true }, attempts: 4, failedAt: '2026-12-03T10:00:05.000Z' });
    }

    // Act
    const summary = await redriveProd({ max: 2 });

    // Assess
    expect(summary).toMatchObject({ handled: 2, deleted: 2 });
    expect(await world.deadLetters('prod')).toHaveLength(1);
  });

  it.each([0, 1.5, -3])('refuses max=%p before reading the queue', async (max) => {
    await expect(redriveProd({ max })).rejects.toThrow(`max=${max} is invalid: must be a whole number of messages, at least 1`);
  });
});
