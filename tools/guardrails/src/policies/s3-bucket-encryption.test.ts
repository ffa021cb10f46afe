import { BUCKET, bucketWith, bucketWithout, parts } from '../test/s3-bucket';
import { violations } from '../test/resources';
import { s3BucketEncryption } from './s3-bucket-encryption';

describe('s3-bucket-encryption', () => {
  it.each(['AES256', 'aws:kms', 'aws:kms:dsse'])('passes default encryption with %s', async (sseAlgorithm) => {
    const resources = bucketWith('encryption', { bucket: BUCKET, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm } }] });
    expect(await violations(s3BucketEncryption, resources)).toEqual([]);
    expect(await violations(s3BucketEncryption, bucketWith('encryption', parts.encryption.inputs))).toEqual([]);
  });

  it('reports a bucket without an encryption configuration', async () => {
    expect(await violations(s3BucketEncryption, bucketWithout('encryption'))).toEqual([
      `Bucket ${BUCKET} has no BucketServerSideEncryptionConfiguration; default encryption must be configured.`,
    ]);
  });

  it('reports a configuration whose rules set no default algorithm', async () => {
    const resources = bucketWith('encryption', { bucket: BUCKET, rules: [{ bucketKeyEnabled: true }] });
    expect(await violations(s3BucketEncryption, resources)).toEqual([
      `BucketServerSideEncryptionConfiguration data-encryption (bucket ${BUCKET}) sets no default encryption algorithm (one of AES256, aws:kms, aws:kms:dsse).`,
    ]);
  });
});
