import { SOURCE_ENVIRONMENT } from '@data-platform/replication-contract';
import type { EnvironmentConfig } from '../config/environment-config';
import { roleArn } from '../naming/arns';
import { resourceNames } from '../naming/resource-names';

/**
 * The prod replicator role of another account that this environment's resource
 * policies must admit, or undefined when prod shares this environment's account
 * (then the role's own identity policy is enough). Its name is deterministic, so
 * it can be named here before prod, deployed last, creates it.
 */
export function crossAccountReplicatorRoleArn(config: EnvironmentConfig): string | undefined {
  const { environment, company, location, replicationSourceAccountId } = config;
  if (environment === SOURCE_ENVIRONMENT || replicationSourceAccountId === location.accountId) {
    return undefined;
  }
  const source = resourceNames({ company, environment: SOURCE_ENVIRONMENT, region: location.region, accountId: replicationSourceAccountId });
  return roleArn({ partition: location.partition, accountId: replicationSourceAccountId }, source.functions.replicator.role);
}
