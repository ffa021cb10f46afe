import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { ReplicationTarget } from '@data-platform/replication-contract';
import { mockClient } from 'aws-sdk-client-mock';
import { isRetryable } from '../runtime/error-summary';
import { regionOfTable, replicateTableItem, toSdkKey, UnsupportedKeyError } from './table-item-replica';

// Prod and a same-region target share one client; the mock tells them apart by table.
const local = new DynamoDBClient({ region: 'eu-west-1' });
const elsewhere = new DynamoDBClient({ region: 'us-west-2' });
const localMock = mockClient(local);
const elsewhereMock = mockClient(elsewhere);
const PROD = { TableName: 'acme-metadata-prod' };
const DEV = { TableName: 'acme-metadata-dev' };

const subject = { kind: 'table-item' as const, tableName: 'acme-metadata-prod', key: { pk: { S: 'pipeline#1' }, sk: { B: 'AQID' } } };
const key = { pk: { S: 'pipeline#1' }, sk: { B: Buffer.from([1, 2, 3]) } };
const item = { ...key, schedule: { S: 'hourly' } };
const target: ReplicationTarget = {
  environment: 'dev',
  tableName: 'acme-metadata-dev',
  bucketName: 'acme-data-dev',
  successTopicArn: 'arn:aws:sns:eu-west-1:333333333333:success',
  failureTopicArn: 'arn:aws:sns:eu-west-1:333333333333:failure',
};

function replicate(options: { target?: ReplicationTarget; regions?: (string | undefined)[] } = {}) {
  return replicateTableItem({
    subject,
    target: options.target ?? target,
    dynamodb: (region) => {
      options.regions?.push(region);
      return region === 'us-west-2' ? elsewhere : local;
    },
    signal: new AbortController().signal,
  });
}

beforeEach(() => {
  localMock.reset();
  elsewhereMock.reset();
});

describe('replicateTableItem', () => {
  it('reads both consistently and puts prod’s item as it is, adding nothing', async () => {
    localMock.on(GetItemCommand, PROD).resolves({ Item: item });
    localMock.on(GetItemCommand, DEV).resolves({ Item: { ...key, schedule: { S: 'daily' } } });
    localMock.on(PutItemCommand, DEV).resolves({});

    await expect(replicate()).resolves.toBe('put');

    expect(localMock.commandCalls(GetItemCommand, PROD)[0]?.args[0].input).toEqual({ TableName: 'acme-metadata-prod', Key: key, ConsistentRead: true });
    expect(localMock.commandCalls(GetItemCommand, DEV)[0]?.args[0].input).toEqual({ TableName: 'acme-metadata-dev', Key: key, ConsistentRead: true });
    expect(localMock.commandCalls(PutItemCommand, DEV).map((call) => call.args[0].input)).toEqual([{ TableName: 'acme-metadata-dev', Item: item }]);
  });

  it('writes nothing when the target already equals prod (a duplicate or late change)', async () => {
    localMock.on(GetItemCommand, PROD).resolves({ Item: item });
    localMock.on(GetItemCommand, DEV).resolves({ Item: { schedule: { S: 'hourly' }, ...key } });
    await expect(replicate()).resolves.toBe('skipped-newer');
    expect(localMock.commandCalls(PutItemCommand)).toHaveLength(0);
  });

  it('deletes the target’s item when prod no longer has it', async () => {
    localMock.on(GetItemCommand, PROD).resolves({});
    localMock.on(GetItemCommand, DEV).resolves({ Item: item });
    localMock.on(DeleteItemCommand, DEV).resolves({});
    await expect(replicate()).resolves.toBe('delete');
    expect(localMock.commandCalls(DeleteItemCommand, DEV).map((call) => call.args[0].input)).toEqual([{ TableName: 'acme-metadata-dev', Key: key }]);
  });

  it.each([
    ['changed', { Item: { ...key, schedule: { S: 'weekly' } } }],
    ['deleted', {}],
  ])('fails the attempt retryably when prod’s item %s while the target was written', async (_case, later) => {
    localMock.on(GetItemCommand, PROD).resolvesOnce({ Item: item }).resolves(later);
    localMock.on(GetItemCommand, DEV).resolves({});
    localMock.on(PutItemCommand, DEV).resolves({});
    const failure = await replicate().catch((caught: unknown) => caught);
    expect(failure).toMatchObject({ name: 'SourceChangedError' });
    expect(isRetryable(failure)).toBe(true);
  });

  it('fails the attempt retryably when prod re-created the item after the target delete', async () => {
    localMock.on(GetItemCommand, PROD).resolvesOnce({}).resolves({ Item: item });
    localMock.on(GetItemCommand, DEV).resolves({ Item: item });
    localMock.on(DeleteItemCommand, DEV).resolves({});
    await expect(replicate()).rejects.toMatchObject({ name: 'SourceChangedError' });
  });

  it('writes a target given as a table ARN through a client of the ARN’s region', async () => {
    const arn = 'arn:aws:dynamodb:us-west-2:333333333333:table/acme-metadata-dev';
    localMock.on(GetItemCommand, PROD).resolves({});
    elsewhereMock.on(GetItemCommand).resolves({ Item: item });
    elsewhereMock.on(DeleteItemCommand).resolves({});
    const regions: (string | undefined)[] = [];
    await expect(replicate({ target: { ...target, tableName: arn }, regions })).resolves.toBe('delete');
    expect(regions).toEqual([undefined, 'us-west-2']);
    expect(elsewhereMock.commandCalls(DeleteItemCommand).map((call) => call.args[0].input.TableName)).toEqual([arn]);
  });

  it('propagates other errors for the retry loop to classify', async () => {
    localMock.on(GetItemCommand, PROD).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    await expect(replicate()).rejects.toThrow('Rate exceeded');
  });
});

describe('key conversion and table regions', () => {
  it('turns stream DynamoDB JSON into SDK values', () => {
    expect(toSdkKey({ a: { S: 'x' }, b: { N: '1.5' }, c: { B: 'AQID' } })).toEqual({ a: { S: 'x' }, b: { N: '1.5' }, c: { B: Buffer.from([1, 2, 3]) } });
  });

  it.each([[{ a: { SS: ['x'] } }], [{ a: { S: 'x', N: '1' } }], [{ a: { N: 1 } }]])('refuses key %j', (value) => {
    expect(() => toSdkKey(value)).toThrow(UnsupportedKeyError);
  });

  it('reads the region of a table ARN only', () => {
    expect(regionOfTable('arn:aws:dynamodb:eu-central-1:123456789012:table/t')).toBe('eu-central-1');
    expect(regionOfTable('acme-metadata-dev')).toBeUndefined();
  });
});
