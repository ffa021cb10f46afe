import type { ReplicationTarget } from '@data-platform/replication-contract';
import type { EnvironmentLocation } from '../config/environment-config';
import type { EnvironmentStackOutputs } from '../outputs/environment-stack-outputs';

/**
 * How the replicator addresses one target: a table in prod's own account and
 * region by name, any other by ARN (DynamoDB accepts table ARNs, and the code
 * sends the request to the ARN's region).
 */
export function replicationTargetFor(source: EnvironmentLocation, target: EnvironmentStackOutputs): ReplicationTarget {
  const local = target.accountId === source.accountId && target.region === source.region;
  return {
    environment: target.environment,
    tableName: local ? target.tableName : target.tableArn,
    bucketName: target.bucketName,
    successTopicArn: target.successTopicArn,
    failureTopicArn: target.failureTopicArn,
  };
}

/**
 * Why prod's replicator could not write into a target, if it could not: the target
 * lives in another account whose resource policies admit some other account.
 */
export function targetAdmissionProblem(stack: string, source: EnvironmentLocation, target: EnvironmentStackOutputs): string | undefined {
  if (target.accountId === source.accountId || target.replicationSourceAccountId === source.accountId) {
    return undefined;
  }
  return (
    `StackReference ${stack}: the ${target.environment} environment lives in account ${target.accountId} and admits the replicator ` +
    `of account ${target.replicationSourceAccountId}, not prod's account ${source.accountId}. ` +
    `Set platform:replicationSourceAccountId to "${source.accountId}" in that stack and deploy it before prod.`
  );
}
