import type { RetrySettings } from '@data-platform/replication-contract';

/**
 * The longest the replicator's own backoff can wait in total for one target:
 * before attempt n+1 it waits up to min(maxDelay, base * 2^(n-1)) (full jitter).
 */
export function worstCaseBackoffMs(retry: RetrySettings): number {
  let total = 0;
  for (let attempt = 1; attempt < retry.maxAttempts; attempt += 1) {
    total += Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  }
  return total;
}

/**
 * Retry budgets nest: the code's backoff must end well inside the function timeout
 * (here: within half of it, leaving the rest for the requests themselves), so a
 * timeout never cuts a retry loop short and Lambda's async retries start from a
 * clean invocation.
 */
export function backoffFitsTimeout(retry: RetrySettings, timeoutSeconds: number): boolean {
  return worstCaseBackoffMs(retry) <= (timeoutSeconds * 1_000) / 2;
}
