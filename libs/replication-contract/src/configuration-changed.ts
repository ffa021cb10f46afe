import * as z from 'zod/mini';
import { type EnvironmentName, ENVIRONMENT_NAMES } from './environments';
import { parseWithSchema, showValue } from './schema-issue';

/**
 * The one event this system puts on the default event bus. The monitor builds it,
 * the prod rule's pattern (replication-rule-pattern.ts) matches it and the
 * replicator parses it, all from this file, so the three cannot drift apart.
 *
 * The source names the environment whose monitor sent it, and each monitor's role
 * may put events with its own source only (an `events:source` condition): so the
 * dev and staging monitors, which share an account and a bus with prod in the
 * committed config, cannot emit an event the prod rule accepts. (`detail` is the
 * sender's to choose; `source` is checked by IAM.)
 */
export const CONFIGURATION_CHANGED_SOURCE_PREFIX = 'data-platform.configuration-monitor';

export function configurationChangedSource(environment: EnvironmentName): string {
  return `${CONFIGURATION_CHANGED_SOURCE_PREFIX}.${environment}`;
}
export const CONFIGURATION_CHANGED_DETAIL_TYPE = 'ConfigurationChanged';
export const CONFIGURATION_CHANGED_SCHEMA_VERSION = 1;
/** The bus the monitors put changes on and the prod rule listens to. */
export const CONFIGURATION_EVENT_BUS = 'default';

/** A DynamoDB attribute value in DynamoDB JSON, as stream records carry it: `{ "S": "abc" }`. */
export type AttributeValueJson = Readonly<Record<string, unknown>>;

/** A changed item of an environment's metadata table. */
export interface TableItemSubject {
  readonly kind: 'table-item';
  readonly tableName: string;
  /** The item's primary key attributes only, never the item body. */
  readonly key: Readonly<Record<string, AttributeValueJson>>;
}

/** A changed object under the `config/` prefix of an environment's data bucket. */
export interface BucketObjectSubject {
  readonly kind: 'bucket-object';
  readonly bucketName: string;
  /** The object key, URL-decoded (S3 notifications deliver it URL-encoded). */
  readonly key: string;
  readonly versionId?: string;
}

export type ChangeSubject = TableItemSubject | BucketObjectSubject;
export type ChangeKind = ChangeSubject['kind'];
export const CHANGE_KINDS: readonly ChangeKind[] = ['table-item', 'bucket-object'];

/** `tagged`: only the tags of an object changed (s3:ObjectTagging:*). */
export type ChangeType = 'created' | 'updated' | 'deleted' | 'tagged';
export const CHANGE_TYPES: readonly ChangeType[] = ['created', 'updated', 'deleted', 'tagged'];

export interface ConfigurationChangedDetail {
  readonly schemaVersion: typeof CONFIGURATION_CHANGED_SCHEMA_VERSION;
  /** Correlation id of this change, stable across retries and redelivery. */
  readonly changeId: string;
  /** The environment whose table or bucket changed. The prod rule matches on it. */
  readonly environment: EnvironmentName;
  readonly subject: ChangeSubject;
  readonly changeType: ChangeType;
  /**
   * Where the change sits in its source's order, for logs and correlation: a stream
   * record's SequenceNumber (decimal) or an S3 notification's sequencer
   * (hexadecimal). Absent for object tag changes, whose notifications carry no
   * sequencer. Replication never orders by it (it applies prod's current state and
   * checks it afterwards), so a forged or wrong sequence cannot hold a target back.
   */
  readonly sequence?: string;
  /** ISO-8601 time at which the source recorded the change. */
  readonly changedAt: string;
}

/** The envelope EventBridge delivers to a rule target. */
export interface ConfigurationChangedEvent {
  readonly version: string;
  readonly id: string;
  readonly 'detail-type': typeof CONFIGURATION_CHANGED_DETAIL_TYPE;
  /** configurationChangedSource(detail.environment). */
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: ConfigurationChangedDetail;
}

/** Structurally identical to the SDK's PutEventsRequestEntry; this package has no SDK dependency. */
export interface ConfigurationChangedEntry {
  Source: string;
  DetailType: string;
  Detail: string;
  EventBusName: string;
  Resources: string[];
  Time: Date;
}

export class InvalidConfigurationChangedError extends Error {
  constructor(readonly field: string, readonly value: unknown, readonly rule: string) {
    super(`ConfigurationChanged ${field}=${showValue(value)} is invalid: ${rule}`);
    this.name = 'InvalidConfigurationChangedError';
  }
}

const NON_EMPTY = 'must be a non-empty string';
const nonEmptyString = z.string({ error: NON_EMPTY }).check(z.minLength(1, { error: NON_EMPTY }));
/** A non-empty string of at most `max` UTF-8 bytes. */
const boundedString = (max: number, what: string) =>
  nonEmptyString.check(z.refine((value) => Buffer.byteLength(value) <= max, { error: `must be at most ${max} bytes (${what})` }));

/*
 * Every field is bounded by the AWS limit it mirrors, so a change (and so every
 * dead letter and outcome that carries one) stays far below SQS's and SNS's
 * 256 KiB message limit: a table key has at most two attributes, a partition key
 * value at most 2048 bytes and a sort key value 1024 (base64 for binary keys,
 * hence 4096 characters of DynamoDB JSON here), an object key 1024 bytes, a
 * bucket name 63 characters, a table ARN 1024.
 */
const keyAttribute = z
  .record(z.string(), z.unknown(), { error: 'must be an object' })
  .check(z.refine((value) => Buffer.byteLength(JSON.stringify(value)) <= 4_096, { error: 'must be at most 4096 bytes of DynamoDB JSON (a key value is at most 2048 bytes)' }));

const subjectSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('table-item'),
      tableName: boundedString(1_024, 'a table name or ARN'),
      key: z
        .record(boundedString(255, 'an attribute name'), keyAttribute, { error: 'must be an object' })
        .check(
          z.refine((key) => Object.keys(key).length > 0, { error: 'must name at least one key attribute' }),
          z.refine((key) => Object.keys(key).length <= 2, { error: 'must have at most 2 attributes (a partition key and a sort key)' }),
        ),
    }),
    z.object({
      kind: z.literal('bucket-object'),
      bucketName: boundedString(63, 'a bucket name'),
      key: boundedString(1_024, 'an S3 object key'),
      versionId: z.optional(boundedString(1_024, 'an S3 version id')),
    }),
  ],
  { error: `must be one of ${CHANGE_KINDS.join(', ')}` },
);

const detailSchema = z.object(
  {
    schemaVersion: z.literal(CONFIGURATION_CHANGED_SCHEMA_VERSION, { error: `must be ${CONFIGURATION_CHANGED_SCHEMA_VERSION}` }),
    changeId: boundedString(256, 'a stream eventID or an object change id'),
    environment: z.enum(ENVIRONMENT_NAMES, { error: `must be one of ${ENVIRONMENT_NAMES.join(', ')}` }),
    subject: subjectSchema,
    changeType: z.enum(CHANGE_TYPES, { error: `must be one of ${CHANGE_TYPES.join(', ')}` }),
    sequence: z.optional(boundedString(64, 'a stream sequence number or an S3 sequencer')),
    changedAt: boundedString(64, 'an ISO-8601 time').check(z.refine((value) => !Number.isNaN(Date.parse(value)), { error: 'must be an ISO-8601 time' })),
  },
  { error: 'must be an object' },
).check(
  z.superRefine((detail, context) => {
    const rule = SEQUENCE_RULES[detail.subject.kind];
    if (detail.sequence !== undefined && !rule.pattern.test(detail.sequence)) {
      context.issues.push({ code: 'custom', path: ['sequence'], message: rule.message, input: detail.sequence });
    }
  }),
);

/**
 * Each kind's sequence as its source documents it: DynamoDB Streams SequenceNumber
 * is a decimal string of 21 to 40 characters (Streams API, StreamRecord), an S3
 * sequencer a hexadecimal string of unspecified length (S3 event message structure),
 * bounded here by the 64 bytes above.
 */
const SEQUENCE_RULES = {
  'table-item': { pattern: /^[0-9]{1,40}$/, message: 'must be a decimal stream sequence number of at most 40 digits' },
  'bucket-object': { pattern: /^[0-9A-Fa-f]{1,64}$/, message: 'must be a hexadecimal S3 sequencer of at most 64 digits' },
} as const satisfies Record<ChangeKind, { pattern: RegExp; message: string }>;

/**
 * Validates an untrusted value (an EventBridge `detail`, a DLQ message body) and
 * returns it typed, without unknown fields. Throws InvalidConfigurationChangedError
 * naming the field, the value and the rule.
 */
export function parseConfigurationChangedDetail(value: unknown): ConfigurationChangedDetail {
  return parseWithSchema(detailSchema, value, 'detail', ({ field, value, rule }) => new InvalidConfigurationChangedError(field, value, rule));
}

/** Builds a validated detail; the monitor's only way to create one. */
export function buildConfigurationChanged(
  fields: Omit<ConfigurationChangedDetail, 'schemaVersion'>,
): ConfigurationChangedDetail {
  return parseConfigurationChangedDetail({ ...fields, schemaVersion: CONFIGURATION_CHANGED_SCHEMA_VERSION });
}

/** The PutEvents entry for one change. `resources` are the ARNs of the changed table or bucket. */
export function toConfigurationChangedEntry(
  detail: ConfigurationChangedDetail,
  options: { eventBusName: string; resources: string[] },
): ConfigurationChangedEntry {
  return {
    Source: configurationChangedSource(detail.environment),
    DetailType: CONFIGURATION_CHANGED_DETAIL_TYPE,
    Detail: JSON.stringify(detail),
    EventBusName: options.eventBusName,
    Resources: options.resources,
    Time: new Date(detail.changedAt),
  };
}
