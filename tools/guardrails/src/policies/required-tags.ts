import type { ResourceValidationArgs, ResourceValidationPolicy } from '@pulumi/policy';

export const DEFAULT_REQUIRED_TAGS = ['Environment', 'Project', 'ManagedBy'] as const;

export interface RequiredTagsConfig {
  readonly tags?: readonly string[];
}

/**
 * Taggable AWS types of this platform. Normally a resource shows it is taggable by
 * its `tagsAll`, which the AWS provider's Check adds to the inputs the policy sees
 * (pulumi-aws provider/tags.go, `applyTags`); this list also catches a type whose
 * Check does not (the provider only does it for its SDKv2-based resources).
 */
export const TAGGABLE_TYPES: ReadonlySet<string> = new Set([
  'aws:s3/bucket:Bucket',
  'aws:dynamodb/table:Table',
  'aws:sns/topic:Topic',
  'aws:sqs/queue:Queue',
  'aws:lambda/function:Function',
  'aws:iam/role:Role',
  'aws:iam/policy:Policy',
  'aws:cloudwatch/logGroup:LogGroup',
  'aws:cloudwatch/metricAlarm:MetricAlarm',
  'aws:cloudwatch/eventRule:EventRule',
  'aws:kms/key:Key',
]);

/**
 * Cost, ownership and environment are readable on every resource. Tags count
 * whether they come from the resource or from the provider's default tags, as
 * they do in AWS (`tagsAll`).
 */
export const requiredTags: ResourceValidationPolicy = {
  name: 'required-tags',
  description: `Every taggable AWS resource carries the tags ${DEFAULT_REQUIRED_TAGS.join(', ')} (its own or the provider's default tags).`,
  enforcementLevel: 'mandatory',
  configSchema: {
    properties: { tags: { type: 'array', items: { type: 'string' }, default: [...DEFAULT_REQUIRED_TAGS] } },
  },
  validateResource: (args, reportViolation) => {
    if (!args.type.startsWith('aws:') || !isTaggable(args)) {
      return;
    }
    const required = args.getConfig<RequiredTagsConfig>().tags ?? DEFAULT_REQUIRED_TAGS;
    const tags = effectiveTags(args);
    const missing = required.filter((key) => typeof tags[key] !== 'string' || tags[key] === '');
    if (missing.length > 0) {
      reportViolation(`${args.type} ${args.name} is missing the required tags ${missing.join(', ')}.`);
    }
  },
};

function isTaggable(args: ResourceValidationArgs): boolean {
  return 'tagsAll' in args.props || 'tags' in args.props || TAGGABLE_TYPES.has(args.type);
}

/**
 * The tags AWS will apply: `tagsAll` where the provider computed it, else the
 * provider's default tags overridden by the resource's own.
 */
export function effectiveTags(args: Pick<ResourceValidationArgs, 'props' | 'provider'>): Record<string, unknown> {
  if (isRecord(args.props['tagsAll'])) {
    return args.props['tagsAll'];
  }
  return { ...providerDefaultTags(args.provider?.props), ...(isRecord(args.props['tags']) ? args.props['tags'] : {}) };
}

/**
 * The default tags of an AWS provider, from its inputs; `{}` when it has none or
 * they cannot be read. Provider inputs reach the engine with structured values as
 * JSON strings.
 */
export function providerDefaultTags(props: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const value = props?.['defaultTags'];
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return {};
    }
  }
  const tags = isRecord(parsed) ? parsed['tags'] : undefined;
  return isRecord(tags) ? tags : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
