import type { ConfigurationChangedEntry } from '@data-platform/replication-contract';

/** PutEvents limits: 10 entries and 256 KB per call. */
export const MAX_ENTRIES_PER_CALL = 10;
export const MAX_BYTES_PER_CALL = 256 * 1024;

/** An entry's size as EventBridge counts it: 14 bytes for Time plus the UTF-8 bytes of its text fields. */
export function entrySize(entry: ConfigurationChangedEntry): number {
  const text = [entry.Source, entry.DetailType, entry.Detail, ...entry.Resources];
  return 14 + text.reduce((total, value) => total + Buffer.byteLength(value, 'utf8'), 0);
}

/** Splits entries, in order, into calls within both limits. An entry over the byte limit travels alone and is refused by the API. */
export function planBatches<T extends { readonly entry: ConfigurationChangedEntry }>(items: readonly T[]): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = entrySize(item.entry);
    if (current.length > 0 && (current.length === MAX_ENTRIES_PER_CALL || bytes + size > MAX_BYTES_PER_CALL)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) {
    batches.push(current);
  }
  return batches;
}
