/** How the functions retry one piece of work (a target write, a PutEvents batch). */
export interface RetrySettings {
  /** Attempts per target per change, the first included. */
  readonly maxAttempts: number;
  /** Base of the exponential backoff (see backoffCeilingMs). */
  readonly baseDelayMs: number;
  /** Cap on any single wait. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetrySettings = { maxAttempts: 6, baseDelayMs: 200, maxDelayMs: 5_000 };

/**
 * The longest wait before retry n (n = 1 before the second attempt):
 * min(maxDelay, base * 2^(n-1)). The functions wait a uniformly random part of it
 * (full jitter); the env module sums it to check that retries fit the timeout.
 */
export function backoffCeilingMs(retryNumber: number, retry: RetrySettings): number {
  if (!Number.isInteger(retryNumber) || retryNumber < 1) {
    throw new RangeError(`retryNumber=${retryNumber} is invalid: must be a whole number from 1`);
  }
  return Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (retryNumber - 1));
}

/** The longest the backoff of one piece of work can wait in total, over all its retries. */
export function worstCaseBackoffMs(retry: RetrySettings): number {
  let total = 0;
  for (let retryNumber = 1; retryNumber < retry.maxAttempts; retryNumber += 1) {
    total += backoffCeilingMs(retryNumber, retry);
  }
  return total;
}
