/**
 * Every item and object the replicator writes into a target carries the sequence
 * of the change that wrote it (a stream SequenceNumber or an S3 sequencer), so a
 * later write can refuse to replace it with an older state. The stamp is the
 * sequence zero-padded to a fixed width, lower case: string order equals numeric
 * order, which is what a DynamoDB condition (`#stamp < :stamp`) compares.
 */
export const STAMP_WIDTH = 48;

/** Reserved attribute on target items. Drift checks must ignore it. */
export const TABLE_ITEM_STAMP_ATTRIBUTE = '__replicationSequence';

/** Reserved user-metadata key (x-amz-meta-replication-sequence) on target objects. Drift checks must ignore it. */
export const BUCKET_OBJECT_STAMP_KEY = 'replication-sequence';

export class InvalidSequenceError extends Error {
  constructor(readonly sequence: string) {
    super(`sequence ${JSON.stringify(sequence)} cannot be stamped: must be a decimal or hexadecimal number of at most ${STAMP_WIDTH} digits`);
    this.name = 'InvalidSequenceError';
  }
}

export function toSequenceStamp(sequence: string): string {
  const digits = sequence.replace(/^0+/, '').toLowerCase();
  if (!/^[0-9a-f]*$/.test(sequence.toLowerCase()) || sequence.length === 0 || digits.length > STAMP_WIDTH) {
    throw new InvalidSequenceError(sequence);
  }
  return digits.padStart(STAMP_WIDTH, '0');
}

/** Reads a stamp found on a target; anything unreadable counts as no stamp (prod wins). */
export function readStamp(value: string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  try {
    return toSequenceStamp(value);
  } catch {
    return undefined;
  }
}

/**
 * True when a target stamped `targetStamp` already holds a state at least as new as
 * `changeStamp`. Stamps have one width, so string order is the order: the same
 * comparison the DynamoDB condition makes.
 */
export function isAtLeastAsNew(targetStamp: string | undefined, changeStamp: string): boolean {
  return targetStamp !== undefined && targetStamp >= changeStamp;
}
