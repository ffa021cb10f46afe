import { nameLengthViolations, resourceNames } from './resource-names';

describe('resourceNames', () => {
  const names = resourceNames({ company: 'acme', environment: 'staging', region: 'eu-west-1', accountId: '222222222222' });

  it('names every resource <company>-<purpose>-<env>, and the bucket uniquely per account and region', () => {
    expect(names).toEqual({
      bucket: 'acme-data-staging-eu-west-1-222222222222',
      table: 'acme-metadata-staging',
      successTopic: 'acme-replication-success-staging',
      failureTopic: 'acme-replication-failure-staging',
      deadLetterQueue: 'acme-replication-dlq-staging',
      encryptionKeyAlias: 'alias/acme-data-platform-staging',
      replicationRule: 'acme-config-replication-staging',
      deadLetterQueueDepthAlarm: 'acme-replication-dlq-depth-staging',
      alarmNamePattern: 'acme-*-staging',
      functions: {
        monitor: {
          function: 'acme-config-monitor-staging',
          role: 'acme-config-monitor-staging',
          logGroup: '/aws/lambda/acme-config-monitor-staging',
          errorsAlarm: 'acme-config-monitor-errors-staging',
        },
        replicator: {
          function: 'acme-config-replicator-staging',
          role: 'acme-config-replicator-staging',
          logGroup: '/aws/lambda/acme-config-replicator-staging',
          errorsAlarm: 'acme-config-replicator-errors-staging',
        },
      },
    });
  });

  it('keeps the longest allowed company prefix within every AWS name limit', () => {
    const longest = resourceNames({ company: 'a'.repeat(20), environment: 'staging', region: 'ap-southeast-2', accountId: '222222222222' });
    expect(nameLengthViolations(longest)).toEqual([]);
  });

  it('reports a name over its limit', () => {
    const tooLong = resourceNames({ company: 'a'.repeat(40), environment: 'staging', region: 'eu-west-1', accountId: '222222222222' });
    expect(nameLengthViolations(tooLong)).toEqual([
      `rule name "${'a'.repeat(40)}-config-replication-staging" must be at most 64 characters (it has 67)`,
      `function name "${'a'.repeat(40)}-config-replicator-staging" must be at most 64 characters (it has 66)`,
      `role name "${'a'.repeat(40)}-config-replicator-staging" must be at most 64 characters (it has 66)`,
    ]);
  });
});
