import { resourceNames } from '../naming/resource-names';
import { alarmDefinitions } from './alarm-definitions';

const names = resourceNames({ company: 'acme', environment: 'prod', region: 'eu-west-1', accountId: '111111111111' });
const settings = { periodSeconds: 60, evaluationPeriods: 1, deadLetterQueueDepthThreshold: 0, functionErrorsThreshold: 2 };

describe('alarmDefinitions', () => {
  it('watches the DLQ depth and each function’s errors, with the configured thresholds', () => {
    const alarms = alarmDefinitions(names, ['monitor', 'replicator'], settings);
    expect(alarms.map(({ name, namespace, metricName, dimensions, statistic, threshold }) => ({ name, namespace, metricName, dimensions, statistic, threshold }))).toEqual([
      {
        name: 'acme-replication-dlq-depth-prod',
        namespace: 'AWS/SQS',
        metricName: 'ApproximateNumberOfMessagesVisible',
        dimensions: { QueueName: 'acme-replication-dlq-prod' },
        statistic: 'Maximum',
        threshold: 0,
      },
      { name: 'acme-config-monitor-errors-prod', namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'acme-config-monitor-prod' }, statistic: 'Sum', threshold: 2 },
      { name: 'acme-config-replicator-errors-prod', namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'acme-config-replicator-prod' }, statistic: 'Sum', threshold: 2 },
    ]);
  });

  it('names every alarm within the pattern the topic and key policies admit', () => {
    const pattern = new RegExp(`^${names.alarmNamePattern.replace('*', '.*')}$`);
    for (const alarm of alarmDefinitions(names, ['monitor', 'replicator'], settings)) {
      expect(alarm.name).toMatch(pattern);
    }
  });
});
