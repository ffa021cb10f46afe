import type { S3Client } from '@aws-sdk/client-s3';
import type {
  ConfigurationChangedDetail,
  ReplicationAction,
  ReplicationTarget,
  RetrySettings,
} from '@data-platform/replication-contract';
import { replicateBucketObject } from './bucket-object-replica';
import type { CopyPlan } from './multipart-copy';
import { type Clock, systemClock } from '../runtime/clock';
import { type ErrorSummary, summarizeError } from '../runtime/error-summary';
import { withRetries } from '../runtime/retries';
import { type DynamoDBClientFor, replicateTableItem } from './table-item-replica';

/** The clients replication reads prod and writes targets with. */
export interface ReplicationClients {
  /** Per region: targets given as table ARNs may live in another region. */
  readonly dynamodb: DynamoDBClientFor;
  /** One client; it follows S3's region redirects for buckets elsewhere. */
  readonly s3: S3Client;
}

/** Progress notes for logs; only identifiers, never item or object contents. */
export interface ReplicationLog {
  warn(message: string, ...details: Record<string, unknown>[]): void;
}

export interface ReplicationOptions {
  readonly clients: ReplicationClients;
  readonly retry: RetrySettings;
  /** Epoch ms after which no attempt starts or continues (see invocation-deadline.ts). */
  readonly deadline: number;
  readonly clock?: Clock;
  readonly log?: ReplicationLog;
  /** How objects are copied; S3's own limits unless a test needs small parts. */
  readonly copyPlan?: CopyPlan;
}

export type TargetOutcome =
  | {
      readonly target: ReplicationTarget;
      readonly outcome: 'succeeded';
      readonly action: ReplicationAction;
      readonly attempts: number;
    }
  | {
      readonly target: ReplicationTarget;
      readonly outcome: 'failed';
      readonly error: ErrorSummary;
      readonly attempts: number;
    };

/**
 * Replicates one change to one target: "make this subject in this target equal to
 * prod now". Retryable errors are retried with backoff inside the budget; every
 * attempt re-reads prod. Never throws: a failure is an outcome. A resync or drift
 * repair can call this with a change it builds itself.
 */
export async function replicateToTarget(
  change: ConfigurationChangedDetail,
  target: ReplicationTarget,
  options: ReplicationOptions,
): Promise<TargetOutcome> {
  const { subject } = change;
  const result = await withRetries(
    (signal) =>
      subject.kind === 'table-item'
        ? replicateTableItem({ subject, target, dynamodb: options.clients.dynamodb, signal })
        : replicateBucketObject({ subject, target, s3: options.clients.s3, signal, copyPlan: options.copyPlan }),
    { retry: options.retry, deadline: options.deadline, clock: options.clock ?? systemClock },
    ({ attempt, error, delayMs }) =>
      options.log?.warn('Replication attempt failed; retrying', {
        targetEnvironment: target.environment,
        attempt,
        delayMs,
        error: summarizeError(error),
      }),
  );
  if (result.ok) {
    return { target, outcome: 'succeeded', action: result.value, attempts: result.attempts };
  }
  return {
    target,
    outcome: 'failed',
    error: summarizeError(result.error, { retryable: result.retryable }),
    attempts: result.attempts,
  };
}

/** Every target in parallel; one target's failure never holds up another. */
export function replicateToTargets(
  change: ConfigurationChangedDetail,
  targets: readonly ReplicationTarget[],
  options: ReplicationOptions,
): Promise<TargetOutcome[]> {
  return Promise.all(targets.map((target) => replicateToTarget(change, target, options)));
}
