import type { EnvironmentStackOutputs } from '../outputs/environment-stack-outputs';
import { replicationTargetFor, targetAdmissionProblem } from './replication-targets';

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

describe('targetAdmissionProblem', () => {
  it('has none in one account, or when the other account admits prod’s', () => {
    expect(targetAdmissionProblem('o/infra-staging/staging', prod, staging)).toBeUndefined();
    expect(targetAdmissionProblem('o/infra-staging/staging', prod, { ...staging, accountId: '333333333333' })).toBeUndefined();
  });

  it('explains a target in another account that admits some other account', () => {
    expect(targetAdmissionProblem('o/infra-staging/staging', prod, { ...staging, accountId: '333333333333', replicationSourceAccountId: '333333333333' })).toBe(
      'StackReference o/infra-staging/staging: the staging environment lives in account 333333333333 and admits the replicator of account 333333333333, ' +
        'not prod\'s account 111111111111. Set platform:replicationSourceAccountId to "111111111111" in that stack and deploy it before prod.',
    );
  });
});
