import { type AttributeValue, DeleteItemCommand, type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { parseArn, type ReplicationAction, type ReplicationTarget, type TableItemSubject } from '@data-platform/replication-contract';
import { sameItem } from './item-equality';
import { SourceChangedError } from './source-changed-error';

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
 * Makes one target's item equal to prod's current item. One attempt: the caller
 * retries the whole function, so every attempt re-reads both.
 *
 * Nothing is added to the item (every item prod can hold, up to DynamoDB's 400 KB,
 * fits the target as it is), and no order of changes is trusted: the target gets
 * prod's state as read now, and prod is read again after the write. If prod changed
 * in between, a newer change may have reached the target first and our write undone
 * it, so the attempt fails retryably and the retry writes prod's newer state. Every
 * writer checks after its own write, so the last write to a target is checked
 * against prod: duplicates, reordering and concurrent replicators all end equal to prod.
 */
export async function replicateTableItem(request: {
  readonly subject: TableItemSubject;
  readonly target: ReplicationTarget;
  readonly dynamodb: DynamoDBClientFor;
  readonly signal: AbortSignal;
}): Promise<ReplicationAction> {
  const { subject, target, signal } = request;
  const key = toSdkKey(subject.key);
  const source = request.dynamodb(undefined);
  const destination = request.dynamodb(regionOfTable(target.tableName));

  const [item, current] = await Promise.all([
    readItem(source, subject.tableName, key, signal),
    readItem(destination, target.tableName, key, signal),
  ]);
  if (sameItem(item, current)) {
    return 'skipped-newer';
  }
  if (item === undefined) {
    await destination.send(new DeleteItemCommand({ TableName: target.tableName, Key: key }), { abortSignal: signal });
  } else {
    await destination.send(new PutItemCommand({ TableName: target.tableName, Item: item }), { abortSignal: signal });
  }
  if (!sameItem(await readItem(source, subject.tableName, key, signal), item)) {
    throw new SourceChangedError(`item ${JSON.stringify(subject.key)} of ${subject.tableName}`);
  }
  return item === undefined ? 'delete' : 'put';
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
