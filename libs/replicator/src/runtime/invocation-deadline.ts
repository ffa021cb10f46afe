/**
 * The retry deadline of one invocation: the function's remaining time minus a
 * reserve for what must still happen after the retries give up (DLQ message,
 * outcome notification). A quarter of the remaining time, at least 3 s and at
 * most 15 s: a 60 s function retries for at most 45 s, a 300 s function for at
 * most 285 s (the retry settings end far sooner).
 *
 * The reserve covers those calls when SQS and SNS answer as usual (well under a
 * second each). If they are failing themselves, their SDK retries (3 attempts,
 * each up to the client timeouts in client-config.ts) can outlast it; the function
 * then times out and Lambda's async retry or the stream mapping redelivers the
 * change, which is safe because replication re-reads prod and is newest-wins.
 */
export const MIN_RESERVE_MS = 3_000;
export const MAX_RESERVE_MS = 15_000;

export function invocationDeadline(now: number, remainingTimeMs: number): number {
  const reserve = Math.min(MAX_RESERVE_MS, Math.max(MIN_RESERVE_MS, Math.floor(remainingTimeMs / 4)));
  return now + remainingTimeMs - reserve;
}
