import type { OfflineResource, OfflineStackResult } from '@data-platform/offline-stack';
import type { ResourceUnderPolicy } from '@data-platform/guardrails';
import type { PlannedResource } from './plan-document';

const PROVIDER_TYPE_PREFIX = 'pulumi:providers:';
const STACK_TYPE = 'pulumi:pulumi:Stack';

/**
 * The recorded resources with the URNs the engine would give them
 * (`urn:pulumi:<stack>::<project>::<parent types joined by $>$<type>::<name>`).
 */
export function plannedResources(result: Pick<OfflineStackResult, 'project' | 'stack' | 'resources'>): PlannedResource[] {
  const byKey = new Map(result.resources.map((resource) => [keyOf(resource), resource]));
  // The engine parents top-level resources to the stack, whose type stays out of their URNs.
  const stack = result.resources.find((resource) => resource.type === STACK_TYPE);
  const stackUrn = stack === undefined ? undefined : `urn:pulumi:${result.stack}::${result.project}::${STACK_TYPE}::${stack.name}`;
  const urns = new Map<string, string>();
  const urnOf = (resource: OfflineResource): string => {
    const key = keyOf(resource);
    const known = urns.get(key);
    if (known !== undefined) {
      return known;
    }
    const parent = resource.parent === undefined ? undefined : byKey.get(resource.parent);
    const qualifiedType = parent === undefined ? resource.type : `${qualifiedTypeOf(urnOf(parent))}$${resource.type}`;
    const urn = `urn:pulumi:${result.stack}::${result.project}::${qualifiedType}::${resource.name}`;
    urns.set(key, urn);
    return urn;
  };
  return result.resources.map((resource) => {
    const parent = resource.parent === undefined ? undefined : byKey.get(resource.parent);
    const parentUrn = parent !== undefined ? urnOf(parent) : resource === stack ? undefined : stackUrn;
    return {
      urn: urnOf(resource),
      type: resource.type,
      name: resource.name,
      ...(parentUrn === undefined ? {} : { parent: parentUrn }),
      ...(resource.provider === undefined ? {} : { provider: resource.provider }),
      custom: resource.custom,
      taggable: resource.taggable,
      ...(resource.id === undefined ? {} : { id: resource.id }),
      inputs: resource.inputs,
      state: resource.state,
    };
  });
}

/**
 * The planned resources as CrossGuard would see them: `validateResource` gets the
 * inputs after the provider's Check, which for AWS adds `tagsAll` (provider default
 * tags merged under the resource's own; pulumi-aws provider/tags.go); `validateStack`
 * gets the outputs, here the planned state.
 */
export function resourcesUnderPolicy(resources: readonly PlannedResource[]): ResourceUnderPolicy[] {
  const providers = new Map(
    resources.filter((resource) => resource.type.startsWith(PROVIDER_TYPE_PREFIX)).map((resource) => [resource.name, resource]),
  );
  return resources.map((resource) => {
    const provider = resource.provider === undefined ? undefined : providers.get(resource.provider);
    return {
      type: resource.type,
      name: resource.name,
      urn: resource.urn,
      inputs: resource.taggable ? { ...resource.inputs, tagsAll: resource.state['tagsAll'] ?? {} } : resource.inputs,
      outputs: resource.state,
      ...(resource.parent === undefined ? {} : { parentUrn: resource.parent }),
      ...(provider === undefined ? {} : { provider: { type: provider.type, name: provider.name, urn: provider.urn, props: { ...provider.inputs } } }),
    };
  });
}

function keyOf(resource: Pick<OfflineResource, 'type' | 'name'>): string {
  return `${resource.type}::${resource.name}`;
}

function qualifiedTypeOf(urn: string): string {
  // urn:pulumi:<stack>::<project>::<qualified type>::<name>
  return urn.split('::')[2];
}
