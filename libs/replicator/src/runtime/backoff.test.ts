import { backoffDelay } from './backoff';

const retry = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1_000 };

describe('backoffDelay (exponential, full jitter)', () => {
  it('doubles the ceiling per retry up to the cap', () => {
    const almostOne = () => 0.999_999;
    expect([1, 2, 3, 4, 5, 6].map((retryNumber) => backoffDelay(retryNumber, retry, almostOne))).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('draws uniformly below the ceiling', () => {
    expect(backoffDelay(3, retry, () => 0)).toBe(0);
    expect(backoffDelay(3, retry, () => 0.25)).toBe(100);
    expect(backoffDelay(3, retry, () => 0.5)).toBe(200);
  });

  it.each([0, -1, 1.5])('refuses retry number %p', (retryNumber) => {
    expect(() => backoffDelay(retryNumber, retry, () => 0.5)).toThrow(RangeError);
  });
});
