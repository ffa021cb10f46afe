import type { OfflineStackResult, PlannedLocation } from '@data-platform/offline-stack';
import type { PolicyViolation } from '@data-platform/guardrails';

/**
 * The machine-readable plan of one stack, written to `dist/plan/<stack>.json`.
 * Deterministic: the same code and config give a byte-identical file.
 */
export interface PlanDocument {
  /** Marks the file, and that every value in it is planned, not deployed. */
  readonly kind: 'offline-plan';
  readonly valuesAre: 'planned';
  readonly note: string;
  readonly project: string;
  readonly stack: string;
  readonly organization: string;
  /** `organization/project/stack`, what a StackReference names. */
  readonly fullyQualifiedName: string;
  readonly location: PlannedLocation & { readonly accountIsPlaceholder: boolean };
  /** The stack config the program ran with (committed file plus overrides). */
  readonly config: Readonly<Record<string, string>>;
  /** The other stacks whose planned outputs fed this stack's StackReferences. */
  readonly stackReferences: readonly PlannedStackReference[];
  readonly resources: readonly PlannedResource[];
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly guardrails: GuardrailVerdict;
}

export interface PlannedStackReference {
  readonly name: string;
  /** The plan file its outputs came from. */
  readonly plan: string;
}

export interface PlannedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** URN of the parent; absent for children of the stack. */
  readonly parent?: string;
  /** Name of the explicit provider resource it uses. */
  readonly provider?: string;
  /** false for components. */
  readonly custom: boolean;
  readonly taggable: boolean;
  readonly id?: string;
  /** What the program passed. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Inputs plus what AWS would compute (ARNs, names, tagsAll): planned outputs. */
  readonly state: Readonly<Record<string, unknown>>;
}

export interface GuardrailVerdict {
  readonly policyPack: string;
  readonly policies: readonly string[];
  /** false when any mandatory policy reported a violation. */
  readonly passed: boolean;
  readonly violations: readonly PolicyViolation[];
}

export const PLANNED_NOTE =
  "PLANNED values from Pulumi's mock runtime: nothing was deployed or read from AWS. Names, ARNs and ids are what the program and AWS would produce for this config; account and region come from the stack config.";

export function fullyQualifiedName(result: Pick<OfflineStackResult, 'organization' | 'project' | 'stack'>): string {
  return `${result.organization}/${result.project}/${result.stack}`;
}

/** The violations of mandatory policies: any one of them fails the plan. */
export function mandatoryViolations(violations: readonly PolicyViolation[]): PolicyViolation[] {
  return violations.filter((violation) => violation.enforcementLevel === 'mandatory');
}
