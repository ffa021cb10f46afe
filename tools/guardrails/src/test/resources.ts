// Builds resources as policies see them, and runs one policy over them with the
// same evaluator the offline plan uses.
import type { Policy, PolicyPackConfig, PolicyProviderResource, ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy';
import { evaluatePolicies, type ResourceUnderPolicy } from '../evaluate';

export function resource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  extra: Partial<ResourceUnderPolicy> = {},
): ResourceUnderPolicy {
  return { type, name, urn: urnOf(type, name), inputs: props, outputs: props, ...extra };
}

export function urnOf(type: string, name: string): string {
  return `urn:pulumi:test::guardrails::${type}::${name}`;
}

export function provider(defaultTags: Record<string, string>): PolicyProviderResource {
  return {
    type: 'pulumi:providers:aws',
    name: 'aws',
    urn: urnOf('pulumi:providers:aws', 'aws'),
    props: { region: 'eu-west-1', defaultTags: JSON.stringify({ tags: defaultTags }) },
  };
}

/** The messages one policy reports over the resources. */
export async function violations(
  policy: ResourceValidationPolicy | StackValidationPolicy,
  resources: readonly ResourceUnderPolicy[],
  config?: PolicyPackConfig,
): Promise<string[]> {
  const reported = await evaluatePolicies([policy], resources, { config });
  return reported.map((violation) => violation.message);
}

/** The URNs one policy reports violations on. */
export async function violatedUrns(policy: Policy & (ResourceValidationPolicy | StackValidationPolicy), resources: readonly ResourceUnderPolicy[]): Promise<(string | undefined)[]> {
  return (await evaluatePolicies([policy], resources)).map((violation) => violation.urn);
}
