import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent, S3Event, S3EventRecord } from 'aws-lambda';

/**
 * Builds events exactly as Lambda delivers them, since the emulators have no
 * DynamoDB Streams and no S3 notifications: DynamoDB JSON with base64 binaries,
 * epoch-second timestamps, increasing sequence numbers, URL-encoded object keys
 * with '+' for spaces, and hexadecimal sequencers.
 */
export type Item = Record<string, AttributeValue>;

const STREAM_SEQUENCE_BASE = 10n ** 24n;
const SEQUENCER_BASE = 0x55aed6dcd90281e5n;

export class StreamRecorder {
  private sequence = 0n;
  private readonly streamArn: string;

  constructor(
    readonly tableName: string,
    readonly accountId: string,
    readonly region: string,
  ) {
    this.streamArn = `arn:aws:dynamodb:${region}:${accountId}:table/${tableName}/stream/2026-11-26T00:00:00.000`;
  }

  /** The record DynamoDB Streams would deliver for a write that turned `before` into `after`. */
  record(keyNames: readonly string[], before: Item | undefined, after: Item | undefined): DynamoDBRecord {
    const image = (after ?? before) as Item;
    const keys = Object.fromEntries(keyNames.map((name) => [name, image[name] as AttributeValue]));
    this.sequence += 1n;
    const eventName = before === undefined ? 'INSERT' : after === undefined ? 'REMOVE' : 'MODIFY';
    return {
      eventID: `${this.tableName}-${this.sequence}`.padEnd(32, '0'),
      eventName,
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: this.region,
      dynamodb: {
        ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
        Keys: toStreamJson(keys) as never,
        ...(after === undefined ? {} : { NewImage: toStreamJson(after) as never }),
        ...(before === undefined ? {} : { OldImage: toStreamJson(before) as never }),
        SequenceNumber: String(STREAM_SEQUENCE_BASE + this.sequence),
        SizeBytes: JSON.stringify(toStreamJson(image)).length,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: this.streamArn,
    };
  }
}

export function streamEvent(...records: DynamoDBRecord[]): DynamoDBStreamEvent {
  return { Records: records };
}

export class NotificationRecorder {
  private sequence = 0n;

  constructor(
    readonly bucketName: string,
    readonly region: string,
  ) {}

  created(key: string, size: number, eTag: string): S3EventRecord {
    return this.record('ObjectCreated:Put', key, { size, eTag });
  }

  removed(key: string): S3EventRecord {
    return this.record('ObjectRemoved:Delete', key, {});
  }

  /** A PutObjectTagging: S3 sends no sequencer with it. */
  tagged(key: string): S3EventRecord {
    const record = this.record('ObjectTagging:Put', key, {});
    const { sequencer: _sequencer, ...object } = record.s3.object;
    return { ...record, responseElements: { ...record.responseElements, 'x-amz-request-id': `TAGGING${this.sequence}` }, s3: { ...record.s3, object: object as typeof record.s3.object } };
  }

  private record(eventName: string, key: string, object: { size?: number; eTag?: string }): S3EventRecord {
    this.sequence += 1n;
    return {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: this.region,
      eventTime: new Date().toISOString(),
      eventName,
      userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
      requestParameters: { sourceIPAddress: '203.0.113.10' },
      responseElements: { 'x-amz-request-id': 'EXAMPLE123456789', 'x-amz-id-2': 'EXAMPLE/abcdefghijklmnopqrstuvwxyz' },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'configuration-changes',
        bucket: { name: this.bucketName, ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: `arn:aws:s3:::${this.bucketName}` },
        object: {
          key: encodeNotificationKey(key),
          ...(object as { size: number; eTag: string }),
          sequencer: (SEQUENCER_BASE + this.sequence).toString(16).toUpperCase().padStart(18, '0'),
        },
      },
    };
  }
}

export function notificationEvent(...records: S3EventRecord[]): S3Event {
  return { Records: records };
}

/** S3 notification keys: URL-encoded, slashes kept, spaces as '+'. */
export function encodeNotificationKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
}

/** SDK attribute values -> the DynamoDB JSON of stream records (binary as base64). */
export function toStreamJson(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    return Buffer.from(value).toString('base64');
  }
  if (Array.isArray(value)) {
    return value.map(toStreamJson);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toStreamJson(v)]));
  }
  return value;
}
