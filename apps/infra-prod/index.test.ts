import { planEnvironment, type PlannedStack, RESOURCE_TYPE } from '@data-platform/planned-stacks';

// This app's real index.ts with its committed Pulumi.prod.yaml. Prod planned with
// its targets, whose stacks it reads, is tested with them in apps/infra-e2e.

describe('prod configured without replication targets', () => {
  let prod: PlannedStack;
  beforeAll(async () => {
    // As an operator would: the key removed from the stack file (an explicit empty list is refused).
    prod = await planEnvironment('prod', { configOverrides: { 'platform:replicationTargets': undefined } });
  }, 30_000);

  it('runs the monitor only: no replicator with its role, logs, alarm or rule, no StackReference, and no rule ARN output', () => {
    const names = (type: string) => prod.ofType(type).map((resource) => resource.inputs['name']);
    expect(names(RESOURCE_TYPE.lambdaFunction)).toEqual(['acme-config-monitor-prod']);
    expect(names(RESOURCE_TYPE.role)).toEqual(['acme-config-monitor-prod']);
    expect(names(RESOURCE_TYPE.logGroup)).toEqual(['/aws/lambda/acme-config-monitor-prod']);
    expect(names(RESOURCE_TYPE.metricAlarm)).toEqual(['acme-replication-dlq-depth-prod', 'acme-config-monitor-errors-prod']);
    expect(prod.ofType(RESOURCE_TYPE.asyncInvokeConfig).map((config) => config.inputs['functionName'])).toEqual(['acme-config-monitor-prod']);
    expect(prod.ofType(RESOURCE_TYPE.eventRule)).toEqual([]);
    expect(prod.ofType(RESOURCE_TYPE.eventTarget)).toEqual([]);
    expect(prod.ofType(RESOURCE_TYPE.stackReference)).toEqual([]);
    expect(prod.outputs).not.toHaveProperty('replicationRuleArn');
  });
});
