import type { EnvironmentName, LambdaFunctionName } from '@data-platform/replication-contract';
import type { OfflineResource } from '@data-platform/offline-stack';
import type { PlannedStack } from './planned-stacks';

/** The three planned stacks, available once the test file's beforeAll has run. */
export type StacksOf = () => Record<EnvironmentName, PlannedStack>;

/** Resource type tokens, by short name. */
export const T = {
  provider: 'pulumi:providers:aws',
  bucket: 'aws:s3/bucket:Bucket',
  versioning: 'aws:s3/bucketVersioning:BucketVersioning',
  lifecycle: 'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration',
  publicAccessBlock: 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock',
  encryption: 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
  ownership: 'aws:s3/bucketOwnershipControls:BucketOwnershipControls',
  bucketPolicy: 'aws:s3/bucketPolicy:BucketPolicy',
  notification: 'aws:s3/bucketNotification:BucketNotification',
  table: 'aws:dynamodb/table:Table',
  tablePolicy: 'aws:dynamodb/resourcePolicy:ResourcePolicy',
  topic: 'aws:sns/topic:Topic',
  topicPolicy: 'aws:sns/topicPolicy:TopicPolicy',
  queue: 'aws:sqs/queue:Queue',
  queuePolicy: 'aws:sqs/queuePolicy:QueuePolicy',
  key: 'aws:kms/key:Key',
  alias: 'aws:kms/alias:Alias',
  fn: 'aws:lambda/function:Function',
  permission: 'aws:lambda/permission:Permission',
  streamMapping: 'aws:lambda/eventSourceMapping:EventSourceMapping',
  invokeConfig: 'aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig',
  role: 'aws:iam/role:Role',
  rolePolicy: 'aws:iam/rolePolicy:RolePolicy',
  logGroup: 'aws:cloudwatch/logGroup:LogGroup',
  alarm: 'aws:cloudwatch/metricAlarm:MetricAlarm',
  rule: 'aws:cloudwatch/eventRule:EventRule',
  ruleTarget: 'aws:cloudwatch/eventTarget:EventTarget',
} as const;

/** The committed stack configs' placeholder account and region. */
export const ACCOUNT = '111111111111';
export const REGION = 'eu-west-1';
export const CONTRACT_OUTPUTS = [
  'accountId',
  'bucketArn',
  'bucketName',
  'deadLetterQueueArn',
  'deadLetterQueueUrl',
  'encryptionKeyArn',
  'environment',
  'failureTopicArn',
  'lambdaFunctionArns',
  'region',
  'replicationSourceAccountId',
  'successTopicArn',
  'tableArn',
  'tableName',
];

/** The functions each environment runs: the monitor everywhere, the replicator in prod. */
export const functionsOf = (environment: EnvironmentName): LambdaFunctionName[] =>
  environment === 'prod' ? ['monitor', 'replicator'] : ['monitor'];
/** The logical name of a function's component under the module. */
export const functionComponent = (fn: LambdaFunctionName): string => (fn === 'monitor' ? 'monitor' : 'replication');

export function arnOf(stack: PlannedStack, type: string, name: string): string {
  return stack.state(stack.find(type, name), 'arn');
}

export function asList(value: string | readonly string[] | undefined): readonly string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}

export function awsResourceCount(resources: readonly OfflineResource[]): number {
  return resources.filter((resource) => resource.custom && resource.type.startsWith('aws:')).length;
}
