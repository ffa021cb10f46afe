import { createHash } from 'node:crypto';
import {
  buildConfigurationChanged,
  type ChangeType,
  type EnvironmentName,
  parseArn,
  toConfigurationChangedEntry,
} from '@data-platform/replication-contract';
import type { S3EventRecord } from 'aws-lambda';
import { type PendingChange, UnreadableRecordError } from './pending-change';

/** An object the notification named that is not configuration (outside the prefix). */
export interface OutsidePrefix {
  readonly outsidePrefix: string;
}

/**
 * One S3 notification record -> one ConfigurationChanged, or OutsidePrefix for an
 * object outside the configuration prefix. S3 does not say whether a created key
 * existed before, so every ObjectCreated:* is `created` (replication is
 * state-based and does not depend on it). ObjectTagging:* is `tagged`; S3 sends a
 * sequencer "only with PUTs and DELETEs" (event message structure), so a tag
 * change may come without one and is identified by its request instead.
 */
export function changeFromObjectNotification(
  record: S3EventRecord,
  settings: { readonly environment: EnvironmentName; readonly eventBusName: string; readonly configPrefix: string },
): PendingChange | OutsidePrefix {
  if (record.eventSource !== 'aws:s3') {
    throw new UnreadableRecordError(`eventSource ${JSON.stringify(record.eventSource)} is not aws:s3`);
  }
  const changeType = changeTypeOf(record.eventName);
  const bucketName = record.s3?.bucket?.name;
  const object = record.s3?.object;
  if (typeof bucketName !== 'string' || typeof object?.key !== 'string') {
    throw new UnreadableRecordError('s3.bucket.name and s3.object.key must be strings');
  }
  const sequencer = typeof object.sequencer === 'string' && object.sequencer !== '' ? object.sequencer : undefined;
  if (sequencer === undefined && changeType !== 'tagged') {
    throw new UnreadableRecordError(`s3.object.sequencer must be a string for ${record.eventName}`);
  }
  const key = decodeObjectKey(object.key);
  if (!key.startsWith(settings.configPrefix)) {
    return { outsidePrefix: key };
  }
  const detail = buildConfigurationChanged({
    changeId: objectChangeId(bucketName, key, sequencer ?? `${record.eventTime}\u0000${record.responseElements?.['x-amz-request-id'] ?? ''}`),
    environment: settings.environment,
    subject: {
      kind: 'bucket-object',
      bucketName,
      key,
      ...(typeof object.versionId === 'string' && object.versionId !== '' ? { versionId: object.versionId } : {}),
    },
    changeType,
    ...(sequencer === undefined ? {} : { sequence: sequencer }),
    changedAt: record.eventTime,
  });
  const bucketArn = parseArn(record.s3.bucket.arn ?? '')?.service === 's3' ? record.s3.bucket.arn : `arn:aws:s3:::${bucketName}`;
  return { detail, entry: toConfigurationChangedEntry(detail, { eventBusName: settings.eventBusName, resources: [bucketArn] }) };
}

/** Notification keys are URL-encoded with '+' for spaces (form encoding). */
export function decodeObjectKey(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch {
    throw new UnreadableRecordError(`s3.object.key ${JSON.stringify(encoded)} is not URL-encoded`);
  }
}

/**
 * Stable for one change across S3's redelivery and our retries: S3 gives no event
 * id, but bucket, key and sequencer identify one change of one object (for a tag
 * change without a sequencer: its event time and request id).
 */
export function objectChangeId(bucketName: string, key: string, ordering: string): string {
  return `s3-${createHash('sha256').update(`${bucketName}\u0000${key}\u0000${ordering}`).digest('hex').slice(0, 32)}`;
}

function changeTypeOf(eventName: string | undefined): ChangeType {
  if (eventName?.startsWith('ObjectCreated:')) {
    return 'created';
  }
  if (eventName?.startsWith('ObjectRemoved:')) {
    return 'deleted';
  }
  if (eventName?.startsWith('ObjectTagging:')) {
    return 'tagged';
  }
  throw new UnreadableRecordError(`eventName ${JSON.stringify(eventName)} is not ObjectCreated:*, ObjectRemoved:* or ObjectTagging:*`);
}
