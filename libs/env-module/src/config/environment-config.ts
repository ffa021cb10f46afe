import type { EnvironmentName, RetrySettings } from '@data-platform/replication-contract';

/**
 * The validated settings of one environment. Built only by `loadEnvironmentConfig`,
 * from the stack config over `ENVIRONMENT_DEFAULTS`, so the three environments can
 * differ only where this type lets them: where they live and how big things are.
 */
export interface EnvironmentConfig {
  readonly environment: EnvironmentName;
  /** Where the environment lives. */
  readonly location: EnvironmentLocation;
  /** Lowercase prefix of every physical name (`acme` in `acme-metadata-prod`). */
  readonly company: string;
  /** Value of the `Project` tag. */
  readonly project: string;
  readonly bucket: BucketSettings;
  readonly table: TableSettings;
  readonly monitor: FunctionSettings;
  readonly replicator: FunctionSettings;
  readonly logs: LogSettings;
  readonly tableStream: TableStreamSettings;
  readonly asyncInvoke: AsyncInvokeSettings;
  readonly deadLetterQueue: DeadLetterQueueSettings;
  readonly alarms: AlarmSettings;
  /** Set only in prod when it lists replication targets. */
  readonly replication?: ReplicationSettings;
  /**
   * The account whose prod replicator may write into this environment. Equal to
   * `location.accountId` when everything lives in one account; otherwise this
   * environment's resource policies admit that account's replicator role.
   */
  readonly replicationSourceAccountId: string;
  /** Overrides where the Lambda bundles are read from (default: `<workspace>/dist/libs/replicator`). */
  readonly lambdaBundleRoot?: string;
}

export interface EnvironmentLocation {
  readonly accountId: string;
  readonly region: string;
  /** The ARN partition (`aws`, `aws-cn`, `aws-us-gov`, ...), from the region by `partitionOf`. */
  readonly partition: string;
}

/** The data bucket's lifecycle, in days. */
export interface BucketSettings {
  /** Current objects under `data/` expire this many days after creation. */
  readonly dataExpirationDays: number;
  /** An object version is deleted this many days after it stops being current. */
  readonly noncurrentVersionExpirationDays: number;
  /** Incomplete multipart uploads are aborted this many days after they start. */
  readonly abortIncompleteMultipartUploadDays: number;
}

/** Derived from the environment, not configurable: prod's table cannot be deleted by accident. */
export interface TableSettings {
  readonly deletionProtection: boolean;
}

export interface FunctionSettings {
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
}

export interface LogSettings {
  /** One of the retention periods CloudWatch Logs accepts. */
  readonly retentionDays: number;
}

/** How the monitor consumes the metadata table's stream. */
export interface TableStreamSettings {
  readonly batchSize: number;
  readonly maximumBatchingWindowSeconds: number;
  /** Retries of a failing batch (bisected on each error) before its records go to the DLQ. */
  readonly maximumRetryAttempts: number;
  /** Records older than this go to the DLQ instead of being retried. */
  readonly maximumRecordAgeSeconds: number;
}

/** Lambda's own retries of an asynchronous invocation (S3 notifications, the rule) before the DLQ. */
export interface AsyncInvokeSettings {
  readonly maximumRetryAttempts: number;
  readonly maximumEventAgeSeconds: number;
}

export interface DeadLetterQueueSettings {
  readonly messageRetentionDays: number;
}

export interface AlarmSettings {
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  /** Alarm when more than this many messages wait in the DLQ. */
  readonly deadLetterQueueDepthThreshold: number;
  /** Alarm when a function reports more than this many errors in one period. */
  readonly functionErrorsThreshold: number;
}

/** EventBridge's retries of delivering a change to the replicator before the DLQ. */
export interface ReplicationRuleSettings {
  readonly maximumRetryAttempts: number;
  readonly maximumEventAgeSeconds: number;
}

/** Prod only: where and how production changes are replicated. */
export interface ReplicationSettings {
  /** Target environments, in the order they were listed. */
  readonly targets: readonly EnvironmentName[];
  /** Organization of the targets' stacks: `<org>/infra-<env>/<env>`. */
  readonly stackOrganization: string;
  readonly rule: ReplicationRuleSettings;
  /** The replicator's own backoff, passed to the code through its environment. */
  readonly retry: RetrySettings;
}
