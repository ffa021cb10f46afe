import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import {
  buildConfigurationChanged,
  CONFIGURATION_CHANGED_DETAIL_TYPE,
  configurationChangedSource,
  type ReplicatorSettings,
} from '@data-platform/replication-contract';
import { mockClient } from 'aws-sdk-client-mock';
import { CapturingLogger } from '../../../test/capturing-logger';
import { fakeClock } from '../../../test/fake-clock';
import { lambdaContext } from '../../../test/lambda-context';
import type { DeadLetter } from '../../runtime/dead-letter-queue';
import { createReplicatorHandler } from './replicator-handler';

const dynamodb = new DynamoDBClient({ region: 'eu-west-1' });
const sns = new SNSClient({ region: 'eu-west-1' });
const dynamodbMock = mockClient(dynamodb);
const snsMock = mockClient(sns);

const topic = (kind: string, environment: string) => `arn:aws:sns:eu-west-1:222222222222:acme-replication-${kind}-${environment}`;
const settings: ReplicatorSettings = {
  environment: 'prod',
  sourceTableName: 'acme-metadata-prod',
  sourceBucketName: 'acme-data-prod',
  configPrefix: 'config/',
  deadLetterQueueUrl: 'http://127.0.0.1:1/dlq',
  targets: (['staging', 'dev'] as const).map((environment) => ({
    environment,
    tableName: `acme-metadata-${environment}`,
    bucketName: `acme-data-${environment}`,
    successTopicArn: topic('success', environment),
    failureTopicArn: topic('failure', environment),
  })),
  retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
};
const change = buildConfigurationChanged({
  changeId: 'change-1',
  environment: 'prod',
  subject: { kind: 'table-item', tableName: 'acme-metadata-prod', key: { pk: { S: 'pipeline#1' } } },
  changeType: 'updated',
  sequence: '100000000000000000042',
  changedAt: '2026-11-26T10:00:00.000Z',
});
const event = {
  version: '0',
  id: 'event-1',
  'detail-type': CONFIGURATION_CHANGED_DETAIL_TYPE,
  source: configurationChangedSource('prod'),
  account: '111111111111',
  time: '2026-11-26T10:00:00Z',
  region: 'eu-west-1',
  resources: ['arn:aws:dynamodb:eu-west-1:111111111111:table/acme-metadata-prod'],
  detail: change,
};
const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });

function replicator(options: { deadLetterFails?: boolean } = {}) {
  const logger = new CapturingLogger({ serviceName: 'configuration-replicator' });
  const deadLetters: DeadLetter[] = [];
  const handler = createReplicatorHandler({
    settings,
    clients: { dynamodb: () => dynamodb, s3: new S3Client({ region: 'eu-west-1' }) },
    sns: () => sns,
    deadLetters: {
      send: async (letter) => {
        if (options.deadLetterFails) throw new Error('SQS is down');
        deadLetters.push(letter);
      },
    },
    logger,
    clock: fakeClock().clock,
  });
  return { handler: (input: unknown) => handler(input, lambdaContext('replicator')), logger, deadLetters };
}

const published = () =>
  snsMock.commandCalls(PublishCommand).map((call) => ({
    topic: call.args[0].input.TopicArn,
    message: JSON.parse(call.args[0].input.Message ?? '{}'),
    outcome: call.args[0].input.MessageAttributes?.['outcome']?.StringValue,
  }));

beforeEach(() => {
  dynamodbMock.reset();
  snsMock.reset();
  // Prod has the item; the targets hold an older version of it.
  dynamodbMock.on(GetItemCommand).resolves({ Item: { pk: { S: 'pipeline#1' } } });
  dynamodbMock.on(GetItemCommand, { TableName: 'acme-metadata-prod' }).resolves({ Item: { pk: { S: 'pipeline#1' }, secret: { S: 'item body' } } });
  dynamodbMock.on(PutItemCommand).resolves({});
  snsMock.on(PublishCommand).resolves({ MessageId: 'm' });
});

describe('replicator handler', () => {
  it('replicates to every target and publishes each success to that target’s success topic', async () => {
    const { handler, deadLetters, logger } = replicator();

    const summary = await handler(event);

    expect(summary).toEqual({
      changeId: 'change-1',
      targets: [
        { environment: 'staging', outcome: 'succeeded', action: 'put', attempts: 1 },
        { environment: 'dev', outcome: 'succeeded', action: 'put', attempts: 1 },
      ],
    });
    expect(published()).toEqual([
      { topic: topic('success', 'staging'), outcome: 'succeeded', message: expect.objectContaining({ changeId: 'change-1', targetEnvironment: 'staging', action: 'put' }) },
      { topic: topic('success', 'dev'), outcome: 'succeeded', message: expect.objectContaining({ changeId: 'change-1', targetEnvironment: 'dev', action: 'put' }) },
    ]);
    expect(deadLetters).toEqual([]);
    expect(logger.entries.filter((entry) => entry['message'] === 'Replicated')).toEqual([
      expect.objectContaining({ correlation_id: 'change-1', targetEnvironment: 'staging', action: 'put' }),
      expect.objectContaining({ correlation_id: 'change-1', targetEnvironment: 'dev', action: 'put' }),
    ]);
    expect(logger.text()).not.toContain('item body');
    logger.info('after');
    expect(logger.entries.at(-1)).not.toHaveProperty('correlation_id');
  });

  it('dead-letters a target that still fails, notifies its failure topic, and succeeds for the others', async () => {
    dynamodbMock.on(PutItemCommand, { TableName: 'acme-metadata-dev' }).rejects(throttled());
    const { handler, deadLetters } = replicator();

    const summary = await handler(event);

    expect(summary).toMatchObject({ targets: [{ environment: 'staging', outcome: 'succeeded' }, { environment: 'dev', outcome: 'failed', attempts: 2 }] });
    const error = { name: 'ThrottlingException', message: 'Rate exceeded', retryable: true, httpStatus: 400 };
    expect(deadLetters).toEqual([{ reason: 'replication-failed', change, targetEnvironment: 'dev', originalEvent: event, error, attempts: 2 }]);
    expect(published()).toEqual([
      expect.objectContaining({ topic: topic('success', 'staging'), outcome: 'succeeded' }),
      { topic: topic('failure', 'dev'), outcome: 'failed', message: expect.objectContaining({ outcome: 'failed', error, attempts: 2 }) },
    ]);
  });

  it('dead-letters an outcome it could not publish and does not throw', async () => {
    snsMock.on(PublishCommand, { TopicArn: topic('success', 'dev') }).rejects(Object.assign(new Error('Topic does not exist'), { name: 'NotFoundException', $metadata: { attempts: 1 } }));
    const { handler, deadLetters } = replicator();

    await expect(handler(event)).resolves.toMatchObject({ changeId: 'change-1' });

    expect(deadLetters).toEqual([
      {
        reason: 'notification-failed',
        change,
        targetEnvironment: 'dev',
        originalEvent: expect.objectContaining({ outcome: 'succeeded', targetEnvironment: 'dev', action: 'put' }),
        error: { name: 'NotFoundException', message: 'Topic does not exist', retryable: false },
        attempts: 1,
      },
    ]);
  });

  it('throws only when a failure cannot be recorded, after every target was handled', async () => {
    dynamodbMock.on(PutItemCommand, { TableName: 'acme-metadata-dev' }).rejects(throttled());
    await expect(replicator({ deadLetterFails: true }).handler(event)).rejects.toThrow('could not record 1 failure(s): Error: SQS is down');
    expect(published()).toEqual([expect.objectContaining({ topic: topic('success', 'staging') })]);
  });

  it('dead-letters an event it cannot replicate, without touching any target', async () => {
    const devEvent = { ...event, detail: { ...change, environment: 'dev' } };
    const { handler, deadLetters } = replicator();

    expect(await handler(devEvent)).toEqual({ rejected: expect.objectContaining({ name: 'UnreplicableEventError' }) });

    expect(deadLetters).toEqual([
      {
        reason: 'malformed-event',
        originalEvent: devEvent,
        error: { name: 'UnreplicableEventError', message: 'detail.environment=dev is not the source environment prod', retryable: false },
        attempts: 1,
      },
    ]);
    expect(dynamodbMock.calls()).toHaveLength(0);
    expect(snsMock.calls()).toHaveLength(0);
  });

  it('throws when even the malformed event cannot be dead-lettered', async () => {
    await expect(replicator({ deadLetterFails: true }).handler({})).rejects.toThrow('SQS is down');
  });
});
