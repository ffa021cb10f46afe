import * as policySdk from '@pulumi/policy';
import type {
  EnforcementLevel,
  Policies,
  PolicyConfigSchema,
  PolicyPackConfig,
  PolicyProviderResource,
  PolicyResource,
  PolicyResourceOptions,
  ReportViolation,
  ResourceValidation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from '@pulumi/policy';

/**
 * Runs policy objects outside the Pulumi CLI, the way `@pulumi/policy`'s analyzer
 * server runs them inside it (server.ts: `analyze` per resource with its inputs,
 * `analyzeStack` once with every resource's outputs), so the offline plan and the
 * tests exercise the very objects the policy pack serves to `pulumi preview`.
 */

/** A resource as a policy sees it. */
export interface ResourceUnderPolicy {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  /** What `validateResource` gets: the inputs after the provider's Check (the AWS provider adds `tagsAll`). */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** What `validateStack` gets: the resource's outputs. */
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly parentUrn?: string;
  readonly provider?: PolicyProviderResource;
  readonly dependencies?: readonly string[];
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

export interface PolicyViolation {
  readonly policyName: string;
  readonly enforcementLevel: 'advisory' | 'mandatory';
  readonly message: string;
  /** The resource in violation; absent when the stack as a whole is. */
  readonly urn?: string;
}

export interface EvaluationOptions {
  /** Per-policy config, as in `pulumi preview --policy-pack-config <file>`. */
  readonly config?: PolicyPackConfig;
}

export class PolicyEvaluationError extends Error {
  constructor(policyName: string, subject: string, cause: unknown) {
    super(`policy ${policyName} failed on ${subject}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'PolicyEvaluationError';
  }
}

class NotApplicable extends Error {}

/**
 * The SDK hands policies their props through this proxy (it throws on values
 * unknown during a preview). Exported at runtime, though not in the typings.
 */
const { unknownCheckingProxy } = policySdk as unknown as { unknownCheckingProxy<T>(value: T): T };

const OPTIONS: PolicyResourceOptions = { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] };
/** An offline stack has no stack tags. */
const STACK_TAGS: ReadonlyMap<string, string> = new Map();

/** Runs every resource policy on every resource, then every stack policy on the stack; returns what they reported. */
export async function evaluatePolicies(
  policies: Policies,
  resources: readonly ResourceUnderPolicy[],
  options: EvaluationOptions = {},
): Promise<PolicyViolation[]> {
  const violations: PolicyViolation[] = [];
  for (const policy of policies) {
    const level = enforcementLevel(policy.name, policy.enforcementLevel, options.config);
    if (level === 'disabled') {
      continue;
    }
    // As in the SDK, a remediation that still reports a violation is mandatory.
    const reported = level === 'advisory' ? 'advisory' : 'mandatory';
    const getConfig = <T extends object>(): T => configFor(policy.name, policy.configSchema, options.config) as T;
    if ('validateStack' in policy) {
      await runStackPolicy(policy, resources, getConfig, reported, violations);
    } else {
      await runResourcePolicy(policy, resources, getConfig, reported, violations);
    }
  }
  return violations;
}

type GetConfig = <T extends object>() => T;

async function runResourcePolicy(
  policy: ResourceValidationPolicy,
  resources: readonly ResourceUnderPolicy[],
  getConfig: GetConfig,
  level: PolicyViolation['enforcementLevel'],
  violations: PolicyViolation[],
): Promise<void> {
  const validations: ResourceValidation[] =
    policy.validateResource === undefined ? [] : Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
  for (const resource of resources) {
    const report: ReportViolation = (message) => violations.push({ policyName: policy.name, enforcementLevel: level, message, urn: resource.urn });
    const args: ResourceValidationArgs = {
      type: resource.type,
      props: clone(resource.inputs),
      urn: resource.urn,
      name: resource.name,
      opts: OPTIONS,
      provider: resource.provider,
      stackTags: STACK_TAGS,
      isType: (resourceClass) => isTypeOf(resource.type, resourceClass),
      asType: ((resourceClass: unknown) => (isTypeOf(resource.type, resourceClass) ? args.props : undefined)) as ResourceValidationArgs['asType'],
      getConfig,
      notApplicable: throwNotApplicable,
    };
    for (const validation of validations) {
      try {
        await validation(args, report);
      } catch (error) {
        if (!(error instanceof NotApplicable)) {
          throw new PolicyEvaluationError(policy.name, `${resource.type} ${resource.name}`, error);
        }
      }
    }
  }
}

async function runStackPolicy(
  policy: StackValidationPolicy,
  resources: readonly ResourceUnderPolicy[],
  getConfig: GetConfig,
  level: PolicyViolation['enforcementLevel'],
  violations: PolicyViolation[],
): Promise<void> {
  const args: StackValidationArgs = {
    resources: linkResources(resources),
    stackTags: STACK_TAGS,
    getConfig,
    notApplicable: throwNotApplicable,
  };
  const report: ReportViolation = (message, urn) => violations.push({ policyName: policy.name, enforcementLevel: level, message, urn });
  try {
    await policy.validateStack(args, report);
  } catch (error) {
    if (!(error instanceof NotApplicable)) {
      throw new PolicyEvaluationError(policy.name, 'the stack', error);
    }
  }
}

/** Builds the stack's resources with their parent and dependencies as object references, as the SDK does. */
function linkResources(resources: readonly ResourceUnderPolicy[]): PolicyResource[] {
  const byUrn = new Map<string, PolicyResource>();
  const linked = resources.map((resource) => {
    const props = clone(resource.outputs);
    const policyResource: PolicyResource = {
      type: resource.type,
      props,
      urn: resource.urn,
      name: resource.name,
      opts: OPTIONS,
      provider: resource.provider,
      dependencies: [],
      propertyDependencies: {},
      isType: (resourceClass) => isTypeOf(resource.type, resourceClass),
      asType: ((resourceClass: unknown) => (isTypeOf(resource.type, resourceClass) ? props : undefined)) as PolicyResource['asType'],
    };
    byUrn.set(resource.urn, policyResource);
    return policyResource;
  });
  const resolve = (urns: readonly string[] = []): PolicyResource[] =>
    urns.map((urn) => byUrn.get(urn)).filter((found): found is PolicyResource => found !== undefined);
  resources.forEach((resource, index) => {
    const target = linked[index];
    target.parent = resource.parentUrn === undefined ? undefined : byUrn.get(resource.parentUrn);
    target.dependencies = resolve(resource.dependencies);
    target.propertyDependencies = Object.fromEntries(
      Object.entries(resource.propertyDependencies ?? {}).map(([property, urns]) => [property, resolve(urns)]),
    );
  });
  return linked;
}

/** The level from the config, else the policy's own, else the SDK's default (advisory). */
function enforcementLevel(name: string, own: EnforcementLevel | undefined, config: PolicyPackConfig | undefined): EnforcementLevel {
  const configured = config?.[name];
  const fromConfig = typeof configured === 'string' ? configured : configured?.enforcementLevel;
  return fromConfig ?? own ?? 'advisory';
}

/** The policy's config with the defaults of its schema, as the CLI passes it. */
function configFor(name: string, schema: PolicyConfigSchema | undefined, config: PolicyPackConfig | undefined): Record<string, unknown> {
  const defaults = Object.fromEntries(
    Object.entries(schema?.properties ?? {})
      .filter(([, property]) => property.default !== undefined)
      .map(([key, property]) => [key, property.default]),
  );
  const given = config?.[name];
  const { enforcementLevel: _level, ...properties } = typeof given === 'object' ? given : {};
  return { ...defaults, ...properties };
}

/** Policies get their own copy, so one cannot change what the next one sees, behind the SDK's proxy. */
function clone(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return unknownCheckingProxy(structuredClone(value) as Record<string, unknown>);
}

function isTypeOf(type: string, resourceClass: unknown): boolean {
  return (resourceClass as { __pulumiType?: string }).__pulumiType === type;
}

function throwNotApplicable(): never {
  throw new NotApplicable();
}
