/**
 * Prod changed while a target was being written: what was written may already be
 * older than prod. Retryable by the SDK's own `$retryable` trait, so the retry
 * loop makes another attempt, which reads prod again and writes its new state.
 */
export class SourceChangedError extends Error {
  readonly $retryable = {};

  constructor(subject: string) {
    super(`${subject} changed in prod while it was replicated; replicating its newer state`);
    this.name = 'SourceChangedError';
  }
}
