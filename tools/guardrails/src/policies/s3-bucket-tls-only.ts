import type { StackValidationPolicy } from '@pulumi/policy';
import { bucketArn, validateBucketParts } from '../bucket-parts';
import { conditionValues, isAnyPrincipal, matchesPattern, type NormalizedStatement, readPolicyDocument } from '../policy-document';

/**
 * Every bucket refuses plain-HTTP requests: its policy denies all S3 actions to
 * every principal when `aws:SecureTransport` is false, on the bucket and on its
 * objects (the statement AWS recommends; S3 user guide, "Enforce encryption in transit").
 */
export const s3BucketTlsOnly: StackValidationPolicy = {
  name: 's3-bucket-tls-only',
  description: 'Every S3 bucket has a BucketPolicy that denies s3:* to every principal on the bucket and its objects when aws:SecureTransport is false.',
  enforcementLevel: 'mandatory',
  validateStack: validateBucketParts({
    partType: 'aws:s3/bucketPolicy:BucketPolicy',
    partLabel: 'BucketPolicy',
    requirement: 'a policy must deny requests without TLS (aws:SecureTransport = false)',
    check: (part, bucket) => {
      let statements: NormalizedStatement[];
      try {
        statements = readPolicyDocument(part.props['policy']);
      } catch (error) {
        return [`has a policy that ${(error as Error).message}`];
      }
      const arn = bucket === undefined ? undefined : bucketArn(bucket);
      return statements.some((statement) => deniesInsecureTransport(statement, arn))
        ? []
        : [`has no statement that denies s3:* to every principal when aws:SecureTransport is false${arn === undefined ? '' : ` on ${arn} and ${arn}/*`}`];
    },
  }),
};

function deniesInsecureTransport(statement: NormalizedStatement, arn: string | undefined): boolean {
  const allS3Actions = statement.actions.some((action) => action === '*' || action.toLowerCase() === 's3:*');
  const insecure = conditionValues(statement, 'Bool', 'aws:SecureTransport').some((value) => String(value).toLowerCase() === 'false');
  const coversBucket = arn === undefined || statement.resources.some((resource) => matchesPattern(resource, arn));
  // The object ARN pattern itself must be covered: `<arn>/*` matches only patterns that reach every key.
  const coversObjects = arn === undefined || statement.resources.some((resource) => matchesPattern(resource, `${arn}/*`));
  return statement.effect === 'Deny' && isAnyPrincipal(statement) && allS3Actions && insecure && coversBucket && coversObjects;
}
