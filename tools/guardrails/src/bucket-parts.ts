import type { PolicyResource, ReportViolation, StackValidation, StackValidationArgs } from '@pulumi/policy';

/**
 * AWS provider v7 configures a bucket through separate resources (versioning,
 * lifecycle, encryption, public access block, policy), each naming its bucket in a
 * `bucket` property. A bucket is compliant only if the stack also holds those
 * resources, so these policies validate the whole stack and relate each part to
 * its bucket.
 */
export const BUCKET_TYPE = 'aws:s3/bucket:Bucket';

/** Something a bucket part gets wrong, in words that finish the sentence "<part> ...". */
export type BucketPartCheck = (part: PolicyResource, bucket: PolicyResource | undefined, args: StackValidationArgs) => string[];

export interface BucketPartRule {
  /** Type token of the part, e.g. `aws:s3/bucketVersioning:BucketVersioning`. */
  readonly partType: string;
  /** Short name of the part in messages, e.g. `BucketVersioning`. */
  readonly partLabel: string;
  /** What a bucket needs from the part, finishing "Bucket b has no <part>; ...". */
  readonly requirement: string;
  readonly check: BucketPartCheck;
}

/**
 * Reports every bucket that has no part of the given type, and every part whose
 * settings are wrong (whether or not its bucket is in this stack).
 */
export function validateBucketParts(rule: BucketPartRule): StackValidation {
  return (args, reportViolation) => {
    const buckets = args.resources.filter((resource) => resource.type === BUCKET_TYPE);
    const parts = args.resources.filter((resource) => resource.type === rule.partType);
    for (const bucket of buckets) {
      if (!parts.some((part) => belongsTo(part, bucket))) {
        reportViolation(`Bucket ${bucketName(bucket)} has no ${rule.partLabel}; ${rule.requirement}.`, bucket.urn);
      }
    }
    for (const part of parts) {
      const bucket = buckets.find((candidate) => belongsTo(part, candidate));
      reportProblems(rule, part, bucket, args, reportViolation);
    }
  };
}

function reportProblems(
  rule: BucketPartRule,
  part: PolicyResource,
  bucket: PolicyResource | undefined,
  args: StackValidationArgs,
  reportViolation: ReportViolation,
): void {
  const target = bucket === undefined ? (known(() => part.props['bucket']) ?? 'unknown') : bucketName(bucket);
  for (const problem of rule.check(part, bucket, args)) {
    reportViolation(`${rule.partLabel} ${part.name} (bucket ${target}) ${problem}.`, part.urn);
  }
}

/**
 * Whether a part configures this bucket: through the engine's property
 * dependencies (known even when the name is not, during a preview), else by the
 * bucket name both carry.
 */
export function belongsTo(part: PolicyResource, bucket: PolicyResource): boolean {
  if ((part.propertyDependencies['bucket'] ?? []).some((dependency) => dependency.urn === bucket.urn)) {
    return true;
  }
  const name = known(() => part.props['bucket']);
  return name !== undefined && name === known(() => bucket.props['bucket']);
}

/** The bucket's physical name when it is known, else its logical name. */
export function bucketName(bucket: PolicyResource): string {
  const name = known(() => bucket.props['bucket']);
  return typeof name === 'string' ? name : bucket.name;
}

/** The bucket's ARN, from its outputs, or built from its name when AWS has not reported it yet. */
export function bucketArn(bucket: PolicyResource): string {
  const arn = known(() => bucket.props['arn']);
  return typeof arn === 'string' ? arn : `arn:aws:s3:::${bucketName(bucket)}`;
}

/**
 * Reads a value that may be unknown during `pulumi preview` (an output of a
 * resource not yet created). The policy SDK throws on reading such a value, which
 * turns the whole policy into an advisory "can't run during preview"; relating
 * parts to buckets must not, so unknown reads here become `undefined`.
 */
export function known<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof Error && 'unknownTypeSentinel' in error) {
      return undefined;
    }
    throw error;
  }
}
