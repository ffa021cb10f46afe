import type { PlannedStack } from '@data-platform/planned-stacks';
import type { EnvironmentName, LambdaFunctionName } from '@data-platform/replication-contract';

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
