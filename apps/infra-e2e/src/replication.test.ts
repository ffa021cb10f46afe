import { worstCaseBackoffMs } from '@data-platform/env-module';
import { DEFAULT_RETRY, readReplicatorSettings, replicationRulePattern, replicatorVariables } from '@data-platform/replication-contract';
import { RESOURCE_TYPE, type PlannedStack } from '@data-platform/planned-stacks';
import { ACCOUNT, arnOf } from './stack-vocabulary';
import { planStacksBeforeAll } from './committed-stacks';

const stacks = planStacksBeforeAll();

describe('replication', () => {
  it('leaves dev and staging alike, and adds in prod only the replicator, what runs it and what watches it', () => {
    // Prepare: every resource of a stack, by type and by its name with the environment taken out.
    const inventory = (stack: PlannedStack): string[] =>
      stack.resources
        .filter((resource) => resource.type !== RESOURCE_TYPE.stackReference)
        .map((resource) => `${resource.type} ${resource.name.replace(new RegExp(`\\b${stack.environment}\\b`, 'g'), '<env>')}`)
        .sort();
    // Act
    const [dev, staging, prod] = [stacks.dev, stacks.staging, stacks.prod].map(inventory);
    // Assess
    expect(staging).toEqual(dev);
    expect(dev.filter((resource) => !prod.includes(resource))).toEqual([]);
    expect(prod.filter((resource) => !dev.includes(resource))).toEqual([
      `${RESOURCE_TYPE.eventRule} data-platform-<env>-replication-rule`,
      `${RESOURCE_TYPE.eventTarget} data-platform-<env>-replication-rule-target`,
      `${RESOURCE_TYPE.logGroup} data-platform-<env>-replication-logs`,
      `${RESOURCE_TYPE.metricAlarm} data-platform-<env>-alarms-acme-config-replicator-errors-<env>`,
      `${RESOURCE_TYPE.role} data-platform-<env>-replication-role`,
      `${RESOURCE_TYPE.rolePolicy} data-platform-<env>-replication-permissions`,
      `${RESOURCE_TYPE.lambdaFunction} data-platform-<env>-replication`,
      `${RESOURCE_TYPE.asyncInvokeConfig} data-platform-<env>-replication-async-invoke`,
      `${RESOURCE_TYPE.lambdaPermission} data-platform-<env>-replication-rule-invoke`,
      'data-platform:environment:PlatformFunction data-platform-<env>-replication',
      'data-platform:environment:Replication data-platform-<env>-replication',
    ]);
  });

  it.each(['dev', 'staging'] as const)('%s has no replicator, no rule and no rule target', (environment) => {
    const stack = stacks[environment];
    expect(stack.ofType(RESOURCE_TYPE.lambdaFunction).map((fn) => fn.inputs['name'])).toEqual([`acme-config-monitor-${environment}`]);
    expect(stack.ofType(RESOURCE_TYPE.role).map((role) => role.inputs['name'])).toEqual([`acme-config-monitor-${environment}`]);
    expect(stack.ofType(RESOURCE_TYPE.eventRule)).toEqual([]);
    expect(stack.ofType(RESOURCE_TYPE.eventTarget)).toEqual([]);
    expect(stack.resources.filter((resource) => resource.type === 'pulumi:pulumi:StackReference')).toEqual([]);
  });

  it('prod reads dev and staging through StackReferences named <org>/infra-<env>/<env>', () => {
    const references = stacks.prod.resources.filter((resource) => resource.type === 'pulumi:pulumi:StackReference');
    expect(references.map((reference) => reference.name)).toEqual(['organization/infra-dev/dev', 'organization/infra-staging/staging']);
  });

  it('prod matches exactly the contract pattern: this system’s prod events in prod’s account', () => {
    const rule = stacks.prod.find(RESOURCE_TYPE.eventRule, 'replication-rule');
    expect(rule.inputs).toMatchObject({ name: 'acme-config-replication-prod', eventBusName: 'default', state: 'ENABLED' });
    expect(stacks.prod.json(rule, 'eventPattern')).toEqual(replicationRulePattern({ sourceEnvironment: 'prod', accountId: ACCOUNT }));
    expect(rule.inputs['eventPattern']).toBe(JSON.stringify(replicationRulePattern({ sourceEnvironment: 'prod', accountId: ACCOUNT })));
  });

  it('prod delivers to the replicator with a retry policy and the DLQ, invoked only by its rule', () => {
    const prod = stacks.prod;
    const ruleArn = arnOf(prod, RESOURCE_TYPE.eventRule, 'replication-rule');
    expect(prod.find(RESOURCE_TYPE.eventTarget, 'replication-rule-target').inputs).toEqual({
      rule: 'acme-config-replication-prod',
      eventBusName: 'default',
      targetId: 'replicator',
      arn: arnOf(prod, RESOURCE_TYPE.lambdaFunction, 'replication'),
      retryPolicy: { maximumRetryAttempts: 10, maximumEventAgeInSeconds: 3_600 },
      deadLetterConfig: { arn: prod.outputs['deadLetterQueueArn'] },
    });
    expect(prod.find(RESOURCE_TYPE.lambdaPermission, 'replication-rule-invoke').inputs).toEqual({
      action: 'lambda:InvokeFunction',
      function: 'acme-config-replicator-prod',
      principal: 'events.amazonaws.com',
      sourceArn: ruleArn,
    });
  });

  it('prod configures the replicator with dev and staging as the StackReferences returned them', () => {
    const { dev, staging, prod } = stacks;
    const target = (stack: PlannedStack) => ({
      environment: stack.environment,
      tableName: String(stack.outputs['tableName']),
      bucketName: String(stack.outputs['bucketName']),
      successTopicArn: String(stack.outputs['successTopicArn']),
      failureTopicArn: String(stack.outputs['failureTopicArn']),
    });
    const variables = (prod.find(RESOURCE_TYPE.lambdaFunction, 'replication').inputs['environment'] as { variables: Record<string, string> }).variables;
    expect(variables).toEqual({
      NODE_OPTIONS: '--enable-source-maps',
      ...replicatorVariables({
        environment: 'prod',
        sourceTableName: 'acme-metadata-prod',
        sourceBucketName: String(prod.outputs['bucketName']),
        configPrefix: 'config/',
        deadLetterQueueUrl: String(prod.outputs['deadLetterQueueUrl']),
        targets: [target(dev), target(staging)],
        retry: DEFAULT_RETRY,
      }),
    });
    // What the Lambda reads back at cold start.
    expect(readReplicatorSettings(variables).targets.map((entry) => entry.environment)).toEqual(['dev', 'staging']);
  });

  it('prod nests its retry budgets: the code’s backoff ends within half the replicator timeout', () => {
    const variables = (stacks.prod.find(RESOURCE_TYPE.lambdaFunction, 'replication').inputs['environment'] as { variables: Record<string, string> }).variables;
    const timeoutMs = Number(stacks.prod.find(RESOURCE_TYPE.lambdaFunction, 'replication').inputs['timeout']) * 1_000;
    expect(worstCaseBackoffMs(readReplicatorSettings(variables).retry)).toBeLessThanOrEqual(timeoutMs / 2);
  });
});
