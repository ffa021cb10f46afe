import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { parseArn, type ReplicationAction, type ReplicationTarget, type TableItemSubject } from '@data-platform/replication-contract';
import { olderOrUnstampedCondition, stampedByCondition } from './newest-wins';
import { TABLE_ITEM_STAMP_ATTRIBUTE } from './sequence-stamp';

/** A DynamoDB client for a region; `undefined` means the function's own region. */
export type DynamoDBClientFor = (region: string | undefined) => DynamoDBClient;

type Item = Record<string, AttributeValue>;

export class UnsupportedKeyError extends Error {
  constructor(readonly attribute: string) {
    super(`key attribute ${attribute} is not a DynamoDB S, N or B value`);
    this.name = 'UnsupportedKeyError';
  }
}

/**
 * Makes one target's item equal to prod's current item, newest-wins. One attempt:
 * the caller retries the whole function, so every attempt re-reads prod.
 */
export async function replicateTableItem(request: {
  readonly subject: TableItemSubject;
  readonly target: ReplicationTarget;
  readonly changeStamp: string;
  readonly dynamodb: DynamoDBClientFor;
  readonly signal: AbortSignal;
}): Promise<ReplicationAction> {
  const { subject, target, changeStamp, signal } = request;
  const key = toSdkKey(subject.key);
  const source = request.dynamodb(undefined);
  const destination = request.dynamodb(regionOfTable(target.tableName));

  const item = await readItem(source, subject.tableName, key, signal);
  if (item === undefined) {
    const deleted = await deleteIf(destination, target.tableName, key, olderOrUnstampedCondition(changeStamp), signal);
    return deleted ? 'delete' : 'skipped-newer';
  }
  const written = await putUnlessNewer(destination, target.tableName, item, changeStamp, signal);
  if (written === 'put-into-empty') {
    // An empty target carries no stamp, so it cannot refuse this put even if prod
    // deleted the item after our read and that delete already reached the target.
    // Re-read prod: if the item is gone, undo our own write (and only ours).
    if ((await readItem(source, subject.tableName, key, signal)) === undefined) {
      const undone = await deleteIf(destination, target.tableName, key, stampedByCondition(changeStamp), signal);
      // Not undone: a newer change replaced our write in the meantime; it is that change's to keep.
      return undone ? 'delete' : 'put';
    }
    return 'put';
  }
  return written;
}

/** Stream records carry keys in DynamoDB JSON with binary values in base64; the SDK wants bytes. */
export function toSdkKey(key: TableItemSubject['key']): Item {
  const converted: Item = {};
  for (const [name, value] of Object.entries(key)) {
    const types = Object.keys(value);
    const raw = value[types[0] ?? ''];
    if (types.length !== 1 || typeof raw !== 'string') {
      throw new UnsupportedKeyError(name);
    }
    switch (types[0]) {
      case 'S':
        converted[name] = { S: raw };
        break;
      case 'N':
        converted[name] = { N: raw };
        break;
      case 'B':
        converted[name] = { B: Buffer.from(raw, 'base64') };
        break;
      default:
        throw new UnsupportedKeyError(name);
    }
  }
  return converted;
}

/** A table given as an ARN (cross-account targets) is addressed in the ARN's region. */
export function regionOfTable(tableName: string): string | undefined {
  const arn = parseArn(tableName);
  return arn?.service === 'dynamodb' && arn.resource.startsWith('table/') ? arn.region : undefined;
}

async function readItem(client: DynamoDBClient, tableName: string, key: Item, signal: AbortSignal): Promise<Item | undefined> {
  const { Item } = await client.send(
    new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
    { abortSignal: signal },
  );
  return Item;
}

/** Puts prod's item unless the target holds a newer one; `put-into-empty` when there was no item before. */
async function putUnlessNewer(
  client: DynamoDBClient,
  tableName: string,
  item: Item,
  changeStamp: string,
  signal: AbortSignal,
): Promise<ReplicationAction | 'put-into-empty'> {
  const written = await unlessConditionFails(
    client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: { ...item, [TABLE_ITEM_STAMP_ATTRIBUTE]: { S: changeStamp } },
        ...olderOrUnstampedCondition(changeStamp),
        ReturnValues: 'ALL_OLD',
      }),
      { abortSignal: signal },
    ),
  );
  if (written === undefined) {
    return 'skipped-newer';
  }
  return written.Attributes === undefined ? 'put-into-empty' : 'put';
}

/** Deletes the target's item if `condition` holds; false when it did not (the target held another state). */
async function deleteIf(
  client: DynamoDBClient,
  tableName: string,
  key: Item,
  condition: ReturnType<typeof olderOrUnstampedCondition>,
  signal: AbortSignal,
): Promise<boolean> {
  const deleted = await unlessConditionFails(
    client.send(new DeleteItemCommand({ TableName: tableName, Key: key, ...condition }), { abortSignal: signal }),
  );
  return deleted !== undefined;
}

/** The write's result, or `undefined` when its condition failed (the target held another state). */
async function unlessConditionFails<T>(write: Promise<T>): Promise<T | undefined> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      return undefined;
    }
    throw error;
  }
}
