// Plans dev, staging and prod in this process, once per scenario (config overrides
// per environment, given as a JSON array), and prints one JSON line per scenario:
// {"ok":true} or {"ok":false,"error":"..."}. For failures of a program (bad config,
// a target prod cannot write into), which leave rejected promises a Jest worker
// would blame on the wrong test.
import { loadProgramAfresh } from '@data-platform/offline-stack';
import { type ConfigOverrides, planAllEnvironments } from '@data-platform/planned-stacks';

const scenarios = JSON.parse(process.argv[2] ?? '[{}]') as ConfigOverrides[];

async function main(): Promise<void> {
  for (const overrides of scenarios) {
    try {
      await planAllEnvironments(overrides, { loadProgram: loadProgramAfresh });
      process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
    } catch (error) {
      process.stdout.write(`${JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) })}\n`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 2;
});
