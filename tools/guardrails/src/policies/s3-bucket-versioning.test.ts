import { BUCKET, bucket, bucketUrn, bucketWith, bucketWithout, parts } from '../test/s3-bucket';
import { resource, urnOf, violatedUrns, violations } from '../test/resources';
import { s3BucketVersioning } from './s3-bucket-versioning';

describe('s3-bucket-versioning', () => {
  it('passes a bucket whose versioning is Enabled', async () => {
    expect(await violations(s3BucketVersioning, bucketWith('versioning', parts.versioning.inputs))).toEqual([]);
  });

  it('reports a bucket with no BucketVersioning, on the bucket', async () => {
    const resources = bucketWithout('versioning');
    expect(await violations(s3BucketVersioning, resources)).toEqual([`Bucket ${BUCKET} has no BucketVersioning; versioning must be Enabled.`]);
    expect(await violatedUrns(s3BucketVersioning, resources)).toEqual([bucketUrn]);
  });

  it('reports suspended versioning, on the versioning resource', async () => {
    const resources = bucketWith('versioning', { bucket: BUCKET, versioningConfiguration: { status: 'Suspended' } });
    expect(await violations(s3BucketVersioning, resources)).toEqual([
      `BucketVersioning data-versioning (bucket ${BUCKET}) sets versioning status Suspended; it must be Enabled.`,
    ]);
    expect(await violatedUrns(s3BucketVersioning, resources)).toEqual([urnOf('aws:s3/bucketVersioning:BucketVersioning', 'data-versioning')]);
  });

  it('relates a part to its bucket through the engine property dependencies when the name is unknown', async () => {
    const versioning = resource(
      'aws:s3/bucketVersioning:BucketVersioning',
      'data-versioning',
      { versioningConfiguration: { status: 'Enabled' } },
      { propertyDependencies: { bucket: [bucket.urn] } },
    );
    expect(await violations(s3BucketVersioning, [bucket, versioning])).toEqual([]);
  });

  it('does not count the versioning of another bucket', async () => {
    const other = resource('aws:s3/bucketVersioning:BucketVersioning', 'other', { bucket: 'other-bucket', versioningConfiguration: { status: 'Enabled' } });
    expect(await violations(s3BucketVersioning, [bucket, other])).toEqual([`Bucket ${BUCKET} has no BucketVersioning; versioning must be Enabled.`]);
  });
});
