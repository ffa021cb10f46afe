import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENVIRONMENT_NAMES } from '@data-platform/replication-contract';
import type { OpsClients } from '../src/aws-clients';
import { runOps } from '../src/cli';

export const WORKSPACE_ROOT = join(__dirname, '../../..');

/** A fresh directory for one test's files. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'ops-test-'));
}

/** The outputs the offline plans of the committed stacks export (dist/plan, made by the test target's dependencies). */
export function plannedOutputs(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    ENVIRONMENT_NAMES.map((name) => [name, (JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'dist/plan', `${name}.json`), 'utf8')) as { outputs: Record<string, unknown> }).outputs]),
  );
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

/** Runs the CLI in-process and captures what a user would see. */
export async function ops(argv: readonly string[], seams: { clients?: () => OpsClients; env?: NodeJS.ProcessEnv } = {}) {
  let stdout = '';
  let stderr = '';
  const exitCode = await runOps(argv, {
    stdout: (text) => (stdout += text),
    stderr: { isTTY: false, write: (text) => (stderr += text) },
    env: seams.env ?? {},
    workspaceRoot: WORKSPACE_ROOT,
    pulumi: async () => {
      throw Object.assign(new Error('spawn pulumi ENOENT'), { code: 'ENOENT' });
    },
    ...(seams.clients === undefined ? {} : { clients: seams.clients }),
  });
  return { exitCode, stdout, stderr };
}
