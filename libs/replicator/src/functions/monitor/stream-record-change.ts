import {
  type AttributeValueJson,
  buildConfigurationChanged,
  type ChangeType,
  type EnvironmentName,
  parseArn,
  toConfigurationChangedEntry,
} from '@data-platform/replication-contract';
import type { DynamoDBRecord } from 'aws-lambda';
import { type PendingChange, UnreadableRecordError } from './pending-change';

// A stream ARN is the table's ARN followed by /stream/<label>; DynamoDB table names are 3-255 of [A-Za-z0-9_.-].
const STREAM_RESOURCE = /^table\/([A-Za-z0-9_.-]{3,255})\/stream\/.+$/;

const CHANGE_TYPES: Readonly<Record<string, ChangeType>> = { INSERT: 'created', MODIFY: 'updated', REMOVE: 'deleted' };

/**
 * One stream record as Lambda delivers it -> one ConfigurationChanged. Only the
 * key travels: the replicator re-reads prod, so the images are never needed.
 * Throws UnreadableRecordError (or the contract's validation error) when the
 * record is not a usable change.
 */
export function changeFromStreamRecord(
  record: DynamoDBRecord,
  settings: { readonly environment: EnvironmentName; readonly eventBusName: string },
): PendingChange {
  if (record.eventSource !== 'aws:dynamodb') {
    throw new UnreadableRecordError(`eventSource ${JSON.stringify(record.eventSource)} is not aws:dynamodb`);
  }
  const arn = parseArn(record.eventSourceARN ?? '');
  const tableName = arn?.service === 'dynamodb' ? STREAM_RESOURCE.exec(arn.resource)?.[1] : undefined;
  if (arn === undefined || tableName === undefined) {
    throw new UnreadableRecordError(`eventSourceARN ${JSON.stringify(record.eventSourceARN)} is not a DynamoDB stream ARN`);
  }
  const changeType = CHANGE_TYPES[record.eventName ?? ''];
  if (changeType === undefined) {
    throw new UnreadableRecordError(`eventName ${JSON.stringify(record.eventName)} is not INSERT, MODIFY or REMOVE`);
  }
  const stream = record.dynamodb;
  const created = stream?.ApproximateCreationDateTime;
  if (typeof created !== 'number' || !Number.isFinite(created)) {
    throw new UnreadableRecordError(`dynamodb.ApproximateCreationDateTime ${JSON.stringify(created)} is not epoch seconds`);
  }
  const detail = buildConfigurationChanged({
    changeId: record.eventID ?? '',
    environment: settings.environment,
    subject: {
      kind: 'table-item',
      tableName,
      key: (stream?.Keys ?? {}) as Record<string, AttributeValueJson>,
    },
    changeType,
    sequence: stream?.SequenceNumber ?? '',
    changedAt: new Date(created * 1000).toISOString(),
  });
  return { detail, entry: toConfigurationChangedEntry(detail, { eventBusName: settings.eventBusName, resources: [tableArnOfStream(record.eventSourceARN as string)] }) };
}

/** `arn:...:table/<name>/stream/<label>` -> `arn:...:table/<name>`. */
function tableArnOfStream(streamArn: string): string {
  return streamArn.slice(0, streamArn.indexOf('/stream/'));
}

/** The record without its item images, for a dead letter: identifiers only, no item bodies. */
export function withoutImages(record: DynamoDBRecord): DynamoDBRecord {
  if (record.dynamodb === undefined) {
    return record;
  }
  const { NewImage: _new, OldImage: _old, ...stream } = record.dynamodb;
  return { ...record, dynamodb: stream };
}
