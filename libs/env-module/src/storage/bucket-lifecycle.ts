import type { BucketSettings } from '../config/environment-config';

/** Pipeline data lives under `data/` and expires; configuration (the contract's `DEFAULT_CONFIG_PREFIX`) never does. */
export const DATA_PREFIX = 'data/';

/** One rule as `aws.s3.BucketLifecycleConfiguration` takes it. */
export interface LifecycleRule {
  readonly id: string;
  readonly status: 'Enabled';
  /** `{}` applies the rule to the whole bucket. */
  readonly filter: { readonly prefix?: string };
  readonly expiration?: { readonly days?: number; readonly expiredObjectDeleteMarker?: boolean };
  readonly noncurrentVersionExpiration?: { readonly noncurrentDays: number };
  readonly abortIncompleteMultipartUpload?: { readonly daysAfterInitiation: number };
}

/**
 * The data bucket's lifecycle. No rule expires current objects outside `data/`,
 * so `config/` keeps its current objects forever; older versions of everything
 * (configuration included) go after `noncurrentVersionExpirationDays`.
 */
export function dataBucketLifecycleRules(settings: BucketSettings): LifecycleRule[] {
  return [
    {
      id: 'expire-noncurrent-versions',
      status: 'Enabled',
      filter: {},
      noncurrentVersionExpiration: { noncurrentDays: settings.noncurrentVersionExpirationDays },
      // Delete markers left with no versions behind them are removed too.
      expiration: { expiredObjectDeleteMarker: true },
    },
    {
      id: 'expire-pipeline-data',
      status: 'Enabled',
      filter: { prefix: DATA_PREFIX },
      expiration: { days: settings.dataExpirationDays },
    },
    {
      id: 'abort-incomplete-multipart-uploads',
      status: 'Enabled',
      filter: {},
      abortIncompleteMultipartUpload: { daysAfterInitiation: settings.abortIncompleteMultipartUploadDays },
    },
  ];
}
