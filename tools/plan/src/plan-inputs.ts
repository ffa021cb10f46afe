import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PolicyPackConfig } from '@pulumi/policy';
import { type CliOptions, UsageError } from './cli-options';

/** What the CLI plans, checked before anything is planned or deleted. */
export interface PlanInputs {
  readonly projects: readonly PlannedProject[];
  readonly policyConfig?: PolicyPackConfig;
}

export interface PlannedProject {
  readonly dir: string;
  readonly stack: string;
}

/** Resolves and checks the project dirs, their stacks and the policy config; throws `UsageError`. */
export function readPlanInputs(options: Pick<CliOptions, 'projectDirs' | 'stack' | 'policyConfig'>, cwd: string): PlanInputs {
  const projects = options.projectDirs.map((given) => {
    const dir = resolve(cwd, given);
    if (!isDirectory(dir)) {
      throw new UsageError(`--project-dir ${given}: no such directory`);
    }
    return { dir, stack: options.stack ?? committedStack(dir) };
  });
  return {
    projects,
    ...(options.policyConfig === undefined ? {} : { policyConfig: readPolicyConfig(resolve(cwd, options.policyConfig)) }),
  };
}

const STACK_FILE = /^Pulumi\.([A-Za-z0-9_.-]+)\.yaml$/;

/** The stack of a project that commits exactly one `Pulumi.<stack>.yaml`, as tools/nx-pulumi does. */
export function committedStack(projectDir: string): string {
  const stacks = readdirSync(projectDir)
    .map((file) => STACK_FILE.exec(file)?.[1])
    .filter((stack): stack is string => stack !== undefined);
  if (stacks.length !== 1) {
    throw new UsageError(`${projectDir}: expected exactly one Pulumi.<stack>.yaml, found ${stacks.length} (${stacks.join(', ') || 'none'}); pass --stack`);
  }
  return stacks[0];
}

function readPolicyConfig(file: string): PolicyPackConfig {
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--policy-config ${file}: ${(error as Error).message}`);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new UsageError(`--policy-config ${file}: expected a JSON object of policy names to their config`);
  }
  return config as PolicyPackConfig;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
