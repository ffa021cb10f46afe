import { buildConfigurationChanged, type DeadLetterMessage } from '@data-platform/replication-contract';
import { classifyDeadLetter } from './dead-letter-shapes';

const change = buildConfigurationChanged({
  changeId: '7b1c2f0e3d4a5b6c7d8e9f0a1b2c3d4e',
  environment: 'prod',
  subject: { kind: 'table-item', tableName: 'acme-metadata-prod', key: { pk: { S: 'pipeline#orders' }, sk: { N: '7' } } },
  changeType: 'updated',
  sequence: '4421584500000000017450439091',
  changedAt: '2026-12-03T10:00:00.000Z',
});
const busEvent = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'ConfigurationChanged',
  source: 'data-platform.configuration-monitor.prod',
  account: '111111111111',
  time: '2026-12-03T10:00:01Z',
  region: 'eu-west-1',
  resources: ['arn:aws:dynamodb:eu-west-1:111111111111:table/acme-metadata-prod'],
  detail: change,
};
const error = { name: 'InternalServerError', message: 'We encountered an internal error', retryable: true };
const letter = (fields: Partial<DeadLetterMessage>): DeadLetterMessage => ({
  schemaVersion: 1,
  reason: 'replication-failed',
  functionName: 'replicator',
  environment: 'prod',
  error,
  attempts: 4,
  failedAt: '2026-12-03T10:00:05.000Z',
  ...fields,
});
const received = (body: unknown, attributes: Record<string, string> = {}) => ({ body: JSON.stringify(body), attributes });

describe('classifyDeadLetter', () => {
  it('reads a replication failure as the change and the one target it failed in', () => {
    const shape = classifyDeadLetter(received(letter({ change, targetEnvironment: 'staging', originalEvent: busEvent })));

    expect(shape).toEqual({ shape: 'replication-failed', change, targetEnvironment: 'staging' });
  });

  it('reads a notification failure as the outcome to publish again', () => {
    const outcome = {
      schemaVersion: 1,
      outcome: 'succeeded',
      changeId: change.changeId,
      sourceEnvironment: 'prod',
      targetEnvironment: 'dev',
      subject: change.subject,
      changeType: 'updated',
      action: 'put',
      attempts: 1,
      completedAt: '2026-12-03T10:00:02.000Z',
    };
    const shape = classifyDeadLetter(received(letter({ reason: 'notification-failed', change, targetEnvironment: 'dev', originalEvent: outcome, attempts: 3 })));

    expect(shape).toEqual({ shape: 'notification-failed', outcome, targetEnvironment: 'dev' });
  });

  it('reads a publish failure of the monitor as a change for every target', () => {
    const shape = classifyDeadLetter(received(letter({ reason: 'publish-failed', functionName: 'monitor', change })));

    expect(shape).toEqual({ shape: 'publish-failed', change });
  });

  it('keeps a malformed event with the error that made it unreadable', () => {
    const shape = classifyDeadLetter(
      received(letter({ reason: 'malformed-event', originalEvent: { source: 'aws.s3' }, error: { name: 'UnreplicableEventError', message: 'event must be an EventBridge event object', retryable: false } })),
    );

    expect(shape).toEqual({ shape: 'malformed-event', reason: 'kept for inspection, never replayed: UnreplicableEventError: event must be an EventBridge event object' });
  });

  it('takes the change out of a Lambda asynchronous on-failure destination record', () => {
    const record = {
      version: '1.0',
      timestamp: '2026-12-03T10:06:00.000Z',
      requestContext: {
        requestId: 'e4b46cbf-b738-xmpl-8880-a18cdf61200e',
        functionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:acme-replicator-prod:$LATEST',
        condition: 'RetriesExhausted',
        approximateInvokeCount: 3,
      },
      requestPayload: busEvent,
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'Error', errorMessage: 'could not record 1 failure(s): QueueDoesNotExist' },
    };

    expect(classifyDeadLetter(received(record))).toEqual({
      shape: 'lambda-on-failure',
      change,
      functionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:acme-replicator-prod:$LATEST',
      condition: 'RetriesExhausted',
    });
  });

  it('takes the change out of an EventBridge target dead letter, whose body is the event', () => {
    const attributes = {
      RULE_ARN: 'arn:aws:events:eu-west-1:111111111111:rule/acme-replication-prod',
      TARGET_ARN: 'arn:aws:lambda:eu-west-1:111111111111:function:acme-replicator-prod',
      ERROR_CODE: 'SDK_CLIENT_ERROR',
      ERROR_MESSAGE: 'Failed to invoke the function',
    };

    expect(classifyDeadLetter(received(busEvent, attributes))).toEqual({
      shape: 'eventbridge-target-failure',
      change,
      ruleArn: attributes.RULE_ARN,
      errorCode: 'SDK_CLIENT_ERROR',
    });
  });

  it('reports a stream batch failure with its shard and sequence range, and points at a resync', () => {
    const record = {
      requestContext: {
        requestId: 'c9b8fa9f-5a7f-xmpl-af9c-0c604cde93a5',
        functionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:acme-monitor-prod',
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: 1,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: '2026-12-03T10:07:00.000Z',
      DDBStreamBatchInfo: {
        shardId: 'shardId-00000001733216000000-4a2b9c1d',
        startSequenceNumber: '4421584500000000017450439091',
        endSequenceNumber: '4421584500000000017450439093',
        approximateArrivalOfFirstRecord: '2026-12-03T10:00:00Z',
        approximateArrivalOfLastRecord: '2026-12-03T10:00:01Z',
        batchSize: 3,
        streamArn: 'arn:aws:dynamodb:eu-west-1:111111111111:table/acme-metadata-prod/stream/2026-11-01T00:00:00.000',
      },
    };

    const shape = classifyDeadLetter(received(record));

    expect(shape).toEqual({
      shape: 'stream-batch-failure',
      range: { ...record.DDBStreamBatchInfo },
      reason: expect.stringContaining('run a resync of the affected table'),
    });
  });

  it('calls a dead letter whose change breaks the contract unknown, naming the field', () => {
    const shape = classifyDeadLetter(received(letter({ change: { ...change, environment: 'qa' as never }, targetEnvironment: 'staging' })));

    expect(shape).toEqual({ shape: 'unknown', reason: expect.stringContaining('environment="qa"') });
  });

  it.each([
    ['not JSON', '{', 'the body is not JSON'],
    ['not an object', '[1]', 'the body is not a JSON object'],
    ['an unrelated message', '{"hello":"world"}', 'neither a function dead letter, a Lambda on-failure record nor an EventBridge target failure'],
  ])('calls a body that is %s unknown', (_what, body, reason) => {
    expect(classifyDeadLetter({ body, attributes: {} })).toEqual({ shape: 'unknown', reason });
  });
});
