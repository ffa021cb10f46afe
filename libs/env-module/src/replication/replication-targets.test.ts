import type { EnvironmentStackOutputs } from '../outputs/environment-stack-outputs';
import { admittedReplicationTarget, ReplicationTargetConfigError, replicationTargetFor } from './replication-targets';

const prod = { accountId: '111111111111', region: 'eu-west-1', partition: 'aws' };
const staging: EnvironmentStackOutputs = {
  environment: 'staging',
  region: 'eu-west-1',
  accountId: '111111111111',
  bucketName: 'acme-data-staging-eu-west-1-111111111111',
  bucketArn: 'arn:aws:s3:::acme-data-staging-eu-west-1-111111111111',
  tableName: 'acme-metadata-staging',
  tableArn: 'arn:aws:dynamodb:eu-west-1:111111111111:table/acme-metadata-staging',
  lambdaFunctionArns: { monitor: 'arn:aws:lambda:eu-west-1:111111111111:function:acme-config-monitor-staging' },
  successTopicArn: 'arn:aws:sns:eu-west-1:111111111111:acme-replication-success-staging',
  failureTopicArn: 'arn:aws:sns:eu-west-1:111111111111:acme-replication-failure-staging',
  deadLetterQueueArn: 'arn:aws:sqs:eu-west-1:111111111111:acme-replication-dlq-staging',
  deadLetterQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/111111111111/acme-replication-dlq-staging',
  encryptionKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  replicationSourceAccountId: '111111111111',
  admittedReplicatorRoleArn: 'arn:aws:iam::111111111111:role/acme-config-replicator-prod',
};

describe('replicationTargetFor', () => {
  it('addresses a table in prod’s account and region by name', () => {
    expect(replicationTargetFor(prod, staging)).toEqual({
      environment: 'staging',
      tableName: 'acme-metadata-staging',
      bucketName: 'acme-data-staging-eu-west-1-111111111111',
      successTopicArn: staging.successTopicArn,
      failureTopicArn: staging.failureTopicArn,
    });
  });

  it('addresses a table in another account or region by ARN', () => {
    expect(replicationTargetFor(prod, { ...staging, accountId: '333333333333' }).tableName).toBe(staging.tableArn);
    expect(replicationTargetFor(prod, { ...staging, region: 'us-east-1' }).tableName).toBe(staging.tableArn);
  });
});

describe('admittedReplicationTarget', () => {
  const STACK = 'o/infra-staging/staging';
  const REPLICATOR = 'arn:aws:iam::111111111111:role/acme-config-replicator-prod';

  it('returns a target that admits the role prod’s replicator runs as, in prod’s account or another', () => {
    expect(admittedReplicationTarget(STACK, REPLICATOR, staging)).toBe(staging);
    const elsewhere = { ...staging, accountId: '333333333333' };
    expect(admittedReplicationTarget(STACK, REPLICATOR, elsewhere)).toBe(elsewhere);
  });

  it.each([
    [
      'a target in another account that trusts its own account as prod’s',
      { accountId: '333333333333', replicationSourceAccountId: '333333333333', admittedReplicatorRoleArn: 'arn:aws:iam::333333333333:role/acme-config-replicator-prod' },
      'StackReference o/infra-staging/staging: the staging environment admits the replicator role arn:aws:iam::333333333333:role/acme-config-replicator-prod, ' +
        "not arn:aws:iam::111111111111:role/acme-config-replicator-prod, the role prod's replicator runs as, so every write into staging would be denied. " +
        'Set platform:replicationSourceAccountId to "111111111111" in that stack and deploy it before prod.',
    ],
    [
      'a target whose company names another role',
      { accountId: '333333333333', admittedReplicatorRoleArn: 'arn:aws:iam::111111111111:role/globex-config-replicator-prod' },
      'StackReference o/infra-staging/staging: the staging environment admits the replicator role arn:aws:iam::111111111111:role/globex-config-replicator-prod, ' +
        "not arn:aws:iam::111111111111:role/acme-config-replicator-prod, the role prod's replicator runs as, so every write into staging would be denied. " +
        "Set platform:company to prod's (it names the role) in that stack and deploy it before prod.",
    ],
    [
      'a target wrong in both',
      { accountId: '333333333333', replicationSourceAccountId: '333333333333', admittedReplicatorRoleArn: 'arn:aws:iam::333333333333:role/globex-config-replicator-prod' },
      'Set platform:replicationSourceAccountId to "111111111111" and platform:company to prod\'s (it names the role) in that stack',
    ],
  ])('refuses %s, as a configuration error naming both roles', (_case, change, message) => {
    const check = () => admittedReplicationTarget(STACK, REPLICATOR, { ...staging, ...change });
    expect(check).toThrow(ReplicationTargetConfigError);
    expect(check).toThrow(message);
  });

  it('keeps its message when Pulumi prefixes the message of an error that fails a resource input', () => {
    // Prepare
    let error: Error | undefined;
    try {
      admittedReplicationTarget(STACK, REPLICATOR, { ...staging, admittedReplicatorRoleArn: 'arn:aws:iam::111111111111:role/globex-config-replicator-prod' });
    } catch (caught) {
      error = caught as Error;
    }
    const before = error?.message;
    // Act: what @pulumi/pulumi's serializeFilteredProperties does to it
    (error as Error).message = `error serializing property "environment": ${String(before)}`;
    // Assess
    expect(error?.message).toBe(before);
    expect(error?.name).toBe('ReplicationTargetConfigError');
  });
});
