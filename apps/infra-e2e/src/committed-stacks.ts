import { readFile } from 'node:fs/promises';
import type { OfflineStackResult } from '@data-platform/offline-stack';
import { type ConfigOverrides, planAllEnvironments, PlannedStack } from '@data-platform/planned-stacks';
import { ENVIRONMENT_NAMES, type EnvironmentName } from '@data-platform/replication-contract';
import { COMMITTED_STACKS_FILE } from './committed-stacks-file';

export type PlannedStacks = Readonly<Record<EnvironmentName, PlannedStack>>;

/**
 * The setup of every test file here: dev, staging and prod planned from the real
 * apps and their committed config (plus any overrides) before the file's tests,
 * prod's StackReferences answered with what dev and staging just produced. The
 * stacks are read inside tests (`stacks.dev`, `stacks[environment]`); reading one
 * outside a test, before they are planned, throws. Without overrides, the plan the
 * global setup made of the committed config is read instead of planned again.
 */
export function planStacksBeforeAll(overrides: ConfigOverrides = {}): PlannedStacks {
  let planned: PlannedStacks | undefined;
  beforeAll(async () => {
    planned = Object.keys(overrides).length === 0 ? await readCommittedStacks() : await planAllEnvironments(overrides);
  }, 60_000);
  const stacks = {} as Record<EnvironmentName, PlannedStack>;
  for (const environment of ENVIRONMENT_NAMES) {
    Object.defineProperty(stacks, environment, {
      enumerable: true,
      get: () => {
        if (planned === undefined) {
          throw new Error(`the ${environment} stack is read before it is planned: read it inside a test`);
        }
        return planned[environment];
      },
    });
  }
  return stacks;
}

async function readCommittedStacks(): Promise<PlannedStacks> {
  const results = JSON.parse(await readFile(COMMITTED_STACKS_FILE, 'utf8')) as Record<EnvironmentName, OfflineStackResult>;
  return Object.fromEntries(ENVIRONMENT_NAMES.map((environment) => [environment, new PlannedStack(environment, results[environment])])) as PlannedStacks;
}
