import { deployedFunctions } from './deployed-functions';

describe('deployedFunctions', () => {
  it('runs the monitor everywhere and the replicator only where the config replicates', () => {
    expect(deployedFunctions({})).toEqual(['monitor']);
    expect(
      deployedFunctions({
        replication: {
          targets: ['dev'],
          stackOrganization: 'organization',
          rule: { maximumRetryAttempts: 10, maximumEventAgeSeconds: 3_600 },
          retry: { maxAttempts: 6, baseDelayMs: 200, maxDelayMs: 5_000 },
        },
      }),
    ).toEqual(['monitor', 'replicator']);
  });
});
