import { environmentStackName, parseEnvironmentStackOutputs } from '@data-platform/env-module';
import type { EnvironmentName } from '@data-platform/replication-contract';
import { planEnvironment, type PlannedStack } from './planned-stack';
import { PARTS_OF_EVERY_ENVIRONMENT, RESOURCE_TYPE } from './resource-types';

/**
 * The tests every replication-target app (dev, staging) runs on its own real
 * program with its committed stack config, so a change to one app's config is
 * tested by that app. The cross-stack assertions (all three stacks, prod fed by
 * the targets) and the refusals of bad config live in apps/infra-e2e.
 */
export function describeTargetEnvironmentApp(environment: Exclude<EnvironmentName, 'prod'>): void {
  describe(`infra-${environment}`, () => {
    let stack: PlannedStack;
    beforeAll(async () => {
      stack = await planEnvironment(environment);
    }, 30_000);

    it('exports the stack output contract, without a replication rule', () => {
      const outputs = parseEnvironmentStackOutputs(environmentStackName(stack.result.organization, environment), environment, stack.outputs);
      expect(outputs).toEqual(stack.outputs);
      expect(outputs).toMatchObject({ environment, bucketName: `acme-data-${environment}-eu-west-1-111111111111`, tableName: `acme-metadata-${environment}` });
      expect(Object.keys(outputs.lambdaFunctionArns)).toEqual(['monitor']);
      expect(stack.outputs).not.toHaveProperty('replicationRuleArn');
    });

    it('runs no replicator, no rule and reads no other stack', () => {
      const types = stack.resources.map((resource) => resource.type);
      expect(types.filter((type) => type === RESOURCE_TYPE.lambdaFunction)).toHaveLength(1);
      expect(types).not.toContain(RESOURCE_TYPE.eventRule);
      expect(types).not.toContain(RESOURCE_TYPE.eventTarget);
      expect(types).not.toContain(RESOURCE_TYPE.stackReference);
    });

    it('creates every AWS resource with its explicit provider and tags every taggable one', () => {
      const awsResources = stack.resources.filter((resource) => resource.custom && resource.type.startsWith('aws:'));
      // The checks below hold for every part of the environment, not for an empty plan.
      expect(awsResources.map((resource) => resource.type)).toEqual(expect.arrayContaining(PARTS_OF_EVERY_ENVIRONMENT));
      for (const resource of awsResources) {
        expect({ name: resource.name, provider: resource.provider }).toEqual({ name: resource.name, provider: `aws-${environment}` });
        if (resource.taggable) {
          expect(resource.state['tagsAll']).toEqual({ Environment: environment, Project: 'data-pipeline-platform', ManagedBy: 'pulumi' });
        }
      }
    });
  });
}
