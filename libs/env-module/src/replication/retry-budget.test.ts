import { DEFAULT_RETRY } from '@data-platform/replication-contract';
import { backoffFitsTimeout, worstCaseBackoffMs } from './retry-budget';

describe('retry budget', () => {
  it('sums the capped exponential waits between attempts', () => {
    expect(worstCaseBackoffMs({ maxAttempts: 1, baseDelayMs: 200, maxDelayMs: 5_000 })).toBe(0);
    expect(worstCaseBackoffMs({ maxAttempts: 6, baseDelayMs: 200, maxDelayMs: 5_000 })).toBe(200 + 400 + 800 + 1_600 + 3_200);
    expect(worstCaseBackoffMs({ maxAttempts: 8, baseDelayMs: 200, maxDelayMs: 5_000 })).toBe(6_200 + 5_000 + 5_000);
  });

  it('fits the contract default inside a short replicator timeout, and not a long backoff', () => {
    expect(backoffFitsTimeout(DEFAULT_RETRY, 13)).toBe(true);
    expect(backoffFitsTimeout(DEFAULT_RETRY, 12)).toBe(false);
    expect(backoffFitsTimeout({ maxAttempts: 20, baseDelayMs: 1_000, maxDelayMs: 60_000 }, 300)).toBe(false);
  });
});
