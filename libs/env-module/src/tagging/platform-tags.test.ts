import { platformTags, REQUIRED_TAG_KEYS } from './platform-tags';

describe('platformTags', () => {
  it('tags by environment and project, managed by Pulumi', () => {
    const tags = platformTags({ environment: 'staging', project: 'data-pipeline-platform' });
    expect(tags).toEqual({ Environment: 'staging', Project: 'data-pipeline-platform', ManagedBy: 'pulumi' });
    expect(Object.keys(tags)).toEqual([...REQUIRED_TAG_KEYS]);
  });
});
