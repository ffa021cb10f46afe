import { backoffCeilingMs, worstCaseBackoffMs } from './retry-settings';

const retry = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1_000 };

describe('backoffCeilingMs', () => {
  it('doubles per retry from the base up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((retryNumber) => backoffCeilingMs(retryNumber, retry))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it.each([0, -1, 1.5])('refuses retry number %p', (retryNumber) => {
    expect(() => backoffCeilingMs(retryNumber, retry)).toThrow(/retryNumber=.* is invalid: must be a whole number from 1/);
  });
});

describe('worstCaseBackoffMs', () => {
  it('sums the ceilings of every retry after the first attempt', () => {
    expect(worstCaseBackoffMs({ ...retry, maxAttempts: 1 })).toBe(0);
    expect(worstCaseBackoffMs(retry)).toBe(100 + 200 + 400 + 800 + 1_000);
  });
});
