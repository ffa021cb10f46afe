import type { ChangeKind, ChangeSubject, ChangeType } from './configuration-changed';
import type { EnvironmentName } from './environments';

/**
 * What the replicator did to one target for one change. `put` / `delete`: the target
 * now holds prod's current state, written or deleted (and prod was checked not to
 * have changed meanwhile); `skipped-newer`: the target already held prod's current
 * state, which is this change's or a newer one's, so nothing was written (a duplicate,
 * a late delivery, or a change another replication already applied).
 */
export type ReplicationAction = 'put' | 'delete' | 'skipped-newer';

/** The body published to a target's success or failure topic. */
export interface ReplicationOutcomeMessage {
  readonly schemaVersion: 1;
  readonly outcome: 'succeeded' | 'failed';
  readonly changeId: string;
  readonly sourceEnvironment: EnvironmentName;
  readonly targetEnvironment: EnvironmentName;
  readonly subject: ChangeSubject;
  readonly changeType: ChangeType;
  readonly action?: ReplicationAction;
  readonly attempts: number;
  readonly error?: { readonly name: string; readonly message: string; readonly retryable: boolean };
  readonly completedAt: string;
}

/**
 * SNS message attributes on every outcome, so subscribers can filter
 * (e.g. only failures of staging) without parsing the body.
 */
export const OUTCOME_ATTRIBUTES = {
  outcome: 'outcome',
  sourceEnvironment: 'sourceEnvironment',
  targetEnvironment: 'targetEnvironment',
  changeKind: 'changeKind',
  key: 'key',
} as const;

export type OutcomeAttributeValues = Readonly<Record<keyof typeof OUTCOME_ATTRIBUTES, string>> & {
  readonly changeKind: ChangeKind;
};
