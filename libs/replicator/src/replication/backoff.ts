import type { RetrySettings } from '@data-platform/replication-contract';

/**
 * Exponential backoff with full jitter: the wait before retry n (n = 1 for the
 * second attempt) is uniform in [0, min(maxDelay, base * 2^(n-1))). Full jitter
 * spreads retries of many concurrent invocations instead of synchronising them.
 */
export function backoffDelay(retryNumber: number, retry: RetrySettings, random: () => number): number {
  if (!Number.isInteger(retryNumber) || retryNumber < 1) {
    throw new RangeError(`retryNumber=${retryNumber} is invalid: must be a whole number from 1`);
  }
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (retryNumber - 1));
  return Math.floor(random() * ceiling);
}
