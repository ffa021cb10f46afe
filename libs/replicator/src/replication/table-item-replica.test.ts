import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { ReplicationTarget } from '@data-platform/replication-contract';
import { mockClient } from 'aws-sdk-client-mock';
import { TABLE_ITEM_STAMP_ATTRIBUTE, toSequenceStamp } from './sequence-stamp';
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
const changeStamp = toSequenceStamp('4421584500000000017450439091');
const condition = {
  ConditionExpression: 'attribute_not_exists(#stamp) OR #stamp < :stamp',
  ExpressionAttributeNames: { '#stamp': TABLE_ITEM_STAMP_ATTRIBUTE },
  ExpressionAttributeValues: { ':stamp': { S: changeStamp } },
};
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

function replicate(options: { target?: ReplicationTarget; regions?: (string | undefined)[] } = {}) {
  return replicateTableItem({
    subject,
    target: options.target ?? target,
    changeStamp,
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
  it('reads prod consistently and puts the item, stamped and conditional, over an older one', async () => {
    localMock.on(GetItemCommand, PROD).resolves({ Item: item });
    localMock.on(PutItemCommand, DEV).resolves({ Attributes: { ...key, [TABLE_ITEM_STAMP_ATTRIBUTE]: { S: toSequenceStamp('1') } } });

    await expect(replicate()).resolves.toBe('put');

    expect(localMock.commandCalls(GetItemCommand, PROD).map((call) => call.args[0].input)).toEqual([
      { TableName: 'acme-metadata-prod', Key: key, ConsistentRead: true },
    ]);
    expect(localMock.commandCalls(PutItemCommand, DEV).map((call) => call.args[0].input)).toEqual([
      { TableName: 'acme-metadata-dev', Item: { ...item, [TABLE_ITEM_STAMP_ATTRIBUTE]: { S: changeStamp } }, ...condition, ReturnValues: 'ALL_OLD' },
    ]);
  });

  it('reports skipped-newer when the target holds a state at least as new', async () => {
    localMock.on(GetItemCommand, PROD).resolves({ Item: item });
    localMock.on(PutItemCommand, DEV).rejects(conditionFailed());
    await expect(replicate()).resolves.toBe('skipped-newer');
  });

  it('deletes conditionally when the item is gone from prod', async () => {
    localMock.on(GetItemCommand, PROD).resolves({});
    localMock.on(DeleteItemCommand, DEV).resolves({});
    await expect(replicate()).resolves.toBe('delete');
    expect(localMock.commandCalls(DeleteItemCommand, DEV).map((call) => call.args[0].input)).toEqual([
      { TableName: 'acme-metadata-dev', Key: key, ...condition },
    ]);
  });

  it('keeps a newer target item when prod no longer has it', async () => {
    localMock.on(GetItemCommand, PROD).resolves({});
    localMock.on(DeleteItemCommand, DEV).rejects(conditionFailed());
    await expect(replicate()).resolves.toBe('skipped-newer');
  });

  describe('a put into an empty target', () => {
    it('re-reads prod and keeps the put when the item still exists', async () => {
      localMock.on(GetItemCommand, PROD).resolves({ Item: item });
      localMock.on(PutItemCommand, DEV).resolves({});
      await expect(replicate()).resolves.toBe('put');
      expect(localMock.commandCalls(GetItemCommand, PROD)).toHaveLength(2);
      expect(localMock.commandCalls(DeleteItemCommand, DEV)).toHaveLength(0);
    });

    it('undoes only its own write when prod deleted the item meanwhile', async () => {
      localMock.on(GetItemCommand, PROD).resolvesOnce({ Item: item }).resolves({});
      localMock.on(PutItemCommand, DEV).resolves({});
      localMock.on(DeleteItemCommand, DEV).resolves({});
      await expect(replicate()).resolves.toBe('delete');
      expect(localMock.commandCalls(DeleteItemCommand, DEV).map((call) => call.args[0].input)).toEqual([
        {
          TableName: 'acme-metadata-dev',
          Key: key,
          ConditionExpression: '#stamp = :stamp',
          ExpressionAttributeNames: { '#stamp': TABLE_ITEM_STAMP_ATTRIBUTE },
          ExpressionAttributeValues: { ':stamp': { S: changeStamp } },
        },
      ]);
    });

    it('leaves a newer write alone', async () => {
      localMock.on(GetItemCommand, PROD).resolvesOnce({ Item: item }).resolves({});
      localMock.on(PutItemCommand, DEV).resolves({});
      localMock.on(DeleteItemCommand, DEV).rejects(conditionFailed());
      await expect(replicate()).resolves.toBe('put');
    });
  });

  it('writes a target given as a table ARN through a client of the ARN’s region', async () => {
    localMock.on(GetItemCommand, PROD).resolves({});
    elsewhereMock.on(DeleteItemCommand).resolves({});
    const regions: (string | undefined)[] = [];
    const arn = 'arn:aws:dynamodb:us-west-2:333333333333:table/acme-metadata-dev';
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
