import { backoffCeilingMs, type RetrySettings } from '@data-platform/replication-contract';

/**
 * Exponential backoff with full jitter: the wait before retry n is uniform in
 * [0, backoffCeilingMs(n)). Full jitter spreads retries of many concurrent
 * invocations instead of synchronising them.
 */
export function backoffDelay(retryNumber: number, retry: RetrySettings, random: () => number): number {
  return Math.floor(random() * backoffCeilingMs(retryNumber, retry));
}
