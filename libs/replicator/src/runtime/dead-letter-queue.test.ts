import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { buildConfigurationChanged } from '@data-platform/replication-contract';
import { mockClient } from 'aws-sdk-client-mock';
import { createDeadLetterQueue } from './dead-letter-queue';

const sqs = new SQSClient({ region: 'eu-west-1' });
const sqsMock = mockClient(sqs);
const queue = createDeadLetterQueue({
  sqs,
  queueUrl: 'https://sqs.eu-west-1.amazonaws.com/111111111111/acme-dead-letters-prod',
  functionName: 'replicator',
  environment: 'prod',
  now: () => new Date('2026-11-26T10:00:00.000Z'),
});
const change = buildConfigurationChanged({
  changeId: 'c-1',
  environment: 'prod',
  subject: { kind: 'bucket-object', bucketName: 'acme-data-prod', key: 'config/a.json' },
  changeType: 'created',
  sequence: '0055AED6DCD90281E5',
  changedAt: '2026-11-26T09:59:59.000Z',
});
const error = { name: 'InternalServerError', message: 'down', retryable: true };

beforeEach(() => {
  sqsMock.reset();
  sqsMock.on(SendMessageCommand).resolves({ MessageId: 'm' });
});

describe('dead-letter queue', () => {
  it('sends the full DeadLetterMessage with its filter attributes', async () => {
    await queue.send({ reason: 'replication-failed', change, targetEnvironment: 'staging', error, attempts: 6 });
    expect(sqsMock.commandCalls(SendMessageCommand).map((call) => call.args[0].input)).toEqual([
      {
        QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/111111111111/acme-dead-letters-prod',
        MessageBody: JSON.stringify({
          schemaVersion: 1,
          functionName: 'replicator',
          environment: 'prod',
          reason: 'replication-failed',
          change,
          targetEnvironment: 'staging',
          error,
          attempts: 6,
          failedAt: '2026-11-26T10:00:00.000Z',
        }),
        MessageAttributes: {
          reason: { DataType: 'String', StringValue: 'replication-failed' },
          functionName: { DataType: 'String', StringValue: 'replicator' },
          environment: { DataType: 'String', StringValue: 'prod' },
          targetEnvironment: { DataType: 'String', StringValue: 'staging' },
          changeId: { DataType: 'String', StringValue: 'c-1' },
        },
      },
    ]);
  });

  it('omits attributes it has no value for', async () => {
    await queue.send({ reason: 'malformed-event', originalEvent: { a: 1 }, error, attempts: 1 });
    expect(Object.keys(sqsMock.commandCalls(SendMessageCommand)[0]?.args[0].input.MessageAttributes ?? {})).toEqual(['reason', 'functionName', 'environment']);
  });

  it('cuts an oversized original input to a preview so the message still fits', async () => {
    await queue.send({ reason: 'malformed-event', originalEvent: { blob: 'x'.repeat(300_000) }, error, attempts: 1 });
    const body = sqsMock.commandCalls(SendMessageCommand)[0]?.args[0].input.MessageBody ?? '';
    expect(Buffer.byteLength(body)).toBeLessThan(256 * 1024);
    expect(JSON.parse(body).originalEvent).toEqual({ truncated: true, bytes: 300_011, preview: expect.stringMatching(/^\{"blob":"x+$/) });
  });

  it('fits the largest change the contract admits, with an oversized multi-byte original, keeping what identifies the change', async () => {
    // Prepare: two key attributes at DynamoDB's limits (2048-byte partition key, 1024-byte sort key, base64 for binary).
    const largest = buildConfigurationChanged({
      changeId: 'e'.repeat(256),
      environment: 'prod',
      subject: {
        kind: 'table-item',
        tableName: `arn:aws:dynamodb:eu-west-1:111111111111:table/${'t'.repeat(255)}`,
        key: { ['p'.repeat(255)]: { B: Buffer.alloc(2_048, 1).toString('base64') }, ['s'.repeat(255)]: { S: 'é'.repeat(512) } },
      },
      changeType: 'updated',
      sequence: '9'.repeat(40),
      changedAt: '2026-11-26T09:59:59.000Z',
    });

    // Act
    await queue.send({ reason: 'replication-failed', change: largest, targetEnvironment: 'dev', originalEvent: { detail: 'ü'.repeat(400_000) }, error, attempts: 6 });

    // Assess: SQS accepts at most 256 KiB per message, attributes included.
    const input = sqsMock.commandCalls(SendMessageCommand)[0]?.args[0].input;
    expect(Buffer.byteLength(input?.MessageBody ?? '') + Buffer.byteLength(JSON.stringify(input?.MessageAttributes))).toBeLessThan(256 * 1024);
    expect(JSON.parse(input?.MessageBody ?? '{}')).toMatchObject({ change: largest, targetEnvironment: 'dev', attempts: 6, originalEvent: { truncated: true } });
  });

  it('lets a send failure through to the caller', async () => {
    sqsMock.on(SendMessageCommand).rejects(new Error('queue gone'));
    await expect(queue.send({ reason: 'malformed-event', error, attempts: 1 })).rejects.toThrow('queue gone');
  });
});
