// Plans dev, staging and prod with their committed config, in this process, and
// writes the results to COMMITTED_STACKS_FILE as plain JSON: promises resolved,
// and Pulumi assets and archives (the Lambda code) reduced to their source path.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadProgramAfresh } from '@data-platform/offline-stack';
import { planAllEnvironments } from '@data-platform/planned-stacks';
import { COMMITTED_STACKS_FILE } from './committed-stacks-file';

async function plain(value: unknown): Promise<unknown> {
  const resolved = await value;
  if (resolved === null || typeof resolved !== 'object') {
    return resolved;
  }
  if (Array.isArray(resolved)) {
    return Promise.all(resolved.map(plain));
  }
  const object = resolved as Record<string, unknown>;
  if (object['__pulumiAsset'] === true || object['__pulumiArchive'] === true) {
    return { path: await object['path'] };
  }
  return Object.fromEntries(await Promise.all(Object.entries(object).map(async ([key, item]) => [key, await plain(item)] as const)));
}

async function main(): Promise<void> {
  const stacks = await planAllEnvironments({}, { loadProgram: loadProgramAfresh });
  const results = Object.fromEntries(await Promise.all(Object.entries(stacks).map(async ([environment, stack]) => [environment, await plain(stack.result)])));
  await mkdir(dirname(COMMITTED_STACKS_FILE), { recursive: true });
  await writeFile(COMMITTED_STACKS_FILE, JSON.stringify(results));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
