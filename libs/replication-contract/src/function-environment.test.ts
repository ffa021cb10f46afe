import {
  FUNCTION_VARIABLES,
  monitorVariables,
  readMonitorSettings,
  readReplicatorSettings,
  replicatorVariables,
  type ReplicatorSettings,
} from './function-environment';
import { DEFAULT_RETRY } from './retry-settings';

const replicator: ReplicatorSettings = {
  environment: 'prod',
  sourceTableName: 'acme-metadata-prod',
  sourceBucketName: 'acme-data-prod-eu-west-1-111111111111',
  configPrefix: 'config/',
  deadLetterQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/111111111111/acme-replication-dlq-prod',
  targets: [
    {
      environment: 'dev',
      tableName: 'acme-metadata-dev',
      bucketName: 'acme-data-dev-eu-west-1-222222222222',
      successTopicArn: 'arn:aws:sns:eu-west-1:222222222222:acme-replication-success-dev',
      failureTopicArn: 'arn:aws:sns:eu-west-1:222222222222:acme-replication-failure-dev',
    },
  ],
  retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 2_000 },
};

describe('function environment', () => {
  it('reads back what the env module writes, for both functions', () => {
    expect(readReplicatorSettings(replicatorVariables(replicator))).toEqual(replicator);
    const monitor = { environment: 'dev' as const, eventBusName: 'default', configPrefix: 'config/', deadLetterQueueUrl: 'http://127.0.0.1:9324/q' };
    expect(readMonitorSettings(monitorVariables(monitor))).toEqual(monitor);
  });

  it('defaults the retry knobs and the prefix when they are unset', () => {
    const variables = replicatorVariables(replicator);
    delete variables[FUNCTION_VARIABLES.retryMaxAttempts];
    delete variables[FUNCTION_VARIABLES.retryBaseDelayMs];
    delete variables[FUNCTION_VARIABLES.retryMaxDelayMs];
    delete variables[FUNCTION_VARIABLES.configPrefix];
    const settings = readReplicatorSettings(variables);
    expect(settings.retry).toEqual(DEFAULT_RETRY);
    expect(settings.configPrefix).toBe('config/');
  });

  const target = replicator.targets[0];
  it.each([
    ['an unset table', { SOURCE_TABLE_NAME: undefined }, 'SOURCE_TABLE_NAME=(unset) is invalid: must be set and non-empty'],
    ['an unknown environment', { ENVIRONMENT_NAME: 'qa' }, 'ENVIRONMENT_NAME="qa" is invalid: must be one of dev, staging, prod'],
    ['a queue that is not a URL', { DEAD_LETTER_QUEUE_URL: 'my-queue' }, 'DEAD_LETTER_QUEUE_URL="my-queue" is invalid: must be an http(s) URL'],
    ['targets that are not JSON', { REPLICATION_TARGETS: '[dev' }, 'REPLICATION_TARGETS="[dev" is invalid: must be a JSON array of replication targets'],
    ['no targets', { REPLICATION_TARGETS: '[]' }, 'REPLICATION_TARGETS="[]" is invalid: must be a non-empty JSON array'],
    ['prod as a target', { REPLICATION_TARGETS: JSON.stringify([{ ...target, environment: 'prod' }]) }, 'REPLICATION_TARGETS[0].environment="prod" is invalid: must differ from the source environment prod'],
    ['a target twice', { REPLICATION_TARGETS: JSON.stringify([target, target]) }, 'REPLICATION_TARGETS[1].environment="dev" is invalid: must appear only once'],
    ['a bad topic ARN', { REPLICATION_TARGETS: JSON.stringify([{ ...target, failureTopicArn: 'failures' }]) }, 'REPLICATION_TARGETS[0].failureTopicArn="failures" is invalid: must be an SNS topic ARN'],
    ['zero attempts', { RETRY_MAX_ATTEMPTS: '0' }, 'RETRY_MAX_ATTEMPTS="0" is invalid: must be a whole number from 1 to 20'],
    ['a cap below the base', { RETRY_MAX_DELAY_MS: '50' }, 'RETRY_MAX_DELAY_MS="50" is invalid: must be at least RETRY_BASE_DELAY_MS (100)'],
    ['a prefix without a slash', { CONFIG_PREFIX: 'config' }, 'CONFIG_PREFIX="config" is invalid: must be an S3 key prefix ending in "/"'],
  ])('rejects %s, naming the variable, the value and the rule', (_case, override, message) => {
    const variables = { ...replicatorVariables(replicator), ...override };
    expect(() => readReplicatorSettings(variables)).toThrow(message);
  });
});
