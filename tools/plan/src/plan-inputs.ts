import { readFileSync, statSync } from 'node:fs';
import { CommittedStackError, committedStack } from '@data-platform/offline-stack';
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
    return { dir, stack: options.stack ?? stackOf(dir, given) };
  });
  return {
    projects,
    ...(options.policyConfig === undefined ? {} : { policyConfig: readPolicyConfig(resolve(cwd, options.policyConfig)) }),
  };
}

/** The stack of a project (the one `Pulumi.<stack>.yaml` it commits), by the rule tools/nx-pulumi follows too. */
function stackOf(projectDir: string, given: string): string {
  try {
    return committedStack(projectDir, given);
  } catch (error) {
    if (error instanceof CommittedStackError) {
      throw new UsageError(`${error.message}; pass --stack`);
    }
    throw error;
  }
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
