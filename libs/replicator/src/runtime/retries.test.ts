import { fakeClock } from '../../test/fake-clock';
import { invocationDeadline } from './invocation-deadline';
import { RetryBudgetExhaustedError, withRetries } from './retries';

const retry = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 };
const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
const invalid = () => Object.assign(new Error('bad key'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } });

describe('withRetries', () => {
  it('returns the first success without waiting', async () => {
    const { clock, sleeps } = fakeClock();
    const result = await withRetries(async () => 'done', { retry, deadline: clock.now() + 10_000, clock });
    expect(result).toEqual({ ok: true, value: 'done', attempts: 1 });
    expect(sleeps).toEqual([]);
  });

  it('retries retryable errors with full-jitter backoff and reports each retry', async () => {
    const { clock, sleeps } = fakeClock({ random: 0.5 });
    const failures = [throttled(), throttled()];
    const retries: unknown[] = [];
    const result = await withRetries(
      async (_signal, attempt) => {
        const failure = failures.shift();
        if (failure) throw failure;
        return attempt;
      },
      { retry, deadline: clock.now() + 10_000, clock },
      ({ attempt, delayMs }) => retries.push({ attempt, delayMs }),
    );
    expect(result).toEqual({ ok: true, value: 3, attempts: 3 });
    expect(sleeps).toEqual([50, 100]);
    expect(retries).toEqual([
      { attempt: 1, delayMs: 50 },
      { attempt: 2, delayMs: 100 },
    ]);
  });

  it('fails fast on an error retrying cannot fix', async () => {
    const { clock, sleeps } = fakeClock();
    const error = invalid();
    const result = await withRetries(() => Promise.reject(error), { retry, deadline: clock.now() + 10_000, clock });
    expect(result).toEqual({ ok: false, error, retryable: false, attempts: 1 });
    expect(sleeps).toEqual([]);
  });

  it('gives up after the last attempt with the last error', async () => {
    const { clock, sleeps } = fakeClock();
    const last = throttled();
    let calls = 0;
    const result = await withRetries(
      () => Promise.reject(++calls === retry.maxAttempts ? last : throttled()),
      { retry, deadline: clock.now() + 10_000, clock },
    );
    expect(result).toEqual({ ok: false, error: last, retryable: true, attempts: 4 });
    expect(sleeps).toHaveLength(3);
  });

  it('stops before a wait that would end past the deadline', async () => {
    const { clock, sleeps } = fakeClock({ random: 0.999 });
    // Waits of up to 99, 199, 399 ms: the third would cross a deadline 400 ms away.
    const result = await withRetries(() => Promise.reject(throttled()), { retry, deadline: clock.now() + 400, clock });
    expect(result).toMatchObject({ ok: false, retryable: true, error: expect.any(RetryBudgetExhaustedError), attempts: 3 });
    expect(sleeps).toEqual([99, 199]);
    const error = (result as { error: Error }).error;
    expect(error).toBeInstanceOf(RetryBudgetExhaustedError);
    expect(error.message).toBe('retry budget exhausted; last error ThrottlingException: Rate exceeded');
  });

  it('aborts an attempt still running at the deadline', async () => {
    const result = await withRetries(
      (signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })))),
      { retry, deadline: Date.now() + 20, clock: { now: () => Date.now(), sleep: async () => undefined, random: () => 0 } },
    );
    expect(result).toMatchObject({ ok: false, error: expect.any(RetryBudgetExhaustedError), attempts: 1 });
  });

  it('makes no attempt when the deadline has already passed', async () => {
    const { clock } = fakeClock();
    let called = false;
    const result = await withRetries(
      async () => {
        called = true;
      },
      { retry, deadline: clock.now(), clock },
    );
    expect(called).toBe(false);
    expect(result).toMatchObject({ ok: false, error: expect.any(RetryBudgetExhaustedError), attempts: 0 });
  });
});

describe('invocationDeadline', () => {
  it.each([
    [60_000, 45_000],
    [300_000, 285_000],
    [8_000, 5_000],
    [2_000, -1_000],
  ])('leaves a reserve of a quarter, 3-15 s, of %i ms remaining', (remaining, budget) => {
    expect(invocationDeadline(1_000_000, remaining)).toBe(1_000_000 + budget);
  });
});
