import type { ConfigurationChangedDetail } from './configuration-changed';
import type { EnvironmentName } from './environments';
import type { LambdaFunctionName } from './lambda-bundles';

export const DEAD_LETTER_SCHEMA_VERSION = 1;

/**
 * Why a function gave up on something. `replication-failed`: a target still failed
 * after the retry budget; `malformed-event`: an input the function cannot understand;
 * `notification-failed`: the outcome could not be published to a topic;
 * `publish-failed`: the monitor could not put a change on the bus. The monitor
 * dead-letters the change itself because Lambda's on-failure record of a stream
 * batch holds only the shard and sequence range, not the records (and the stream
 * keeps them 24 hours): the dead letter is the one place the change can be replayed from.
 */
export type DeadLetterReason = 'replication-failed' | 'malformed-event' | 'notification-failed' | 'publish-failed';

/**
 * The body of a message the functions themselves send to the dead-letter queue.
 * The queue also receives AWS-generated messages (Lambda on-failure destination
 * records and EventBridge target failures), which have their own shapes.
 */
export interface DeadLetterMessage {
  readonly schemaVersion: typeof DEAD_LETTER_SCHEMA_VERSION;
  readonly reason: DeadLetterReason;
  /** The function that gave up, and the environment it runs in. */
  readonly functionName: LambdaFunctionName;
  readonly environment: EnvironmentName;
  /** Set when the failure concerns one change; the full change, so a redrive can replay it. */
  readonly change?: ConfigurationChangedDetail;
  /** Set when the failure concerns one replication target. */
  readonly targetEnvironment?: EnvironmentName;
  /** The input as received (the event, record or message), for malformed input. */
  readonly originalEvent?: unknown;
  readonly error: { readonly name: string; readonly message: string; readonly retryable: boolean };
  readonly attempts: number;
  readonly failedAt: string;
}

/** SQS message attribute names set on every DeadLetterMessage, for filtering without parsing. */
export const DEAD_LETTER_ATTRIBUTES = {
  reason: 'reason',
  functionName: 'functionName',
  environment: 'environment',
  targetEnvironment: 'targetEnvironment',
  changeId: 'changeId',
} as const;
