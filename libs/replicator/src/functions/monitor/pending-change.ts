import type { ConfigurationChangedDetail, ConfigurationChangedEntry } from '@data-platform/replication-contract';

/** A change the monitor understood and is about to put on the event bus. */
export interface PendingChange {
  readonly detail: ConfigurationChangedDetail;
  readonly entry: ConfigurationChangedEntry;
}

/** An input record the monitor cannot turn into a ConfigurationChanged: dead-lettered, never retried. */
export class UnreadableRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableRecordError';
  }
}
