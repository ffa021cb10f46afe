// Plans dev, staging and prod in this process, once per scenario (config overrides
// per environment, given as a JSON array), and prints one JSON line per scenario:
// {"ok":true} or {"ok":false,"error":"..."}. For failures of a program (bad config,
// a target prod cannot write into), which leave rejected promises a Jest worker
// would blame on the wrong test.
import { join } from 'node:path';
import { runStackOffline } from '@data-platform/offline-stack';

type Overrides = Record<string, Record<string, string>>;

const scenarios = JSON.parse(process.argv[2] ?? '[{}]') as Overrides[];
const apps = join(__dirname, '..', '..');

async function planAll(overrides: Overrides): Promise<void> {
  const dev = await runStackOffline({ projectDir: join(apps, 'infra-dev'), stack: 'dev', configOverrides: overrides['dev'] ?? {} });
  const staging = await runStackOffline({ projectDir: join(apps, 'infra-staging'), stack: 'staging', configOverrides: overrides['staging'] ?? {} });
  await runStackOffline({
    projectDir: join(apps, 'infra-prod'),
    stack: 'prod',
    configOverrides: overrides['prod'] ?? {},
    stackReferences: { 'organization/infra-dev/dev': dev.outputs, 'organization/infra-staging/staging': staging.outputs },
  });
}

async function main(): Promise<void> {
  for (const overrides of scenarios) {
    try {
      await planAll(overrides);
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
