import { type EnvironmentStackOutputs, EnvironmentStackOutputsError, parseEnvironmentStackOutputs } from './environment-stack-outputs';

const STACK = 'acme/infra-dev/dev';
const dev: EnvironmentStackOutputs = {
  environment: 'dev',
  region: 'eu-west-1',
  accountId: '222222222222',
  bucketName: 'acme-data-dev-eu-west-1-222222222222',
  bucketArn: 'arn:aws:s3:::acme-data-dev-eu-west-1-222222222222',
  tableName: 'acme-metadata-dev',
  tableArn: 'arn:aws:dynamodb:eu-west-1:222222222222:table/acme-metadata-dev',
  lambdaFunctionArns: { monitor: 'arn:aws:lambda:eu-west-1:222222222222:function:acme-config-monitor-dev' },
  successTopicArn: 'arn:aws:sns:eu-west-1:222222222222:acme-replication-success-dev',
  failureTopicArn: 'arn:aws:sns:eu-west-1:222222222222:acme-replication-failure-dev',
  deadLetterQueueArn: 'arn:aws:sqs:eu-west-1:222222222222:acme-replication-dlq-dev',
  deadLetterQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/222222222222/acme-replication-dlq-dev',
  encryptionKeyArn: 'arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  replicationSourceAccountId: '111111111111',
  admittedReplicatorRoleArn: 'arn:aws:iam::111111111111:role/acme-config-replicator-prod',
};

describe('parseEnvironmentStackOutputs', () => {
  it('returns a valid stack’s outputs, typed', () => {
    expect(parseEnvironmentStackOutputs(STACK, 'dev', { ...dev })).toEqual(dev);
  });

  it('keeps prod’s rule ARN', () => {
    const ruleArn = 'arn:aws:events:eu-west-1:222222222222:rule/acme-config-replication-dev';
    expect(parseEnvironmentStackOutputs(STACK, 'dev', { ...dev, replicationRuleArn: ruleArn }).replicationRuleArn).toBe(ruleArn);
  });

  it('reads prod’s outputs, which admit no replicator', () => {
    const prodStack = 'acme/infra-prod/prod';
    const { admittedReplicatorRoleArn: _admitted, ...prod } = { ...dev, environment: 'prod' as const, replicationSourceAccountId: '222222222222' };
    expect(parseEnvironmentStackOutputs(prodStack, 'prod', prod)).toEqual(prod);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a target deployed before it exported the role it admits', { ...dev, admittedReplicatorRoleArn: undefined }, 'StackReference acme/infra-dev/dev: output "admittedReplicatorRoleArn" is missing; deploy acme/infra-dev/dev with this version of the platform first'],
    ['an admitted role that is not a role', { ...dev, admittedReplicatorRoleArn: 'arn:aws:iam::111111111111:user/ci' }, 'output "admittedReplicatorRoleArn"="arn:aws:iam::111111111111:user/ci" is invalid: must be an IAM role ARN'],
    ['an admitted role outside the trusted account', { ...dev, admittedReplicatorRoleArn: 'arn:aws:iam::333333333333:role/acme-config-replicator-prod' }, 'output "admittedReplicatorRoleArn"="arn:aws:iam::333333333333:role/acme-config-replicator-prod" is invalid: must be in the account replicationSourceAccountId names (111111111111)'],
    ['a stack deployed by an older version', { ...dev, encryptionKeyArn: undefined }, 'StackReference acme/infra-dev/dev: output "encryptionKeyArn" is missing; deploy acme/infra-dev/dev with this version of the platform first'],
    ['no outputs at all (never deployed)', {}, 'StackReference acme/infra-dev/dev: output "environment" is missing'],
    ['another environment’s stack', { ...dev, environment: 'staging' }, 'StackReference acme/infra-dev/dev: output "environment"="staging" is invalid: must be dev: this stack is read as the dev environment'],
    ['a table name instead of an ARN', { ...dev, tableArn: 'acme-metadata-dev' }, 'output "tableArn"="acme-metadata-dev" is invalid: must be a DynamoDB table ARN'],
    ['a topic ARN of another service', { ...dev, failureTopicArn: 'arn:aws:sqs:eu-west-1:222222222222:q' }, 'output "failureTopicArn"="arn:aws:sqs:eu-west-1:222222222222:q" is invalid: must be an SNS topic ARN'],
    ['a bucket ARN of another bucket', { ...dev, bucketArn: 'arn:aws:s3:::other-bucket' }, 'output "bucketArn"="arn:aws:s3:::other-bucket" is invalid: must be the ARN of bucket acme-data-dev-eu-west-1-222222222222'],
    ['a table ARN of another table', { ...dev, tableArn: 'arn:aws:dynamodb:eu-west-1:222222222222:table/other' }, 'must be the ARN of table acme-metadata-dev'],
    ['an ARN in another account', { ...dev, successTopicArn: 'arn:aws:sns:eu-west-1:999999999999:acme-replication-success-dev' }, 'output "successTopicArn"="arn:aws:sns:eu-west-1:999999999999:acme-replication-success-dev" is invalid: must be in the stack\'s account 222222222222 and region eu-west-1'],
    ['a queue URL that is not one', { ...dev, deadLetterQueueUrl: 'acme-replication-dlq-dev' }, 'output "deadLetterQueueUrl"="acme-replication-dlq-dev" is invalid: must be an SQS queue URL'],
    ['a key alias instead of a key', { ...dev, encryptionKeyArn: 'arn:aws:kms:eu-west-1:222222222222:alias/acme' }, 'output "encryptionKeyArn"="arn:aws:kms:eu-west-1:222222222222:alias/acme" is invalid: must be a KMS key ARN'],
    ['no monitor function', { ...dev, lambdaFunctionArns: {} }, 'output "lambdaFunctionArns"={} is invalid: must map "monitor" (and "replicator" in prod) to Lambda function ARNs'],
    ['a number where a string belongs', { ...dev, accountId: 222222222222 }, 'output "accountId"=222222222222 is invalid: must be a 12-digit account id'],
    ['a rule ARN that is not one', { ...dev, replicationRuleArn: 'rule' }, 'output "replicationRuleArn"="rule" is invalid: must be an EventBridge rule ARN'],
  ])('rejects %s, naming the stack and the output', (_case, raw, message) => {
    const parse = () => parseEnvironmentStackOutputs(STACK, 'dev', raw);
    expect(parse).toThrow(EnvironmentStackOutputsError);
    expect(parse).toThrow(message);
  });
});
