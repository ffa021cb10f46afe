import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { EnvironmentConfig } from '../config/environment-config';
import { platformTags } from './platform-tags';

/**
 * The one AWS provider of an environment: its region, the only account it may
 * touch (so credentials for another account fail before anything changes) and
 * the default tags every taggable resource receives.
 */
export function platformProvider(name: string, config: EnvironmentConfig, opts?: pulumi.CustomResourceOptions): aws.Provider {
  return new aws.Provider(
    name,
    {
      region: config.location.region,
      allowedAccountIds: [config.location.accountId],
      defaultTags: { tags: { ...platformTags(config) } },
    },
    opts,
  );
}
