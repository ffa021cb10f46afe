import { bucketNameViolation, environmentStackName, parseEnvironmentStackOutputs } from '@data-platform/env-module';
import { ENVIRONMENT_NAMES } from '@data-platform/replication-contract';
import { RESOURCE_TYPE } from '@data-platform/planned-stacks';
import { ACCOUNT, REGION, CONTRACT_OUTPUTS, functionsOf, functionComponent, arnOf } from './stack-vocabulary';
import { planStacksBeforeAll } from './committed-stacks';

const stacks = planStacksBeforeAll();

describe('stack outputs', () => {
  it.each(ENVIRONMENT_NAMES)('%s exports the contract, only prod the replication rule ARN, only the targets the role they admit', (environment) => {
    const stack = stacks[environment];
    const expected = [...CONTRACT_OUTPUTS, environment === 'prod' ? 'replicationRuleArn' : 'admittedReplicatorRoleArn'].sort();
    expect(Object.keys(stack.outputs).sort()).toEqual(expected);
    // The typed reader prod uses accepts every output as it is.
    expect(parseEnvironmentStackOutputs(environmentStackName(stack.result.organization, environment), environment, stack.outputs)).toEqual(stack.outputs);
  });

  it.each(ENVIRONMENT_NAMES)('%s exports the values of the resources it planned', (environment) => {
    const stack = stacks[environment];
    const queue = stack.find(RESOURCE_TYPE.queue, 'dlq');
    expect(stack.outputs).toEqual({
      environment,
      region: REGION,
      accountId: ACCOUNT,
      bucketName: `acme-data-${environment}-${REGION}-${ACCOUNT}`,
      bucketArn: arnOf(stack, RESOURCE_TYPE.bucket, 'bucket'),
      tableName: `acme-metadata-${environment}`,
      tableArn: arnOf(stack, RESOURCE_TYPE.table, 'metadata'),
      lambdaFunctionArns: Object.fromEntries(functionsOf(environment).map((fn) => [fn, arnOf(stack, RESOURCE_TYPE.lambdaFunction, functionComponent(fn))])),
      successTopicArn: arnOf(stack, RESOURCE_TYPE.topic, 'topics-success'),
      failureTopicArn: arnOf(stack, RESOURCE_TYPE.topic, 'topics-failure'),
      deadLetterQueueArn: stack.state(queue, 'arn'),
      deadLetterQueueUrl: stack.state(queue, 'url'),
      encryptionKeyArn: arnOf(stack, RESOURCE_TYPE.kmsKey, 'key'),
      replicationSourceAccountId: ACCOUNT,
      ...(environment === 'prod'
        ? { replicationRuleArn: arnOf(stack, RESOURCE_TYPE.eventRule, 'replication-rule') }
        : { admittedReplicatorRoleArn: arnOf(stacks.prod, RESOURCE_TYPE.role, 'replication-role') }),
    });
  });
});

describe('naming', () => {
  it.each(ENVIRONMENT_NAMES)('%s names every resource <company>-<purpose>-<env> within AWS limits', (environment) => {
    const stack = stacks[environment];
    const bucketName = String(stack.find(RESOURCE_TYPE.bucket, 'bucket').inputs['bucket']);
    expect(bucketName).toBe(`acme-data-${environment}-eu-west-1-111111111111`);
    expect(bucketName.length).toBeLessThanOrEqual(63);
    expect(bucketNameViolation(bucketName)).toBeUndefined();
    expect(stack.find(RESOURCE_TYPE.table, 'metadata').inputs['name']).toBe(`acme-metadata-${environment}`);
    expect(stack.find(RESOURCE_TYPE.topic, 'topics-success').inputs['name']).toBe(`acme-replication-success-${environment}`);
    expect(stack.find(RESOURCE_TYPE.topic, 'topics-failure').inputs['name']).toBe(`acme-replication-failure-${environment}`);
    expect(stack.find(RESOURCE_TYPE.queue, 'dlq').inputs['name']).toBe(`acme-replication-dlq-${environment}`);
    expect(stack.find(RESOURCE_TYPE.kmsAlias, 'key-alias').inputs['name']).toBe(`alias/acme-data-platform-${environment}`);
    for (const resource of [...stack.ofType(RESOURCE_TYPE.lambdaFunction), ...stack.ofType(RESOURCE_TYPE.role), ...stack.ofType(RESOURCE_TYPE.eventRule)]) {
      expect(String(resource.inputs['name'])).toMatch(new RegExp(`^acme-config-[a-z]+-${environment}$`));
      expect(String(resource.inputs['name']).length).toBeLessThanOrEqual(64);
    }
  });

  it('gives every named resource of every environment its own physical name', () => {
    const named = [RESOURCE_TYPE.bucket, RESOURCE_TYPE.table, RESOURCE_TYPE.topic, RESOURCE_TYPE.queue, RESOURCE_TYPE.kmsAlias, RESOURCE_TYPE.lambdaFunction, RESOURCE_TYPE.role, RESOURCE_TYPE.logGroup, RESOURCE_TYPE.eventRule, RESOURCE_TYPE.metricAlarm];
    const physical = ENVIRONMENT_NAMES.flatMap((environment) =>
      stacks[environment].resources
        .filter((resource) => (named as readonly string[]).includes(resource.type))
        .map((resource) => `${resource.type} ${String(resource.inputs['name'] ?? resource.inputs['bucket'])}`),
    );
    expect(physical.every((name) => name.includes(' acme-') || name.includes(' alias/acme-') || name.includes(' /aws/lambda/acme-'))).toBe(true);
    expect(physical).toHaveLength(11 + 11 + 16);
    expect(new Set(physical).size).toBe(physical.length);
  });
});
