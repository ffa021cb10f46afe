import { provider, resource, violations } from '../test/resources';
import { providerDefaultTags, requiredTags } from './required-tags';

const all = { Environment: 'dev', Project: 'data-platform', ManagedBy: 'pulumi' };

describe('required-tags', () => {
  it('passes tagsAll as the AWS provider computes it from default tags', async () => {
    expect(await violations(requiredTags, [resource('aws:sqs/queue:Queue', 'dlq', { tagsAll: all })])).toEqual([]);
  });

  it('merges the provider default tags under the resource tags when tagsAll is absent', async () => {
    const queue = resource('aws:sqs/queue:Queue', 'dlq', { tags: { Project: 'data-platform' } }, { provider: provider({ Environment: 'dev', ManagedBy: 'pulumi' }) });
    expect(await violations(requiredTags, [queue])).toEqual([]);
  });

  it('counts provider default tags it cannot read as none, and names what is missing', async () => {
    const unreadable = { ...provider({}), props: { defaultTags: '{"tags":' } };
    expect(await violations(requiredTags, [resource('aws:sqs/queue:Queue', 'dlq', { tags: all }, { provider: unreadable })])).toEqual([]);
    expect(await violations(requiredTags, [resource('aws:sqs/queue:Queue', 'dlq', {}, { provider: unreadable })])).toEqual([
      'aws:sqs/queue:Queue dlq is missing the required tags Environment, Project, ManagedBy.',
    ]);
  });

  it('names the missing tags, counting empty values as missing', async () => {
    const queue = resource('aws:sqs/queue:Queue', 'dlq', { tagsAll: { Environment: 'dev', Project: '' } });
    expect(await violations(requiredTags, [queue])).toEqual(['aws:sqs/queue:Queue dlq is missing the required tags Project, ManagedBy.']);
  });

  it('checks known taggable types even when they carry no tags property at all', async () => {
    expect(await violations(requiredTags, [resource('aws:lambda/function:Function', 'monitor', {})])).toEqual([
      'aws:lambda/function:Function monitor is missing the required tags Environment, Project, ManagedBy.',
    ]);
  });

  it('skips resources that cannot be tagged, components and providers', async () => {
    const untaggable = [
      resource('aws:s3/bucketVersioning:BucketVersioning', 'v', { bucket: 'b' }),
      resource('data-platform:index:EnvironmentModule', 'dev', {}),
      resource('pulumi:providers:aws', 'aws', { region: 'eu-west-1' }),
    ];
    expect(await violations(requiredTags, untaggable)).toEqual([]);
  });

  it('takes the required tag names from the policy config', async () => {
    const config = { 'required-tags': { tags: ['CostCenter'] } };
    expect(await violations(requiredTags, [resource('aws:sqs/queue:Queue', 'dlq', { tagsAll: all })], config)).toEqual([
      'aws:sqs/queue:Queue dlq is missing the required tags CostCenter.',
    ]);
  });
});

describe('providerDefaultTags', () => {
  it('reads the default tags of an AWS provider from its inputs, as a JSON string or an object', () => {
    expect(providerDefaultTags(provider({ Environment: 'dev' }).props)).toEqual({ Environment: 'dev' });
    expect(providerDefaultTags({ defaultTags: { tags: { Environment: 'dev' } } })).toEqual({ Environment: 'dev' });
  });

  it('has none for a provider without them, or with a value it cannot read', () => {
    expect(providerDefaultTags(undefined)).toEqual({});
    expect(providerDefaultTags({ region: 'eu-west-1' })).toEqual({});
    expect(providerDefaultTags({ defaultTags: '{"tags":' })).toEqual({});
  });
});
