import { type OfflineStackResult, runStackOffline } from '@data-platform/offline-stack';
import { loadProgramInJestIsolation } from '@data-platform/offline-stack/testing';
import type { EnvironmentName } from '@data-platform/replication-contract';
import { parseEnvironmentStackOutputs } from '../outputs/environment-stack-outputs';
import { environmentStackName } from '../outputs/environment-stack-reference';

/**
 * The tests every replication-target app (dev, staging) runs on its own real
 * program with its committed stack config, so a change to one app's config is
 * tested by that app. The cross-stack assertions (all three stacks, prod fed by
 * the targets) and the refusals of bad config live in apps/infra-prod.
 */
export function describeTargetEnvironmentApp(options: { projectDir: string; environment: EnvironmentName }): void {
  const { projectDir, environment } = options;
  // Each isolated program load brings a fresh copy of the Pulumi SDK, which adds a process exit listener.
  process.setMaxListeners(50);

  describe(`infra-${environment}`, () => {
    let result: OfflineStackResult;
    beforeAll(async () => {
      result = await runStackOffline({ projectDir, stack: environment, loadProgram: loadProgramInJestIsolation });
    }, 30_000);

    it('exports the stack output contract, without a replication rule', () => {
      const outputs = parseEnvironmentStackOutputs(environmentStackName(result.organization, environment), environment, result.outputs);
      expect(outputs).toEqual(result.outputs);
      expect(outputs).toMatchObject({ environment, bucketName: `acme-data-${environment}-eu-west-1-111111111111`, tableName: `acme-metadata-${environment}` });
      expect(Object.keys(outputs.lambdaFunctionArns)).toEqual(['monitor']);
      expect(result.outputs).not.toHaveProperty('replicationRuleArn');
    });

    it('runs no replicator, no rule and reads no other stack', () => {
      const types = result.resources.map((resource) => resource.type);
      expect(types.filter((type) => type === 'aws:lambda/function:Function')).toHaveLength(1);
      expect(types).not.toContain('aws:cloudwatch/eventRule:EventRule');
      expect(types).not.toContain('aws:cloudwatch/eventTarget:EventTarget');
      expect(types).not.toContain('pulumi:pulumi:StackReference');
    });

    it('creates every AWS resource with its explicit provider and tags every taggable one', () => {
      const awsResources = result.resources.filter((resource) => resource.custom && resource.type.startsWith('aws:'));
      expect(awsResources.length).toBeGreaterThan(20);
      for (const resource of awsResources) {
        expect({ name: resource.name, provider: resource.provider }).toEqual({ name: resource.name, provider: `aws-${environment}` });
        if (resource.taggable) {
          expect(resource.state['tagsAll']).toEqual({ Environment: environment, Project: 'data-pipeline-platform', ManagedBy: 'pulumi' });
        }
      }
    });
  });
}
