import { worstCaseBackoffMs } from '@data-platform/env-module';
import { DEFAULT_RETRY, readReplicatorSettings, replicationRulePattern, replicatorVariables } from '@data-platform/replication-contract';
import type { PlannedStack } from '../planned-stacks';
import { T, ACCOUNT, arnOf, type StacksOf } from '../stack-vocabulary';

/** Assertions on replication, over the three planned stacks. */
export function replicationSuite(stacksOf: StacksOf): void {
  let stacks: ReturnType<StacksOf>;
  beforeAll(() => {
    stacks = stacksOf();
  });

  describe('replication', () => {
    it.each(['dev', 'staging'] as const)('%s has no replicator, no rule and no rule target', (environment) => {
      const stack = stacks[environment];
      expect(stack.ofType(T.fn).map((fn) => fn.inputs['name'])).toEqual([`acme-config-monitor-${environment}`]);
      expect(stack.ofType(T.role).map((role) => role.inputs['name'])).toEqual([`acme-config-monitor-${environment}`]);
      expect(stack.ofType(T.rule)).toEqual([]);
      expect(stack.ofType(T.ruleTarget)).toEqual([]);
      expect(stack.resources.filter((resource) => resource.type === 'pulumi:pulumi:StackReference')).toEqual([]);
    });

    it('prod reads dev and staging through StackReferences named <org>/infra-<env>/<env>', () => {
      const references = stacks.prod.resources.filter((resource) => resource.type === 'pulumi:pulumi:StackReference');
      expect(references.map((reference) => reference.name)).toEqual(['organization/infra-dev/dev', 'organization/infra-staging/staging']);
    });

    it('prod matches exactly the contract pattern: this system’s prod events in prod’s account', () => {
      const rule = stacks.prod.find(T.rule, 'replication-rule');
      expect(rule.inputs).toMatchObject({ name: 'acme-config-replication-prod', eventBusName: 'default', state: 'ENABLED' });
      expect(stacks.prod.json(rule, 'eventPattern')).toEqual(replicationRulePattern({ sourceEnvironment: 'prod', accountId: ACCOUNT }));
      expect(rule.inputs['eventPattern']).toBe(JSON.stringify(replicationRulePattern({ sourceEnvironment: 'prod', accountId: ACCOUNT })));
    });

    it('prod delivers to the replicator with a retry policy and the DLQ, invoked only by its rule', () => {
      const prod = stacks.prod;
      const ruleArn = arnOf(prod, T.rule, 'replication-rule');
      expect(prod.find(T.ruleTarget, 'replication-rule-target').inputs).toEqual({
        rule: 'acme-config-replication-prod',
        eventBusName: 'default',
        targetId: 'replicator',
        arn: arnOf(prod, T.fn, 'replication'),
        retryPolicy: { maximumRetryAttempts: 10, maximumEventAgeInSeconds: 3_600 },
        deadLetterConfig: { arn: prod.outputs['deadLetterQueueArn'] },
      });
      expect(prod.find(T.permission, 'replication-rule-invoke').inputs).toEqual({
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
      const variables = (prod.find(T.fn, 'replication').inputs['environment'] as { variables: Record<string, string> }).variables;
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
      const variables = (stacks.prod.find(T.fn, 'replication').inputs['environment'] as { variables: Record<string, string> }).variables;
      const timeoutMs = Number(stacks.prod.find(T.fn, 'replication').inputs['timeout']) * 1_000;
      expect(worstCaseBackoffMs(readReplicatorSettings(variables).retry)).toBeLessThanOrEqual(timeoutMs / 2);
    });
  });
}
