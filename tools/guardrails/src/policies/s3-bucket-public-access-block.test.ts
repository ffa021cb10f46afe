import { BUCKET, bucketWith, bucketWithout, parts } from '../test/s3-bucket';
import { violations } from '../test/resources';
import { s3BucketPublicAccessBlock } from './s3-bucket-public-access-block';

describe('s3-bucket-public-access-block', () => {
  it('passes a bucket whose four flags are all true', async () => {
    expect(await violations(s3BucketPublicAccessBlock, bucketWith('publicAccessBlock', parts.publicAccessBlock.inputs))).toEqual([]);
  });

  it('reports a bucket without a public access block', async () => {
    expect(await violations(s3BucketPublicAccessBlock, bucketWithout('publicAccessBlock'))).toEqual([
      `Bucket ${BUCKET} has no BucketPublicAccessBlock; blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets must all be true.`,
    ]);
  });

  it('names the flags that are not true', async () => {
    const resources = bucketWith('publicAccessBlock', { bucket: BUCKET, blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true });
    expect(await violations(s3BucketPublicAccessBlock, resources)).toEqual([
      `BucketPublicAccessBlock data-public-access (bucket ${BUCKET}) does not set blockPublicPolicy, restrictPublicBuckets to true.`,
    ]);
  });
});
