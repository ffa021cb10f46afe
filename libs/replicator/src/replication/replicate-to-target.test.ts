import { DynamoDBClient, GetItemCommand, PutItemCommand, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { CopyObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { buildConfigurationChanged, type ReplicationTarget } from '@data-platform/replication-contract';
import { mockClient } from 'aws-sdk-client-mock';
import { fakeClock } from '../../test/fake-clock';
import { replicateToTarget, replicateToTargets } from './replicate-to-target';

const dynamodb = new DynamoDBClient({ region: 'eu-west-1' });
const s3 = new S3Client({ region: 'eu-west-1' });
const dynamodbMock = mockClient(dynamodb);
const s3Mock = mockClient(s3);

const retry = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 };
const target = (environment: 'dev' | 'staging'): ReplicationTarget => ({
  environment,
  tableName: `acme-metadata-${environment}`,
  bucketName: `acme-data-${environment}`,
  successTopicArn: `arn:aws:sns:eu-west-1:222222222222:success-${environment}`,
  failureTopicArn: `arn:aws:sns:eu-west-1:222222222222:failure-${environment}`,
});
const itemChange = buildConfigurationChanged({
  changeId: 'c-1',
  environment: 'prod',
  subject: { kind: 'table-item', tableName: 'acme-metadata-prod', key: { pk: { S: 'p' } } },
  changeType: 'updated',
  sequence: '100000000000000000001',
  changedAt: '2026-11-26T10:00:00.000Z',
});
const objectChange = buildConfigurationChanged({
  ...itemChange,
  subject: { kind: 'bucket-object', bucketName: 'acme-data-prod', key: 'config/a.json' },
  sequence: '0055AED6DCD90281E5',
});
const throttled = () => new ProvisionedThroughputExceededException({ message: 'Throughput exceeded', $metadata: { httpStatusCode: 400 } });

function options() {
  const time = fakeClock({ random: 0.5 });
  const warnings: unknown[] = [];
  return {
    time,
    warnings,
    options: {
      clients: { dynamodb: () => dynamodb, s3 },
      retry,
      deadline: time.clock.now() + 60_000,
      clock: time.clock,
      log: { warn: (message: string, ...details: Record<string, unknown>[]) => warnings.push({ message, ...details[0] }) },
    },
  };
}

beforeEach(() => {
  dynamodbMock.reset();
  s3Mock.reset();
  // Prod has the item, the targets do not (yet).
  dynamodbMock.on(GetItemCommand).resolves({});
  dynamodbMock.on(GetItemCommand, { TableName: 'acme-metadata-prod' }).resolves({ Item: { pk: { S: 'p' } } });
});

describe('replicateToTarget', () => {
  it('retries a throttled write with backoff, re-reading prod each attempt, and reports the attempts', async () => {
    dynamodbMock.on(PutItemCommand).rejectsOnce(throttled()).resolves({ Attributes: { pk: { S: 'p' } } });
    const { time, warnings, options: replication } = options();

    const outcome = await replicateToTarget(itemChange, target('dev'), replication);

    expect(outcome).toEqual({ target: target('dev'), outcome: 'succeeded', action: 'put', attempts: 2 });
    // The first attempt read prod once; the second read it, wrote, and read it again to check.
    expect(dynamodbMock.commandCalls(GetItemCommand, { TableName: 'acme-metadata-prod' })).toHaveLength(3);
    expect(time.sleeps).toEqual([5]);
    expect(warnings).toEqual([
      {
        message: 'Replication attempt failed; retrying',
        targetEnvironment: 'dev',
        attempt: 1,
        delayMs: 5,
        error: { name: 'ProvisionedThroughputExceededException', message: 'Throughput exceeded', retryable: true, httpStatus: 400 },
      },
    ]);
  });

  it('re-reads both objects after S3 refuses a copy because one of them changed', async () => {
    s3Mock.on(HeadObjectCommand).resolves({ ETag: '"e"', Metadata: {} });
    s3Mock
      .on(CopyObjectCommand)
      .rejectsOnce(Object.assign(new Error('precondition'), { name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } }))
      .resolves({ CopyObjectResult: { ETag: '"e"' } });

    const outcome = await replicateToTarget(objectChange, target('staging'), options().options);

    expect(outcome).toMatchObject({ outcome: 'succeeded', action: 'put', attempts: 2 });
    expect(s3Mock.commandCalls(HeadObjectCommand, { Bucket: 'acme-data-prod' })).toHaveLength(3);
  });

  it('fails fast on a non-retryable error', async () => {
    dynamodbMock.on(PutItemCommand).rejects(Object.assign(new Error('One or more parameter values were invalid'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } }));
    const { time, options: replication } = options();

    const outcome = await replicateToTarget(itemChange, target('dev'), replication);

    expect(outcome).toEqual({
      target: target('dev'),
      outcome: 'failed',
      error: { name: 'ValidationException', message: 'One or more parameter values were invalid', retryable: false, httpStatus: 400 },
      attempts: 1,
    });
    expect(time.sleeps).toEqual([]);
  });

  it('fails with the last error once the attempts are used up', async () => {
    dynamodbMock.on(PutItemCommand).rejects(throttled());
    const outcome = await replicateToTarget(itemChange, target('dev'), options().options);
    expect(outcome).toMatchObject({ outcome: 'failed', attempts: 3, error: { name: 'ProvisionedThroughputExceededException', retryable: true } });
  });

  it('writes prod’s newer state when prod changed during an attempt', async () => {
    dynamodbMock
      .on(GetItemCommand, { TableName: 'acme-metadata-prod' })
      .resolvesOnce({ Item: { pk: { S: 'p' }, v: { N: '1' } } })
      .resolves({ Item: { pk: { S: 'p' }, v: { N: '2' } } });
    dynamodbMock.on(PutItemCommand).resolves({});

    const outcome = await replicateToTarget(itemChange, target('dev'), options().options);

    expect(outcome).toEqual({ target: target('dev'), outcome: 'succeeded', action: 'put', attempts: 2 });
    expect(dynamodbMock.commandCalls(PutItemCommand).at(-1)?.args[0].input.Item).toEqual({ pk: { S: 'p' }, v: { N: '2' } });
  });
});

describe('replicateToTargets', () => {
  it('gives every target its own outcome; one failing target does not stop another', async () => {
    dynamodbMock.on(PutItemCommand, { TableName: 'acme-metadata-staging' }).rejects(throttled());
    dynamodbMock.on(PutItemCommand, { TableName: 'acme-metadata-dev' }).resolves({ Attributes: { pk: { S: 'p' } } });

    const outcomes = await replicateToTargets(itemChange, [target('staging'), target('dev')], options().options);

    expect(outcomes).toEqual([
      expect.objectContaining({ target: target('staging'), outcome: 'failed', attempts: 3 }),
      { target: target('dev'), outcome: 'succeeded', action: 'put', attempts: 1 },
    ]);
  });
});
