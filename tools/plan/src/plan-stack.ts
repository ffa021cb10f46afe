import { relative } from 'node:path';
import { evaluatePolicies, guardrailPolicies } from '@data-platform/guardrails';
import type { PolicyPackConfig } from '@pulumi/policy';
import { PLACEHOLDER_ACCOUNT_ID, runStackOffline } from '@data-platform/offline-stack';
import { fullyQualifiedName, mandatoryViolations, PLANNED_NOTE, type PlanDocument } from './plan-document';
import { plannedResources, resourcesUnderPolicy } from './planned-resources';
import { toPlainRecord } from './plain-values';
import type { DependencyPlans } from './stack-references';

/** The name the pack serves under (tools/guardrails/pack/index.ts). */
export const POLICY_PACK_NAME = 'data-platform-guardrails';

export interface PlanStackOptions {
  /** Directory with `Pulumi.yaml` and the committed `Pulumi.<stack>.yaml`. */
  readonly projectDir: string;
  readonly stack: string;
  /** The program's entry file; defaults to `<projectDir>/index.ts`. */
  readonly program?: string;
  readonly organization?: string;
  readonly configOverrides?: Readonly<Record<string, string>>;
  /** The plans of the stacks this one references. */
  readonly dependencies: DependencyPlans;
  readonly policyConfig?: PolicyPackConfig;
  /** File paths in the plan (Lambda code archives, dependency plans) are written relative to it. */
  readonly workspaceRoot: string;
}

/**
 * Runs a stack's real program offline, with its committed config and the planned
 * outputs of the stacks it references, then the guardrail policies over every
 * planned resource.
 */
export async function planStack(options: PlanStackOptions): Promise<PlanDocument> {
  const { workspaceRoot } = options;
  const result = await runStackOffline({
    projectDir: options.projectDir,
    stack: options.stack,
    program: options.program,
    organization: options.organization,
    configOverrides: options.configOverrides,
    stackReferences: options.dependencies.outputsOf,
  });
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
    // The run succeeded, so every StackReference found its plan.
    stackReferences: options.dependencies.files().map(({ name, file }) => ({ name, plan: relative(workspaceRoot, file) })),
    resources,
    outputs: await toPlainRecord(result.outputs, workspaceRoot),
    guardrails: {
      policyPack: POLICY_PACK_NAME,
      policies: guardrailPolicies.map((policy) => policy.name),
      passed: mandatoryViolations(violations).length === 0,
      violations,
    },
  };
}
