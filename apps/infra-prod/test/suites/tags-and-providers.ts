import { REQUIRED_TAG_KEYS } from '@data-platform/env-module';
import { ENVIRONMENT_NAMES } from '@data-platform/replication-contract';
import { T, ACCOUNT, REGION, type StacksOf } from '../stack-vocabulary';

/** Assertions on tags and providers, over the three planned stacks. */
export function tagsAndProvidersSuite(stacksOf: StacksOf): void {
  let stacks: ReturnType<StacksOf>;
  beforeAll(() => {
    stacks = stacksOf();
  });

  describe('tags and providers', () => {
    it.each(ENVIRONMENT_NAMES)('%s tags every taggable resource with Environment, Project and ManagedBy', (environment) => {
      const taggable = stacks[environment].resources.filter((resource) => resource.taggable);
      expect(taggable.length).toBeGreaterThanOrEqual(12);
      for (const resource of taggable) {
        expect({ resource: resource.name, tags: resource.state['tagsAll'] }).toEqual({
          resource: resource.name,
          tags: expect.objectContaining({ Environment: environment, Project: 'data-pipeline-platform', ManagedBy: 'pulumi' }),
        });
        expect(Object.keys(resource.state['tagsAll'] as object)).toEqual(expect.arrayContaining([...REQUIRED_TAG_KEYS]));
      }
    });

    it.each(ENVIRONMENT_NAMES)('%s creates every AWS resource with its one explicit provider, pinned to its account', (environment) => {
      const stack = stacks[environment];
      const [provider] = stack.ofType(T.provider);
      expect(stack.ofType(T.provider)).toHaveLength(1);
      expect(provider.name).toBe(`aws-${environment}`);
      expect(provider.inputs).toMatchObject({ region: REGION, allowedAccountIds: JSON.stringify([ACCOUNT]) });
      const awsResources = stack.resources.filter((resource) => resource.custom && resource.type.startsWith('aws:'));
      expect(awsResources.length).toBeGreaterThan(20);
      for (const resource of awsResources) {
        expect({ resource: resource.name, provider: resource.provider }).toEqual({ resource: resource.name, provider: `aws-${environment}` });
      }
    });

    it.each(ENVIRONMENT_NAMES)('%s parents every resource under its EnvironmentModule', (environment) => {
      const stack = stacks[environment];
      const root = `data-platform:environment:EnvironmentModule::data-platform-${environment}`;
      const parents = new Map(stack.resources.map((resource) => [`${resource.type}::${resource.name}`, resource.parent]));
      const underModule = (key: string | undefined): boolean => key === root || (key !== undefined && underModule(parents.get(key)));
      for (const resource of stack.resources.filter((candidate) => candidate.type.startsWith('aws:'))) {
        expect({ resource: resource.name, underModule: underModule(resource.parent) }).toEqual({ resource: resource.name, underModule: true });
      }
    });
  });
}
