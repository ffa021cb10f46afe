/**
 * Runs a Pulumi program under the mock runtime so that every failure becomes an
 * error, as it would under the Pulumi CLI, which fails a deployment on any
 * unhandled rejection. Two cases slip past the offline runner on its own:
 *
 * - a failed Output nothing exported depends on (an `apply` that throws) rejects
 *   promises nobody awaits; the rejection can arrive as the run finishes and is
 *   then not reported;
 * - a failed resource registration (a StackReference to a stack with no plan) can
 *   leave the run waiting forever: the event loop empties and Node would exit 0
 *   without a word.
 *
 * So stray rejections are collected for the whole run, a few turns after it, and
 * an empty event loop before the run settles is reported with the errors seen.
 */
export async function runGuarded<T>(run: () => Promise<T>): Promise<T> {
  const stray: unknown[] = [];
  const collect = (error: unknown): void => {
    stray.push(error);
  };
  let onStall: () => void = () => undefined;
  const stalled = new Promise<never>((_resolve, reject) => {
    onStall = () => reject(stray[0] ?? new ProgramStalledError());
  });
  process.on('unhandledRejection', collect);
  process.on('uncaughtException', collect);
  process.on('beforeExit', onStall);
  try {
    const result = await Promise.race([run(), stalled]);
    for (let turn = 0; turn < 3; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (stray.length > 0) {
      throw stray[0];
    }
    return result;
  } finally {
    process.off('unhandledRejection', collect);
    process.off('uncaughtException', collect);
    process.off('beforeExit', onStall);
  }
}

export class ProgramStalledError extends Error {
  constructor() {
    super('the program never finished: a resource or output it waits on failed without reporting an error');
    this.name = 'ProgramStalledError';
  }
}
