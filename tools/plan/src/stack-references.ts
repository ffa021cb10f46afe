import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanDocument } from './plan-document';

/** A plan a StackReference read. */
export interface DependencyPlanFile {
  /** The name the StackReference used (`organization/project/stack`). */
  readonly name: string;
  /** The plan file its outputs came from. */
  readonly file: string;
}

/**
 * The plans of other stacks, for the StackReferences of the stack being planned.
 * Plans are written as `<plans dir>/<stack>.json`, so a StackReference
 * `organization/project/stack` reads `<stack>.json` and nothing else: not the
 * stacks it does not reference, which may be being planned (and written) at the
 * same moment. It takes that plan when it is of that stack, or of the same project
 * and stack under another organization: offline there is no backend to own an
 * organization, and a program may name its stacks' organization in config
 * (`platform:stackOrganization`) rather than take `pulumi.getOrganization()`.
 */
export class DependencyPlans {
  private readonly used = new Map<string, { readonly file: string; readonly outputs: Readonly<Record<string, unknown>> }>();

  constructor(private readonly plansDir: string) {}

  /** The planned outputs of the stack a StackReference names; undefined when it has no plan. */
  readonly outputsOf = (name: string): Readonly<Record<string, unknown>> | undefined => {
    const known = this.used.get(name);
    if (known !== undefined) {
      return known.outputs;
    }
    const [, project, stack, ...rest] = name.split('/');
    if (project === undefined || stack === undefined || rest.length > 0) {
      return undefined;
    }
    const file = join(this.plansDir, `${stack}.json`);
    const plan = existsSync(file) ? readPlan(file) : undefined;
    if (plan === undefined || (plan.fullyQualifiedName !== name && (plan.project !== project || plan.stack !== stack))) {
      return undefined;
    }
    this.used.set(name, { file, outputs: plan.outputs });
    return plan.outputs;
  };

  /** The plan files the StackReferences read, in the order they first asked. */
  files(): DependencyPlanFile[] {
    return [...this.used].map(([name, { file }]) => ({ name, file }));
  }
}

/** A plan file, or undefined for a JSON file that is not a plan. */
function readPlan(file: string): PlanDocument | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message}); delete it and plan that stack again`);
  }
  const plan = parsed as Partial<PlanDocument> | null;
  return plan?.kind === 'offline-plan' && typeof plan.project === 'string' && typeof plan.stack === 'string' ? (plan as PlanDocument) : undefined;
}
