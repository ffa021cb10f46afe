import { type EnvironmentName, isEnvironmentName, type LambdaFunctionName, SOURCE_ENVIRONMENT } from '@data-platform/replication-contract';
import { isRegionName } from '../config/aws-region';
import { bucketNameViolation } from '../config/bucket-name-rules';
import { parseArn } from '../naming/arns';

/**
 * What every environment stack exports: the contract that prod's StackReferences,
 * the operator tools and the offline plan read. Prod adds `replicationRuleArn`;
 * dev and staging add `admittedReplicatorRoleArn`.
 */
export interface EnvironmentStackOutputs {
  readonly environment: EnvironmentName;
  readonly region: string;
  readonly accountId: string;
  readonly bucketName: string;
  readonly bucketArn: string;
  readonly tableName: string;
  readonly tableArn: string;
  /** Function name (`monitor`, and `replicator` in prod) to ARN. */
  readonly lambdaFunctionArns: Readonly<Partial<Record<LambdaFunctionName, string>>>;
  readonly successTopicArn: string;
  readonly failureTopicArn: string;
  readonly deadLetterQueueArn: string;
  readonly deadLetterQueueUrl: string;
  /** The customer-managed key of the bucket, table and topics: writers into them need it. */
  readonly encryptionKeyArn: string;
  /** The account whose prod replicator may write here (its own account when all share one). */
  readonly replicationSourceAccountId: string;
  /**
   * Dev and staging only: the prod replicator role this environment lets write into
   * it (named in its resource policies when prod is in another account). Prod
   * refuses a target that admits another role than the one prod runs as.
   */
  readonly admittedReplicatorRoleArn?: string;
  /** Prod only, when it replicates. */
  readonly replicationRuleArn?: string;
}

export class EnvironmentStackOutputsError extends Error {
  constructor(readonly stackName: string, problem: string) {
    super(`StackReference ${stackName}: ${problem}`);
    this.name = 'EnvironmentStackOutputsError';
  }
}

type Check = (value: string) => boolean;

const arnOf = (service: string, resource: RegExp): Check => (value) => {
  const arn = parseArn(value);
  return arn !== undefined && arn.service === service && resource.test(arn.resource);
};

/** The required string outputs and the shape each must have. */
const STRING_OUTPUTS: Readonly<Record<string, readonly [Check, string]>> = {
  region: [isRegionName, 'must be an AWS region name'],
  accountId: [(value) => /^\d{12}$/.test(value), 'must be a 12-digit account id'],
  bucketName: [(value) => bucketNameViolation(value) === undefined, 'must be an S3 bucket name'],
  bucketArn: [arnOf('s3', /^[a-z0-9][a-z0-9.-]+$/), 'must be an S3 bucket ARN'],
  tableName: [(value) => /^[A-Za-z0-9_.-]{3,255}$/.test(value), 'must be a DynamoDB table name'],
  tableArn: [arnOf('dynamodb', /^table\/[A-Za-z0-9_.-]{3,255}$/), 'must be a DynamoDB table ARN'],
  successTopicArn: [arnOf('sns', /^[\w-]{1,256}$/), 'must be an SNS topic ARN'],
  failureTopicArn: [arnOf('sns', /^[\w-]{1,256}$/), 'must be an SNS topic ARN'],
  deadLetterQueueArn: [arnOf('sqs', /^[\w-]{1,80}$/), 'must be an SQS queue ARN'],
  deadLetterQueueUrl: [(value) => /^https:\/\/\S+\/\d{12}\/[\w-]{1,80}$/.test(value), 'must be an SQS queue URL'],
  encryptionKeyArn: [arnOf('kms', /^key\/[0-9a-f-]{36}$|^key\/mrk-[0-9a-f]{32}$/), 'must be a KMS key ARN'],
  replicationSourceAccountId: [(value) => /^\d{12}$/.test(value), 'must be a 12-digit account id'],
};

/**
 * Validates what a StackReference returned against the contract, for the stack
 * `stack` that must be environment `expected`. Throws EnvironmentStackOutputsError
 * naming the stack and the missing or invalid output.
 */
export function parseEnvironmentStackOutputs(stack: string, expected: EnvironmentName, raw: Readonly<Record<string, unknown>>): EnvironmentStackOutputs {
  const missing = (name: string): EnvironmentStackOutputsError =>
    new EnvironmentStackOutputsError(stack, `output "${name}" is missing; deploy ${stack} with this version of the platform first`);
  const invalid = (name: string, value: unknown, rule: string): EnvironmentStackOutputsError =>
    new EnvironmentStackOutputsError(stack, `output "${name}"=${JSON.stringify(value)} is invalid: ${rule}`);

  const environment = raw['environment'];
  if (environment === undefined) {
    throw missing('environment');
  }
  if (!isEnvironmentName(environment) || environment !== expected) {
    throw invalid('environment', environment, `must be ${expected}: this stack is read as the ${expected} environment`);
  }
  const strings: Record<string, string> = {};
  for (const [name, [check, rule]] of Object.entries(STRING_OUTPUTS)) {
    const value = raw[name];
    if (value === undefined) {
      throw missing(name);
    }
    if (typeof value !== 'string' || !check(value)) {
      throw invalid(name, value, rule);
    }
    strings[name] = value;
  }
  if (parseArn(strings['bucketArn'])?.resource !== strings['bucketName']) {
    throw invalid('bucketArn', strings['bucketArn'], `must be the ARN of bucket ${strings['bucketName']}`);
  }
  for (const name of ['tableArn', 'successTopicArn', 'failureTopicArn', 'deadLetterQueueArn', 'encryptionKeyArn']) {
    const arn = parseArn(strings[name]);
    if (arn?.accountId !== strings['accountId'] || arn.region !== strings['region']) {
      throw invalid(name, strings[name], `must be in the stack's account ${strings['accountId']} and region ${strings['region']}`);
    }
  }
  if (parseArn(strings['tableArn'])?.resource !== `table/${strings['tableName']}`) {
    throw invalid('tableArn', strings['tableArn'], `must be the ARN of table ${strings['tableName']}`);
  }
  const functions = raw['lambdaFunctionArns'];
  if (functions === undefined) {
    throw missing('lambdaFunctionArns');
  }
  const monitor = typeof functions === 'object' && functions !== null ? (functions as Record<string, unknown>)['monitor'] : undefined;
  if (typeof monitor !== 'string' || !arnOf('lambda', /^function:[\w-]{1,64}$/)(monitor)) {
    throw invalid('lambdaFunctionArns', functions, 'must map "monitor" (and "replicator" in prod) to Lambda function ARNs');
  }
  const admittedRoleArn = raw['admittedReplicatorRoleArn'];
  if (admittedRoleArn === undefined && expected !== SOURCE_ENVIRONMENT) {
    throw missing('admittedReplicatorRoleArn');
  }
  if (admittedRoleArn !== undefined) {
    const role = typeof admittedRoleArn === 'string' ? parseArn(admittedRoleArn) : undefined;
    if (role?.service !== 'iam' || !/^role\/[\w+=,.@/-]{1,512}$/.test(role.resource)) {
      throw invalid('admittedReplicatorRoleArn', admittedRoleArn, 'must be an IAM role ARN');
    }
    if (role.accountId !== strings['replicationSourceAccountId']) {
      throw invalid('admittedReplicatorRoleArn', admittedRoleArn, `must be in the account replicationSourceAccountId names (${strings['replicationSourceAccountId']})`);
    }
  }
  const ruleArn = raw['replicationRuleArn'];
  if (ruleArn !== undefined && (typeof ruleArn !== 'string' || !arnOf('events', /^rule\/[\w.-]+$/)(ruleArn))) {
    throw invalid('replicationRuleArn', ruleArn, 'must be an EventBridge rule ARN');
  }
  return {
    environment,
    region: strings['region'],
    accountId: strings['accountId'],
    bucketName: strings['bucketName'],
    bucketArn: strings['bucketArn'],
    tableName: strings['tableName'],
    tableArn: strings['tableArn'],
    lambdaFunctionArns: functions as EnvironmentStackOutputs['lambdaFunctionArns'],
    successTopicArn: strings['successTopicArn'],
    failureTopicArn: strings['failureTopicArn'],
    deadLetterQueueArn: strings['deadLetterQueueArn'],
    deadLetterQueueUrl: strings['deadLetterQueueUrl'],
    encryptionKeyArn: strings['encryptionKeyArn'],
    replicationSourceAccountId: strings['replicationSourceAccountId'],
    ...(typeof admittedRoleArn === 'string' ? { admittedReplicatorRoleArn: admittedRoleArn } : {}),
    ...(typeof ruleArn === 'string' ? { replicationRuleArn: ruleArn } : {}),
  };
}
