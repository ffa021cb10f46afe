import { alarmArn, configurationEventBusArn, eventRuleArn, logStreamsArn, roleArn } from './arns';

const location = { partition: 'aws', region: 'eu-west-1', accountId: '111111111111' };

describe('ARNs', () => {
  it('builds the ARNs that must be known before their resources exist', () => {
    expect(roleArn(location, 'acme-config-replicator-prod')).toBe('arn:aws:iam::111111111111:role/acme-config-replicator-prod');
    expect(configurationEventBusArn(location)).toBe('arn:aws:events:eu-west-1:111111111111:event-bus/default');
    expect(eventRuleArn(location, 'r')).toBe('arn:aws:events:eu-west-1:111111111111:rule/r');
    expect(alarmArn(location, 'acme-*-prod')).toBe('arn:aws:cloudwatch:eu-west-1:111111111111:alarm:acme-*-prod');
  });

  it('names the streams of a log group, with or without the trailing :* some APIs report', () => {
    const group = 'arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/f';
    expect(logStreamsArn(group)).toBe(`${group}:log-stream:*`);
    expect(logStreamsArn(`${group}:*`)).toBe(`${group}:log-stream:*`);
  });
});
