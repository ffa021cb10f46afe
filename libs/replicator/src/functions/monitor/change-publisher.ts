import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { ConfigurationChangedEntry } from '@data-platform/replication-contract';
import { type ErrorSummary, isRetryable, summarizeError } from '../../runtime/error-summary';
import { RetryBudgetExhaustedError, type RetryPolicy, withRetries } from '../../runtime/retries';
import { planBatches } from './put-events-batches';

export type PublishOutcome =
  | { readonly published: true; readonly eventId: string; readonly attempts: number }
  | { readonly published: false; readonly error: ErrorSummary; readonly attempts: number };

// Entry-level codes carry no HTTP status; these are EventBridge's transient ones.
const RETRYABLE_ENTRY_CODES = new Set(['InternalFailure', 'InternalException', 'ServiceUnavailable']);

/**
 * Puts every entry on the bus with as few PutEvents calls as the limits allow.
 * PutEvents succeeds as a call even when some entries fail, so the SDK never
 * retries those: each attempt of the shared retry loop (withRetries) sends only the
 * entries still pending, so exactly the entries reported as failed with a retryable
 * code (and those of whole calls that failed retryably) are sent again. Returns one
 * outcome per entry, in order; never throws.
 */
export async function publishChanges(
  entries: readonly ConfigurationChangedEntry[],
  options: { readonly eventBridge: EventBridgeClient; readonly policy: RetryPolicy },
): Promise<PublishOutcome[]> {
  const { eventBridge, policy } = options;
  const outcomes: PublishOutcome[] = [];
  const lastErrors = new Map<number, Error>();
  let pending = entries.map((entry, index) => ({ entry, index }));
  if (pending.length === 0) {
    return outcomes;
  }
  const result = await withRetries(async (signal, attempt) => {
    const retryLater: typeof pending = [];
    const fail = (item: (typeof pending)[number], error: Error) => {
      if (isRetryable(error)) {
        lastErrors.set(item.index, error);
        retryLater.push(item);
      } else {
        outcomes[item.index] = { published: false, error: summarizeError(error, { retryable: false }), attempts: attempt };
      }
    };
    await Promise.all(
      planBatches(pending).map(async (batch) => {
        let response;
        try {
          response = await eventBridge.send(new PutEventsCommand({ Entries: batch.map(({ entry }) => entry) }), { abortSignal: signal });
        } catch (error) {
          if (signal.aborted) {
            throw error; // out of time: the retry loop reports the budget
          }
          batch.forEach((item) => fail(item, asError(error)));
          return;
        }
        batch.forEach((item, position) => {
          const result = response.Entries?.[position];
          if (result?.EventId !== undefined && result.ErrorCode === undefined) {
            outcomes[item.index] = { published: true, eventId: result.EventId, attempts: attempt };
          } else {
            fail(item, entryError(result?.ErrorCode, result?.ErrorMessage));
          }
        });
      }),
    );
    pending = retryLater.sort((a, b) => a.index - b.index);
    const [next] = pending;
    if (next !== undefined) {
      throw lastErrors.get(next.index); // retryable: the loop backs off and sends what is pending
    }
  }, policy);
  if (!result.ok) {
    entries.forEach((_entry, index) => {
      if (outcomes[index] === undefined) {
        const last = lastErrors.get(index);
        const error = result.error instanceof RetryBudgetExhaustedError && last !== undefined ? new RetryBudgetExhaustedError(last) : (last ?? result.error);
        outcomes[index] = { published: false, error: summarizeError(error, { retryable: true }), attempts: result.attempts };
      }
    });
  }
  return outcomes;
}

/** An entry's error code as an error the shared classification understands. */
function entryError(code: string | undefined, message: string | undefined): Error {
  const name = code ?? 'MissingEntryResult';
  const error = Object.assign(new Error(message ?? 'PutEvents returned no result for this entry'), { name });
  // The SDK's own retryable trait, for the codes its classification does not know.
  return RETRYABLE_ENTRY_CODES.has(name) ? Object.assign(error, { $retryable: {} }) : error;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
