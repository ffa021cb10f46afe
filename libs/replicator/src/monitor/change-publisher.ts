import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { ConfigurationChangedEntry } from '@data-platform/replication-contract';
import { backoffDelay } from '../replication/backoff';
import { type ErrorSummary, isRetryable, summarizeError } from '../replication/error-classification';
import { RetryBudgetExhaustedError, type RetryPolicy } from '../replication/retry-budget';
import { planBatches } from './put-events-batches';

export type PublishOutcome =
  | { readonly published: true; readonly eventId: string; readonly attempts: number }
  | { readonly published: false; readonly error: ErrorSummary; readonly attempts: number };

// Entry-level codes carry no HTTP status; these are EventBridge's transient ones.
const RETRYABLE_ENTRY_CODES = new Set(['InternalFailure', 'InternalException', 'ServiceUnavailable']);

/**
 * Puts every entry on the bus with as few PutEvents calls as the limits allow.
 * PutEvents succeeds as a call even when some entries fail, so the SDK never
 * retries those: this loop retries exactly the entries reported as failed with a
 * retryable code (and whole calls that failed retryably), with backoff inside the
 * budget. Returns one outcome per entry, in order; never throws.
 */
export async function publishChanges(
  entries: readonly ConfigurationChangedEntry[],
  options: { readonly eventBridge: EventBridgeClient; readonly policy: RetryPolicy },
): Promise<PublishOutcome[]> {
  const { eventBridge, policy } = options;
  const outcomes: PublishOutcome[] = [];
  const lastErrors = new Map<number, ErrorSummary>();
  let pending = entries.map((entry, index) => ({ entry, index }));
  let attempt = 0;
  let outOfTime = false;
  while (pending.length > 0 && attempt < policy.retry.maxAttempts) {
    if (attempt > 0) {
      const delayMs = backoffDelay(attempt, policy.retry, () => policy.clock.random());
      if (policy.clock.now() + delayMs >= policy.deadline) {
        outOfTime = true;
        break;
      }
      await policy.clock.sleep(delayMs);
    }
    const remaining = policy.deadline - policy.clock.now();
    if (remaining <= 0) {
      outOfTime = true;
      break;
    }
    attempt++;
    const retryLater: typeof pending = [];
    const fail = (index: number, error: ErrorSummary) => {
      if (error.retryable) {
        lastErrors.set(index, error);
        retryLater.push({ entry: entries[index] as ConfigurationChangedEntry, index });
      } else {
        outcomes[index] = { published: false, error, attempts: attempt };
      }
    };
    await Promise.all(
      planBatches(pending).map(async (batch) => {
        const signal = AbortSignal.timeout(remaining);
        try {
          const response = await eventBridge.send(new PutEventsCommand({ Entries: batch.map(({ entry }) => entry) }), {
            abortSignal: signal,
          });
          batch.forEach(({ index }, position) => {
            const result = response.Entries?.[position];
            if (result?.EventId !== undefined && result.ErrorCode === undefined) {
              outcomes[index] = { published: true, eventId: result.EventId, attempts: attempt };
            } else {
              fail(index, entryError(result?.ErrorCode, result?.ErrorMessage));
            }
          });
        } catch (error) {
          const summary = signal.aborted ? summarizeError(new RetryBudgetExhaustedError(error), true) : summarizeError(error);
          batch.forEach(({ index }) => fail(index, summary));
        }
      }),
    );
    pending = retryLater.sort((a, b) => a.index - b.index);
  }
  for (const { index } of pending) {
    const last = lastErrors.get(index);
    const error =
      outOfTime || last === undefined
        ? summarizeError(new RetryBudgetExhaustedError(last && Object.assign(new Error(last.message), { name: last.name })), true)
        : last;
    outcomes[index] = { published: false, error, attempts: attempt };
  }
  return outcomes;
}

function entryError(code: string | undefined, message: string | undefined): ErrorSummary {
  const name = code ?? 'MissingEntryResult';
  const error = Object.assign(new Error(message ?? 'PutEvents returned no result for this entry'), { name });
  return summarizeError(error, RETRYABLE_ENTRY_CODES.has(name) || isRetryable(error));
}
