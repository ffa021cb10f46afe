import type { OfflineResource } from '@data-platform/offline-stack';
import { plannedResources, resourcesUnderPolicy } from './planned-resources';

const resources: OfflineResource[] = [
  { type: 'pulumi:pulumi:Stack', name: 'infra-dev-dev', custom: false, taggable: false, inputs: {}, state: {} },
  { type: 'pulumi:providers:aws', name: 'aws-dev', custom: true, taggable: false, inputs: { region: 'eu-west-1', defaultTags: '{"tags":{"Environment":"dev"}}' }, id: 'p', state: {} },
  { type: 'data-platform:environment:EnvironmentModule', name: 'env', custom: false, taggable: false, inputs: {}, state: {} },
  { type: 'data-platform:environment:DataBucket', name: 'bucket', parent: 'data-platform:environment:EnvironmentModule::env', custom: false, taggable: false, inputs: {}, state: {} },
  {
    type: 'aws:s3/bucket:Bucket',
    name: 'bucket',
    parent: 'data-platform:environment:DataBucket::bucket',
    provider: 'aws-dev',
    custom: true,
    taggable: true,
    inputs: { bucket: 'b', tags: { Name: 'b' } },
    id: 'b',
    state: { bucket: 'b', arn: 'arn:aws:s3:::b', tags: { Name: 'b' }, tagsAll: { Environment: 'dev', Name: 'b' } },
  },
];

describe('plannedResources', () => {
  it('gives every resource the URN the engine would, parenting top-level resources to the stack', () => {
    expect(plannedResources({ project: 'infra-dev', stack: 'dev', resources }).map(({ urn, parent }) => ({ urn, parent }))).toEqual([
      { urn: 'urn:pulumi:dev::infra-dev::pulumi:pulumi:Stack::infra-dev-dev', parent: undefined },
      { urn: 'urn:pulumi:dev::infra-dev::pulumi:providers:aws::aws-dev', parent: 'urn:pulumi:dev::infra-dev::pulumi:pulumi:Stack::infra-dev-dev' },
      { urn: 'urn:pulumi:dev::infra-dev::data-platform:environment:EnvironmentModule::env', parent: 'urn:pulumi:dev::infra-dev::pulumi:pulumi:Stack::infra-dev-dev' },
      {
        urn: 'urn:pulumi:dev::infra-dev::data-platform:environment:EnvironmentModule$data-platform:environment:DataBucket::bucket',
        parent: 'urn:pulumi:dev::infra-dev::data-platform:environment:EnvironmentModule::env',
      },
      {
        urn: 'urn:pulumi:dev::infra-dev::data-platform:environment:EnvironmentModule$data-platform:environment:DataBucket$aws:s3/bucket:Bucket::bucket',
        parent: 'urn:pulumi:dev::infra-dev::data-platform:environment:EnvironmentModule$data-platform:environment:DataBucket::bucket',
      },
    ]);
  });
});

describe('resourcesUnderPolicy', () => {
  it('gives policies checked inputs with tagsAll, planned outputs, and the explicit provider', () => {
    const bucket = resourcesUnderPolicy(plannedResources({ project: 'infra-dev', stack: 'dev', resources }))[4];
    expect(bucket).toEqual({
      type: 'aws:s3/bucket:Bucket',
      name: 'bucket',
      urn: expect.stringMatching(/\$aws:s3\/bucket:Bucket::bucket$/),
      inputs: { bucket: 'b', tags: { Name: 'b' }, tagsAll: { Environment: 'dev', Name: 'b' } },
      outputs: resources[4].state,
      parentUrn: expect.stringMatching(/DataBucket::bucket$/),
      provider: {
        type: 'pulumi:providers:aws',
        name: 'aws-dev',
        urn: 'urn:pulumi:dev::infra-dev::pulumi:providers:aws::aws-dev',
        props: { region: 'eu-west-1', defaultTags: '{"tags":{"Environment":"dev"}}' },
      },
    });
  });
});
