import { REQUIRED_TAG_KEYS } from '@data-platform/env-module';
import { ENVIRONMENT_NAMES } from '@data-platform/replication-contract';
import { PARTS_OF_EVERY_ENVIRONMENT, RESOURCE_TYPE } from '@data-platform/planned-stacks';
import { ACCOUNT, REGION } from './stack-vocabulary';
import { planStacksBeforeAll } from './committed-stacks';

const stacks = planStacksBeforeAll();

describe('tags and providers', () => {
  it.each(ENVIRONMENT_NAMES)('%s tags every taggable resource with Environment, Project and ManagedBy', (environment) => {
    const taggable = stacks[environment].resources.filter((resource) => resource.taggable);
    // The checks below hold for every part of the environment, not for an empty plan.
    expect(taggable.map((resource) => resource.type)).toEqual(expect.arrayContaining(PARTS_OF_EVERY_ENVIRONMENT));
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
    const [provider] = stack.ofType(RESOURCE_TYPE.awsProvider);
    expect(stack.ofType(RESOURCE_TYPE.awsProvider)).toHaveLength(1);
    expect(provider.name).toBe(`aws-${environment}`);
    expect(provider.inputs).toMatchObject({ region: REGION, allowedAccountIds: JSON.stringify([ACCOUNT]) });
    const awsResources = stack.resources.filter((resource) => resource.custom && resource.type.startsWith('aws:'));
    expect(awsResources.map((resource) => resource.type)).toEqual(expect.arrayContaining(PARTS_OF_EVERY_ENVIRONMENT));
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
