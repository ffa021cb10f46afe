import type { StackValidationPolicy } from '@pulumi/policy';
import { validateBucketParts } from '../bucket-parts';

const FLAGS = ['blockPublicAcls', 'blockPublicPolicy', 'ignorePublicAcls', 'restrictPublicBuckets'] as const;

/** No bucket can be made public, by ACL or by policy. */
export const s3BucketPublicAccessBlock: StackValidationPolicy = {
  name: 's3-bucket-public-access-block',
  description: 'Every S3 bucket has a BucketPublicAccessBlock that sets all four flags to true.',
  enforcementLevel: 'mandatory',
  validateStack: validateBucketParts({
    partType: 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock',
    partLabel: 'BucketPublicAccessBlock',
    requirement: `${FLAGS.join(', ')} must all be true`,
    check: (part) => {
      const unset = FLAGS.filter((flag) => part.props[flag] !== true);
      return unset.length === 0 ? [] : [`does not set ${unset.join(', ')} to true`];
    },
  }),
};
