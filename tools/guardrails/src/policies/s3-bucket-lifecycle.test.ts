import { BUCKET, bucketWith, bucketWithout, lifecycleRules } from '../test/s3-bucket';
import { violations } from '../test/resources';
import { s3BucketLifecycle } from './s3-bucket-lifecycle';

const withRules = (rules: unknown[]) => bucketWith('lifecycle', { bucket: BUCKET, rules });
const prefix = `BucketLifecycleConfiguration data-lifecycle (bucket ${BUCKET})`;

describe('s3-bucket-lifecycle', () => {
  it('passes the platform lifecycle: noncurrent versions and data/ after 30 days, config/ kept', async () => {
    expect(await violations(s3BucketLifecycle, withRules(lifecycleRules))).toEqual([]);
  });

  it('reports a bucket without a lifecycle configuration, with the retention', async () => {
    expect(await violations(s3BucketLifecycle, bucketWithout('lifecycle'))).toEqual([
      `Bucket ${BUCKET} has no BucketLifecycleConfiguration; noncurrent versions and data/ objects must expire after 30 days.`,
    ]);
  });

  it('reports a different noncurrent retention and a missing data/ rule', async () => {
    const rules = [{ id: 'noncurrent', status: 'Enabled', filter: {}, noncurrentVersionExpiration: { noncurrentDays: 90 } }];
    expect(await violations(s3BucketLifecycle, withRules(rules))).toEqual([
      `${prefix} has no enabled rule for the whole bucket that expires noncurrent versions after 30 days.`,
      `${prefix} has no enabled rule that expires current objects under data/ after 30 days.`,
    ]);
  });

  it('does not count disabled rules or noncurrent expiry limited to a prefix', async () => {
    const rules = [
      { id: 'noncurrent', status: 'Enabled', filter: { prefix: 'data/' }, noncurrentVersionExpiration: { noncurrentDays: 30 } },
      { id: 'data-objects', status: 'Disabled', filter: { prefix: 'data/' }, expiration: { days: 30 } },
    ];
    expect(await violations(s3BucketLifecycle, withRules(rules))).toEqual([
      `${prefix} has no enabled rule for the whole bucket that expires noncurrent versions after 30 days.`,
      `${prefix} has no enabled rule that expires current objects under data/ after 30 days.`,
    ]);
  });

  it('reports a rule that would expire current config/ objects', async () => {
    const rules = [...lifecycleRules, { id: 'everything', status: 'Enabled', filter: {}, expiration: { days: 365 } }];
    expect(await violations(s3BucketLifecycle, withRules(rules))).toEqual([
      `${prefix} rule everything expires current objects under config/, which must never expire.`,
    ]);
  });

  it('takes the retention from the policy config', async () => {
    const config = { 's3-bucket-lifecycle': { retentionDays: 14 } };
    expect(await violations(s3BucketLifecycle, withRules(lifecycleRules), config)).toEqual([
      `${prefix} has no enabled rule for the whole bucket that expires noncurrent versions after 14 days.`,
      `${prefix} has no enabled rule that expires current objects under data/ after 14 days.`,
    ]);
  });
});
