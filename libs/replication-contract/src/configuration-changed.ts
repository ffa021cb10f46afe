import { type EnvironmentName, ENVIRONMENT_NAMES, isEnvironmentName } from './environments';

/**
 * The one event this system puts on the default event bus. The monitor builds it,
 * the prod rule's pattern (replication-rule-pattern.ts) matches it and the
 * replicator parses it, all from this file, so the three cannot drift apart.
 */
export const CONFIGURATION_CHANGED_SOURCE = 'data-platform.configuration-monitor';
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

export type ChangeType = 'created' | 'updated' | 'deleted';
export const CHANGE_TYPES: readonly ChangeType[] = ['created', 'updated', 'deleted'];

export interface ConfigurationChangedDetail {
  readonly schemaVersion: typeof CONFIGURATION_CHANGED_SCHEMA_VERSION;
  /** Correlation id of this change, stable across retries and redelivery. */
  readonly changeId: string;
  /** The environment whose table or bucket changed. The prod rule matches on it. */
  readonly environment: EnvironmentName;
  readonly subject: ChangeSubject;
  readonly changeType: ChangeType;
  /**
   * Orders the changes of one subject: a stream record's SequenceNumber (decimal)
   * or an S3 notification's sequencer (hexadecimal). The replicator turns it into a stamp whose string order is the source's order (sequence-stamp.ts).
   */
  readonly sequence: string;
  /** ISO-8601 time at which the source recorded the change. */
  readonly changedAt: string;
}

/** The envelope EventBridge delivers to a rule target. */
export interface ConfigurationChangedEvent {
  readonly version: string;
  readonly id: string;
  readonly 'detail-type': typeof CONFIGURATION_CHANGED_DETAIL_TYPE;
  readonly source: typeof CONFIGURATION_CHANGED_SOURCE;
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
    super(`ConfigurationChanged ${field}=${describe(value)} is invalid: ${rule}`);
    this.name = 'InvalidConfigurationChangedError';
  }
}

const HEX_OR_DECIMAL = /^[0-9a-fA-F]+$/;

/**
 * Validates an untrusted value (an EventBridge `detail`, a DLQ message body) and
 * returns it typed. Throws InvalidConfigurationChangedError naming the field and rule.
 */
export function parseConfigurationChangedDetail(value: unknown): ConfigurationChangedDetail {
  const detail = requireObject('detail', value);
  if (detail['schemaVersion'] !== CONFIGURATION_CHANGED_SCHEMA_VERSION) {
    throw new InvalidConfigurationChangedError(
      'detail.schemaVersion',
      detail['schemaVersion'],
      `must be ${CONFIGURATION_CHANGED_SCHEMA_VERSION}`,
    );
  }
  const changeId = requireString('detail.changeId', detail['changeId']);
  const environment = detail['environment'];
  if (!isEnvironmentName(environment)) {
    throw new InvalidConfigurationChangedError(
      'detail.environment',
      environment,
      `must be one of ${ENVIRONMENT_NAMES.join(', ')}`,
    );
  }
  const changeType = detail['changeType'];
  if (!CHANGE_TYPES.includes(changeType as ChangeType)) {
    throw new InvalidConfigurationChangedError(
      'detail.changeType',
      changeType,
      `must be one of ${CHANGE_TYPES.join(', ')}`,
    );
  }
  const sequence = requireString('detail.sequence', detail['sequence']);
  if (!HEX_OR_DECIMAL.test(sequence)) {
    throw new InvalidConfigurationChangedError('detail.sequence', sequence, 'must be a decimal or hexadecimal number');
  }
  const changedAt = requireString('detail.changedAt', detail['changedAt']);
  if (Number.isNaN(Date.parse(changedAt))) {
    throw new InvalidConfigurationChangedError('detail.changedAt', changedAt, 'must be an ISO-8601 time');
  }
  return {
    schemaVersion: CONFIGURATION_CHANGED_SCHEMA_VERSION,
    changeId,
    environment,
    subject: parseSubject(detail['subject']),
    changeType: changeType as ChangeType,
    sequence,
    changedAt,
  };
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
    Source: CONFIGURATION_CHANGED_SOURCE,
    DetailType: CONFIGURATION_CHANGED_DETAIL_TYPE,
    Detail: JSON.stringify(detail),
    EventBusName: options.eventBusName,
    Resources: options.resources,
    Time: new Date(detail.changedAt),
  };
}

function parseSubject(value: unknown): ChangeSubject {
  const subject = requireObject('detail.subject', value);
  switch (subject['kind']) {
    case 'table-item': {
      const key = requireObject('detail.subject.key', subject['key']);
      if (Object.keys(key).length === 0) {
        throw new InvalidConfigurationChangedError('detail.subject.key', key, 'must name at least one key attribute');
      }
      for (const [name, attribute] of Object.entries(key)) {
        requireObject(`detail.subject.key.${name}`, attribute);
      }
      return {
        kind: 'table-item',
        tableName: requireString('detail.subject.tableName', subject['tableName']),
        key: key as Record<string, AttributeValueJson>,
      };
    }
    case 'bucket-object': {
      const versionId = subject['versionId'];
      if (versionId !== undefined && typeof versionId !== 'string') {
        throw new InvalidConfigurationChangedError('detail.subject.versionId', versionId, 'must be a string when present');
      }
      return {
        kind: 'bucket-object',
        bucketName: requireString('detail.subject.bucketName', subject['bucketName']),
        key: requireString('detail.subject.key', subject['key']),
        ...(versionId === undefined ? {} : { versionId }),
      };
    }
    default:
      throw new InvalidConfigurationChangedError(
        'detail.subject.kind',
        subject['kind'],
        `must be one of ${CHANGE_KINDS.join(', ')}`,
      );
  }
}

function requireObject(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidConfigurationChangedError(field, value, 'must be an object');
  }
  return value as Record<string, unknown>;
}

function requireString(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidConfigurationChangedError(field, value, 'must be a non-empty string');
  }
  return value;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) {
    return String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
