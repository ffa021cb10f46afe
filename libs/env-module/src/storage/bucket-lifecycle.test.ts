import { DEFAULT_CONFIG_PREFIX } from '@data-platform/replication-contract';
import { dataBucketLifecycleRules } from './bucket-lifecycle';

describe('dataBucketLifecycleRules', () => {
  const rules = dataBucketLifecycleRules({ dataExpirationDays: 30, noncurrentVersionExpirationDays: 30, abortIncompleteMultipartUploadDays: 7 });

  it('expires noncurrent versions, data/ objects and incomplete uploads', () => {
    expect(rules).toEqual([
      {
        id: 'expire-noncurrent-versions',
        status: 'Enabled',
        filter: {},
        noncurrentVersionExpiration: { noncurrentDays: 30 },
        expiration: { expiredObjectDeleteMarker: true },
      },
      { id: 'expire-pipeline-data', status: 'Enabled', filter: { prefix: 'data/' }, expiration: { days: 30 } },
      { id: 'abort-incomplete-multipart-uploads', status: 'Enabled', filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
    ]);
  });

  it('never expires current objects under config/', () => {
    const expiringCurrent = rules.filter((rule) => rule.expiration?.days !== undefined);
    expect(expiringCurrent.length).toBeGreaterThan(0);
    for (const rule of expiringCurrent) {
      expect(rule.filter.prefix).toBeDefined();
      expect(DEFAULT_CONFIG_PREFIX.startsWith(rule.filter.prefix ?? '')).toBe(false);
    }
  });

  it('gives each rule a unique id', () => {
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
  });
});
