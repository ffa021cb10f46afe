import { type RetrySettings, worstCaseBackoffMs } from '@data-platform/replication-contract';

export { worstCaseBackoffMs };

/**
 * Retry budgets nest: the code's backoff must end well inside the function timeout
 * (here: within half of it, leaving the rest for the requests themselves), so a
 * timeout never cuts a retry loop short and Lambda's async retries start from a
 * clean invocation.
 */
export function backoffFitsTimeout(retry: RetrySettings, timeoutSeconds: number): boolean {
  return worstCaseBackoffMs(retry) <= (timeoutSeconds * 1_000) / 2;
}
