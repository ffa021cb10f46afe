// A compliant bucket of the platform with its configuration resources, and
// helpers to vary one of them.
import type { ResourceUnderPolicy } from '../evaluate';
import { resource, urnOf } from './resources';

export const BUCKET = 'acme-data-dev-eu-west-1-111111111111';
export const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;

export const bucket = resource('aws:s3/bucket:Bucket', 'data', { bucket: BUCKET, arn: BUCKET_ARN });

export const tlsOnlyPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [BUCKET_ARN, `${BUCKET_ARN}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
};

export const lifecycleRules = [
  { id: 'noncurrent-versions', status: 'Enabled', filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 } },
  { id: 'data-objects', status: 'Enabled', filter: { prefix: 'data/' }, expiration: { days: 30 } },
  { id: 'incomplete-uploads', status: 'Enabled', filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
];

export const parts = {
  versioning: resource('aws:s3/bucketVersioning:BucketVersioning', 'data-versioning', {
    bucket: BUCKET,
    versioningConfiguration: { status: 'Enabled' },
  }),
  lifecycle: resource('aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration', 'data-lifecycle', { bucket: BUCKET, rules: lifecycleRules }),
  publicAccessBlock: resource('aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock', 'data-public-access', {
    bucket: BUCKET,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  }),
  encryption: resource('aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration', 'data-encryption', {
    bucket: BUCKET,
    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' }, bucketKeyEnabled: true }],
  }),
  policy: resource('aws:s3/bucketPolicy:BucketPolicy', 'data-policy', { bucket: BUCKET, policy: JSON.stringify(tlsOnlyPolicy) }),
};

/** The compliant bucket and all its parts, with one part's props replaced. */
export function bucketWith(part: keyof typeof parts, props: Record<string, unknown>): ResourceUnderPolicy[] {
  const changed = { ...parts[part], inputs: { ...props }, outputs: { ...props } };
  return [bucket, ...Object.values({ ...parts, [part]: changed })];
}

export function bucketWithout(part: keyof typeof parts): ResourceUnderPolicy[] {
  return [bucket, ...Object.entries(parts).filter(([key]) => key !== part).map(([, value]) => value)];
}

export const bucketUrn = urnOf('aws:s3/bucket:Bucket', 'data');
