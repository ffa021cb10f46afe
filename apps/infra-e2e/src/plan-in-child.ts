import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ConfigOverrides } from '@data-platform/planned-stacks';

export type ScenarioOverrides = ConfigOverrides;
export type ScenarioOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

/** Plans the three real apps once per scenario, in one child process; see plan-all-in-child.ts. */
export async function planScenariosInChild(scenarios: readonly ScenarioOverrides[]): Promise<ScenarioOutcome[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'plan-all-in-child.ts'), JSON.stringify(scenarios)],
    { env: { ...process.env, TSX_TSCONFIG_PATH: join(__dirname, '..', 'tsconfig.json') }, maxBuffer: 16 * 1024 * 1024 },
  );
  const outcomes = stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as ScenarioOutcome);
  if (outcomes.length !== scenarios.length) {
    throw new Error(`expected ${scenarios.length} outcomes from the child, got ${outcomes.length}: ${stdout}`);
  }
  return outcomes;
}
