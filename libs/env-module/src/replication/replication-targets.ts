import type { ReplicationTarget } from '@data-platform/replication-contract';
import type { EnvironmentLocation } from '../config/environment-config';
import { parseArn } from '../naming/arns';
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
 * A target whose stack admits another replicator role than the one prod runs as:
 * a mistake in the stacks' config (a company or account that differs), not in
 * the program. Its message stays as written: Pulumi prefixes, in place, the
 * message of an error that fails a resource input ("error serializing property
 * ..."), and this one already names the stack and both roles.
 */
export class ReplicationTargetConfigError extends Error {
  constructor(readonly stackName: string, problem: string) {
    const message = `StackReference ${stackName}: ${problem}`;
    super(message);
    this.name = 'ReplicationTargetConfigError';
    Object.defineProperty(this, 'message', { get: () => message, set: () => undefined, enumerable: false, configurable: true });
  }
}

/**
 * The target read from `stack`, if it admits `replicatorRoleArn`, the role prod's
 * replicator runs as; otherwise a ReplicationTargetConfigError naming both roles
 * and the setting to change, before prod deploys a replicator every write of
 * which would be denied.
 */
export function admittedReplicationTarget(stack: string, replicatorRoleArn: string, target: EnvironmentStackOutputs): EnvironmentStackOutputs {
  const admitted = target.admittedReplicatorRoleArn;
  if (admitted === replicatorRoleArn) {
    return target;
  }
  const expected = parseArn(replicatorRoleArn);
  const found = parseArn(admitted ?? '');
  const settings = [
    ...(found?.accountId === expected?.accountId ? [] : [`platform:replicationSourceAccountId to "${expected?.accountId}"`]),
    ...(found?.resource === expected?.resource ? [] : ["platform:company to prod's (it names the role)"]),
  ];
  const fix = settings.length === 0 ? 'Deploy that stack in the AWS partition of prod' : `Set ${settings.join(' and ')} in that stack`;
  throw new ReplicationTargetConfigError(
    stack,
    `the ${target.environment} environment admits the replicator role ${admitted ?? '(none)'}, not ${replicatorRoleArn}, the role prod's replicator runs as, ` +
      `so every write into ${target.environment} would be denied. ${fix} and deploy it before prod.`,
  );
}
