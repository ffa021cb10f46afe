import { alarmArn, configurationEventBusArn, eventRuleArn, logStreamsArn, parseArn, roleArn } from './arns';

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

  it('parses ARNs, including global ones without a region or account', () => {
    expect(parseArn('arn:aws-us-gov:dynamodb:us-gov-west-1:222222222222:table/t')).toEqual({
      partition: 'aws-us-gov',
      service: 'dynamodb',
      region: 'us-gov-west-1',
      accountId: '222222222222',
      resource: 'table/t',
    });
    expect(parseArn('arn:aws:s3:::bucket')).toMatchObject({ service: 's3', region: '', accountId: '', resource: 'bucket' });
    expect(parseArn('bucket')).toBeUndefined();
  });
});
