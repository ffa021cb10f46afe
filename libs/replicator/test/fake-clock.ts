import type { Clock } from '../src/runtime/clock';

/** A clock whose sleeps return at once and move time forward; `random` is fixed. */
export function fakeClock(options: { start?: number; random?: number } = {}) {
  let now = options.start ?? 1_700_000_000_000;
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: async (milliseconds) => {
      sleeps.push(milliseconds);
      now += milliseconds;
    },
    random: () => options.random ?? 0.5,
  };
  return {
    clock,
    sleeps,
    advance(milliseconds: number) {
      now += milliseconds;
    },
  };
}
