import type { StackValidationPolicy } from '@pulumi/policy';
import { validateBucketParts } from '../bucket-parts';

/** Every bucket keeps prior versions, so a bad write or delete can be undone. */
export const s3BucketVersioning: StackValidationPolicy = {
  name: 's3-bucket-versioning',
  description: 'Every S3 bucket has a BucketVersioning resource with status Enabled.',
  enforcementLevel: 'mandatory',
  validateStack: validateBucketParts({
    partType: 'aws:s3/bucketVersioning:BucketVersioning',
    partLabel: 'BucketVersioning',
    requirement: 'versioning must be Enabled',
    check: (part) => {
      const status = (part.props['versioningConfiguration'] as { status?: unknown } | undefined)?.status;
      return status === 'Enabled' ? [] : [`sets versioning status ${String(status)}; it must be Enabled`];
    },
  }),
};
