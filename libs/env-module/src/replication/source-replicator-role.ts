import { SOURCE_ENVIRONMENT } from '@data-platform/replication-contract';
import type { EnvironmentConfig } from '../config/environment-config';
import { roleArn } from '../naming/arns';
import { resourceNames } from '../naming/resource-names';

/**
 * The prod replicator role a target environment (dev, staging) lets write into it:
 * the role named `<platform:company>-config-replicator-prod` in the account
 * `platform:replicationSourceAccountId`. Its name is deterministic, so it can be
 * named here before prod, deployed last, creates it. Undefined in prod.
 *
 * The target exports it (`admittedReplicatorRoleArn`) and prod refuses a target
 * that admits another role than the one prod runs as: a company or account that
 * differs between the stacks would otherwise deny every write.
 */
export function admittedReplicatorRoleArn(config: EnvironmentConfig): string | undefined {
  const { environment, company, location, replicationSourceAccountId } = config;
  if (environment === SOURCE_ENVIRONMENT) {
    return undefined;
  }
  const source = resourceNames({ company, environment: SOURCE_ENVIRONMENT, region: location.region, accountId: replicationSourceAccountId });
  return roleArn({ partition: location.partition, accountId: replicationSourceAccountId }, source.functions.replicator.role);
}

/**
 * The admitted role, when this environment's resource policies must name it:
 * only when prod lives in another account (in one account the role's own identity
 * policy is enough).
 */
export function crossAccountReplicatorRoleArn(config: EnvironmentConfig): string | undefined {
  return config.replicationSourceAccountId === config.location.accountId ? undefined : admittedReplicatorRoleArn(config);
}
