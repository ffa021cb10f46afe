import { readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { evaluatePolicies, guardrailPolicies } from '@data-platform/guardrails';
import type { PolicyPackConfig } from '@pulumi/policy';
import { PLACEHOLDER_ACCOUNT_ID, runStackOffline } from '@data-platform/offline-stack';
import { fullyQualifiedName, PLANNED_NOTE, type PlanDocument } from './plan-document';
import { plannedResources, resourcesUnderPolicy } from './planned-resources';
import { toPlainRecord } from './plain-values';
import { type DependencyPlans, findDependencyPlan, referencedStacks, stackReferenceOutputs } from './stack-references';

/** The name the pack serves under (tools/guardrails/pack/index.ts). */
export const POLICY_PACK_NAME = 'data-platform-guardrails';

export interface PlanStackOptions {
  /** Directory with `Pulumi.yaml` and the committed `Pulumi.<stack>.yaml`. */
  readonly projectDir: string;
  /** Defaults to the one stack whose config file is committed next to `Pulumi.yaml`. */
  readonly stack?: string;
  /** The program's entry file; defaults to `<projectDir>/index.ts`. */
  readonly program?: string;
  readonly organization?: string;
  readonly configOverrides?: Readonly<Record<string, string>>;
  /** Planned outputs of the stacks this one references. */
  readonly dependencies: DependencyPlans;
  readonly policyConfig?: PolicyPackConfig;
  /** File paths in the plan (Lambda code archives) are written relative to it; defaults to the working directory. */
  readonly workspaceRoot?: string;
}

/**
 * Runs a stack's real program offline, with its committed config and the planned
 * outputs of the stacks it references, then the guardrail policies over every
 * planned resource.
 */
export async function planStack(options: PlanStackOptions): Promise<PlanDocument> {
  const projectDir = resolve(options.projectDir);
  const stack = options.stack ?? committedStack(projectDir);
  const result = await runStackOffline({
    projectDir,
    stack,
    program: options.program,
    organization: options.organization,
    configOverrides: options.configOverrides,
    stackReferences: stackReferenceOutputs(options.dependencies),
  });
  const workspaceRoot = options.workspaceRoot ?? process.cwd();
  const resources = plannedResources({
    ...result,
    resources: await Promise.all(
      result.resources.map(async (resource) => ({
        ...resource,
        inputs: await toPlainRecord(resource.inputs, workspaceRoot),
        state: await toPlainRecord(resource.state, workspaceRoot),
      })),
    ),
  });
  const violations = await evaluatePolicies(guardrailPolicies, resourcesUnderPolicy(resources), { config: options.policyConfig });
  return {
    kind: 'offline-plan',
    valuesAre: 'planned',
    note: PLANNED_NOTE,
    project: result.project,
    stack: result.stack,
    organization: result.organization,
    fullyQualifiedName: fullyQualifiedName(result),
    location: { ...result.location, accountIsPlaceholder: result.location.accountId === PLACEHOLDER_ACCOUNT_ID },
    config: result.config,
    stackReferences: referencedStacks(result.resources).map((name) => {
      const found = findDependencyPlan(options.dependencies, name);
      const file = found === undefined ? undefined : options.dependencies.files[found];
      return { name, plan: file === undefined ? '(given)' : relative(workspaceRoot, file) };
    }),
    resources,
    outputs: await toPlainRecord(result.outputs, workspaceRoot),
    guardrails: {
      policyPack: POLICY_PACK_NAME,
      policies: guardrailPolicies.map((policy) => policy.name),
      passed: !violations.some((violation) => violation.enforcementLevel === 'mandatory'),
      violations,
    },
  };
}

const STACK_FILE = /^Pulumi\.([A-Za-z0-9_.-]+)\.yaml$/;

/** The stack of a project that commits exactly one `Pulumi.<stack>.yaml`, as tools/nx-pulumi does. */
export function committedStack(projectDir: string): string {
  const stacks = readdirSync(projectDir)
    .map((file) => STACK_FILE.exec(file)?.[1])
    .filter((stack): stack is string => stack !== undefined);
  if (stacks.length !== 1) {
    throw new PlanUsageError(`${projectDir}: expected exactly one Pulumi.<stack>.yaml, found ${stacks.length} (${stacks.join(', ') || 'none'}); pass --stack`);
  }
  return stacks[0];
}

export class PlanUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanUsageError';
  }
}
