import { DEFAULT_RETRY } from '@data-platform/replication-contract';
import type {
  AlarmSettings,
  AsyncInvokeSettings,
  BucketSettings,
  DeadLetterQueueSettings,
  FunctionSettings,
  ReplicationRuleSettings,
  TableStreamSettings,
} from './environment-config';

/**
 * The one set of defaults. Every environment starts from these; its stack config
 * may override only the keys `loadEnvironmentConfig` knows, within their rules.
 */
export const ENVIRONMENT_DEFAULTS = {
  project: 'data-pipeline-platform',
  bucket: {
    dataExpirationDays: 30,
    noncurrentVersionExpirationDays: 30,
    abortIncompleteMultipartUploadDays: 7,
  } satisfies BucketSettings,
  monitor: { timeoutSeconds: 60, memoryMb: 256 } satisfies FunctionSettings,
  // Its backoff (replicatorRetry) must finish within half of this; see retry-budget.ts.
  replicator: { timeoutSeconds: 120, memoryMb: 512 } satisfies FunctionSettings,
  logRetentionDays: 30,
  tableStream: {
    batchSize: 100,
    maximumBatchingWindowSeconds: 1,
    maximumRetryAttempts: 5,
    maximumRecordAgeSeconds: 3_600,
  } satisfies TableStreamSettings,
  asyncInvoke: { maximumRetryAttempts: 2, maximumEventAgeSeconds: 3_600 } satisfies AsyncInvokeSettings,
  deadLetterQueue: { messageRetentionDays: 14 } satisfies DeadLetterQueueSettings,
  alarms: {
    periodSeconds: 60,
    evaluationPeriods: 1,
    deadLetterQueueDepthThreshold: 0,
    functionErrorsThreshold: 0,
  } satisfies AlarmSettings,
  replicationRule: { maximumRetryAttempts: 10, maximumEventAgeSeconds: 3_600 } satisfies ReplicationRuleSettings,
  replicatorRetry: DEFAULT_RETRY,
} as const;
