import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanDocument } from './plan-document';

/** Planned outputs of other stacks, by the name a StackReference uses (`organization/project/stack`). */
export interface DependencyPlans {
  readonly outputs: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The plan file each stack's outputs came from. */
  readonly files: Readonly<Record<string, string>>;
}

/**
 * Reads every plan in `plansDir` (the dev and staging plans, for prod), except the
 * stack being planned, and indexes their outputs for its StackReferences.
 */
export function readDependencyPlans(plansDir: string, except?: string): DependencyPlans {
  const outputs: Record<string, Readonly<Record<string, unknown>>> = {};
  const files: Record<string, string> = {};
  if (!existsSync(plansDir)) {
    return { outputs, files };
  }
  for (const file of readdirSync(plansDir).filter((name) => name.endsWith('.json')).sort()) {
    const path = join(plansDir, file);
    const plan = parsePlan(path);
    if (plan === undefined || plan.fullyQualifiedName === except) {
      continue;
    }
    outputs[plan.fullyQualifiedName] = plan.outputs;
    files[plan.fullyQualifiedName] = path;
  }
  return { outputs, files };
}

/** A plan file, or undefined for JSON files that are not plans. */
function parsePlan(path: string): PlanDocument | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message}); delete it and plan that stack again`);
  }
  const plan = parsed as Partial<PlanDocument>;
  return plan.kind === 'offline-plan' && typeof plan.fullyQualifiedName === 'string' ? (plan as PlanDocument) : undefined;
}

/**
 * Finds the plan a StackReference name refers to: the exact `organization/project/stack`,
 * else the one plan of that project and stack under another organization. Offline there
 * is no backend to own an organization, and a program may name its stacks' organization
 * in config (`platform:stackOrganization`) rather than take `pulumi.getOrganization()`.
 */
export function findDependencyPlan(plans: DependencyPlans, name: string): string | undefined {
  if (name in plans.outputs) {
    return name;
  }
  const [, project, stack] = name.split('/');
  const candidates = Object.keys(plans.outputs).filter((planned) => planned.endsWith(`/${project}/${stack}`));
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The outputs to hand the offline runner, looked up as `findDependencyPlan` does. */
export function stackReferenceOutputs(plans: DependencyPlans): Readonly<Record<string, Readonly<Record<string, unknown>>>> {
  return new Proxy(plans.outputs, {
    get: (outputs, name) => {
      const found = typeof name === 'string' ? findDependencyPlan(plans, name) : undefined;
      return found === undefined ? undefined : outputs[found];
    },
  });
}

/** The StackReferences a program made, by name. */
export function referencedStacks(resources: readonly { type: string; inputs: Readonly<Record<string, unknown>> }[]): string[] {
  return resources.filter((resource) => resource.type === 'pulumi:pulumi:StackReference').map((resource) => String(resource.inputs['name']));
}
