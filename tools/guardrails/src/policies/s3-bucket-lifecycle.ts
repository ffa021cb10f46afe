import type { StackValidationPolicy } from '@pulumi/policy';
import { validateBucketParts } from '../bucket-parts';

/** Days after which noncurrent versions and `data/` objects expire, unless the policy config says otherwise. */
export const DEFAULT_RETENTION_DAYS = 30;
export const DATA_PREFIX = 'data/';
export const CONFIG_PREFIX = 'config/';

export interface LifecycleConfig {
  readonly retentionDays?: number;
}

interface LifecycleRule {
  id?: string;
  status?: string;
  prefix?: string;
  filter?: { prefix?: string; and?: { prefix?: string; tags?: object; objectSizeGreaterThan?: number; objectSizeLessThan?: number }; tag?: object; objectSizeGreaterThan?: number; objectSizeLessThan?: number };
  expiration?: { days?: number; date?: string };
  noncurrentVersionExpiration?: { noncurrentDays?: number };
}

/**
 * The platform's retention (DESIGN.md "One environment"): noncurrent versions of
 * every object expire after the retention, current objects under `data/` too, and
 * nothing ever expires the current objects under `config/`, which are the source
 * of truth that replication copies.
 */
export const s3BucketLifecycle: StackValidationPolicy = {
  name: 's3-bucket-lifecycle',
  description: `Every S3 bucket has a BucketLifecycleConfiguration that expires noncurrent versions and current ${DATA_PREFIX} objects after the retention (default ${DEFAULT_RETENTION_DAYS} days) and never expires ${CONFIG_PREFIX} objects.`,
  enforcementLevel: 'mandatory',
  configSchema: {
    properties: {
      retentionDays: { type: 'integer', minimum: 1, default: DEFAULT_RETENTION_DAYS },
    },
  },
  validateStack: (args, reportViolation) => {
    const days = args.getConfig<LifecycleConfig>().retentionDays ?? DEFAULT_RETENTION_DAYS;
    return validateBucketParts({
      partType: 'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration',
      partLabel: 'BucketLifecycleConfiguration',
      requirement: `noncurrent versions and ${DATA_PREFIX} objects must expire after ${days} days`,
      check: (part) => lifecycleProblems((part.props['rules'] ?? []) as LifecycleRule[], days),
    })(args, reportViolation);
  },
};

/** What a bucket's lifecycle rules get wrong against the retention. */
export function lifecycleProblems(rules: readonly LifecycleRule[], days: number): string[] {
  const enabled = rules.filter((rule) => rule.status === 'Enabled');
  const problems: string[] = [];
  if (!enabled.some((rule) => coversWholeBucket(rule) && rule.noncurrentVersionExpiration?.noncurrentDays === days)) {
    problems.push(`has no enabled rule for the whole bucket that expires noncurrent versions after ${days} days`);
  }
  if (!enabled.some((rule) => prefixOf(rule) === DATA_PREFIX && rule.expiration?.days === days)) {
    problems.push(`has no enabled rule that expires current objects under ${DATA_PREFIX} after ${days} days`);
  }
  for (const rule of enabled) {
    const expires = rule.expiration?.days !== undefined || rule.expiration?.date !== undefined;
    if (expires && CONFIG_PREFIX.startsWith(prefixOf(rule))) {
      problems.push(`rule ${rule.id ?? '(no id)'} expires current objects under ${CONFIG_PREFIX}, which must never expire`);
    }
  }
  return problems;
}

/** The key prefix a rule applies to; '' for the whole bucket. */
function prefixOf(rule: LifecycleRule): string {
  return rule.filter?.prefix ?? rule.filter?.and?.prefix ?? rule.prefix ?? '';
}

function coversWholeBucket(rule: LifecycleRule): boolean {
  const filter = rule.filter ?? {};
  const narrowed = filter.tag !== undefined || filter.and !== undefined || filter.objectSizeGreaterThan !== undefined || filter.objectSizeLessThan !== undefined;
  return prefixOf(rule) === '' && !narrowed;
}
