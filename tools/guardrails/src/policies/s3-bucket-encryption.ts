import type { StackValidationPolicy } from '@pulumi/policy';
import { validateBucketParts } from '../bucket-parts';

/** The algorithms S3 accepts as a bucket's default encryption. */
export const SSE_ALGORITHMS = ['AES256', 'aws:kms', 'aws:kms:dsse'] as const;

interface EncryptionRule {
  applyServerSideEncryptionByDefault?: { sseAlgorithm?: unknown };
}

/**
 * Every bucket states its default encryption. S3 has encrypted new objects with
 * SSE-S3 since 2023 anyway; the explicit resource keeps the choice reviewable and
 * stops drift to a weaker setting.
 */
export const s3BucketEncryption: StackValidationPolicy = {
  name: 's3-bucket-encryption',
  description: `Every S3 bucket has a BucketServerSideEncryptionConfiguration with a default algorithm (${SSE_ALGORITHMS.join(', ')}).`,
  enforcementLevel: 'mandatory',
  validateStack: validateBucketParts({
    partType: 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
    partLabel: 'BucketServerSideEncryptionConfiguration',
    requirement: 'default encryption must be configured',
    check: (part) => {
      const rules = (part.props['rules'] ?? []) as EncryptionRule[];
      const algorithms = rules.map((rule) => rule.applyServerSideEncryptionByDefault?.sseAlgorithm);
      return algorithms.some((algorithm) => (SSE_ALGORITHMS as readonly unknown[]).includes(algorithm))
        ? []
        : [`sets no default encryption algorithm (one of ${SSE_ALGORITHMS.join(', ')})`];
    },
  }),
};
