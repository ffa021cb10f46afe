import type { RetrySettings } from '@data-platform/replication-contract';
import { backoffDelay } from './backoff';
import type { Clock } from './clock';
import { isRetryable } from './error-summary';

/**
 * How long one piece of work may keep retrying: at most `retry.maxAttempts`
 * attempts, and no attempt starts or runs past `deadline` (epoch ms). The Lambda
 * adapters set the deadline well before the function timeout (invocation-deadline.ts).
 */
export interface RetryPolicy {
  readonly retry: RetrySettings;
  readonly deadline: number;
  readonly clock: Clock;
}

export type Attempted<T> =
  | { readonly ok: true; readonly value: T; readonly attempts: number }
  | {
      readonly ok: false;
      /** A RetryBudgetExhaustedError when the deadline, not the attempt count or the error, ended the retries. */
      readonly error: unknown;
      readonly retryable: boolean;
      readonly attempts: number;
    };

export class RetryBudgetExhaustedError extends Error {
  constructor(readonly lastError: unknown) {
    super(
      lastError instanceof Error
        ? `retry budget exhausted; last error ${lastError.name}: ${lastError.message}`
        : 'retry budget exhausted before the first attempt',
    );
    this.name = 'RetryBudgetExhaustedError';
  }
}

/**
 * Runs `operation` until it succeeds, fails with an error that retrying cannot fix,
 * runs out of attempts or runs out of time. Each attempt gets an AbortSignal that
 * fires at the deadline, so a hanging request cannot overrun the budget. Never throws.
 */
export async function withRetries<T>(
  operation: (signal: AbortSignal, attempt: number) => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (failure: { attempt: number; error: unknown; delayMs: number }) => void,
): Promise<Attempted<T>> {
  const { retry, deadline, clock } = policy;
  let lastError: unknown = undefined;
  for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
    if (attempt > 1) {
      const delayMs = backoffDelay(attempt - 1, retry, () => clock.random());
      if (clock.now() + delayMs >= deadline) {
        return exhausted(lastError, attempt - 1);
      }
      onRetry?.({ attempt: attempt - 1, error: lastError, delayMs });
      await clock.sleep(delayMs);
    }
    const remaining = deadline - clock.now();
    if (remaining <= 0) {
      return exhausted(lastError, attempt - 1);
    }
    const signal = AbortSignal.timeout(remaining);
    try {
      return { ok: true, value: await operation(signal, attempt), attempts: attempt };
    } catch (error) {
      if (signal.aborted) {
        return exhausted(error, attempt);
      }
      if (!isRetryable(error)) {
        return { ok: false, error, retryable: false, attempts: attempt };
      }
      lastError = error;
    }
  }
  return { ok: false, error: lastError, retryable: true, attempts: retry.maxAttempts };
}

function exhausted(lastError: unknown, attempts: number): Attempted<never> {
  return {
    ok: false,
    error: new RetryBudgetExhaustedError(lastError),
    retryable: true,
    attempts,
  };
}
