import { planResource } from './planned-values';

const at = { accountId: '111111111111', region: 'eu-west-1', partition: 'aws' };

describe('planResource', () => {
  it.each([
    ['aws:s3/bucket:Bucket', { bucket: 'acme-data-dev' }, 'arn', 'arn:aws:s3:::acme-data-dev'],
    ['aws:dynamodb/table:Table', { name: 't', streamEnabled: true }, 'streamArn', 'arn:aws:dynamodb:eu-west-1:111111111111:table/t/stream/2026-01-01T00:00:00.000'],
    ['aws:sqs/queue:Queue', { name: 'q' }, 'url', 'https://sqs.eu-west-1.amazonaws.com/111111111111/q'],
    ['aws:lambda/function:Function', { name: 'f' }, 'arn', 'arn:aws:lambda:eu-west-1:111111111111:function:f'],
    ['aws:iam/role:Role', { name: 'r' }, 'arn', 'arn:aws:iam::111111111111:role/r'],
    ['aws:cloudwatch/eventRule:EventRule', { name: 'rule' }, 'arn', 'arn:aws:events:eu-west-1:111111111111:rule/rule'],
    ['aws:cloudwatch/logGroup:LogGroup', { name: '/aws/lambda/f' }, 'arn', 'arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/f'],
    ['aws:sns/topic:Topic', { name: 'topic' }, 'arn', 'arn:aws:sns:eu-west-1:111111111111:topic'],
  ])('plans %s in its real ARN format', (type, inputs, property, expected) => {
    expect(planResource(type, 'logical', inputs, at).state[property]).toBe(expected);
  });

  it('gives an EventBridge rule the id AWS does: its name on the default bus, bus/name on another', () => {
    expect(planResource('aws:cloudwatch/eventRule:EventRule', 'logical', { name: 'rule' }, at)).toMatchObject({ id: 'rule', state: { arn: 'arn:aws:events:eu-west-1:111111111111:rule/rule' } });
    expect(planResource('aws:cloudwatch/eventRule:EventRule', 'logical', { name: 'rule', eventBusName: 'custom' }, at)).toMatchObject({
      id: 'custom/rule',
      state: { arn: 'arn:aws:events:eu-west-1:111111111111:rule/custom/rule' },
    });
  });

  it('auto-names like Pulumi, deterministically, when no physical name is given', () => {
    const first = planResource('aws:sns/topic:Topic', 'replication-success', {}, at);
    expect(first.state['name']).toMatch(/^replication-success-[0-9a-f]{7}$/);
    expect(planResource('aws:sns/topic:Topic', 'replication-success', {}, at)).toEqual(first);
  });

  it('keeps the inputs of resources without computed values and gives them an id', () => {
    const planned = planResource('aws:s3/bucketVersioning:BucketVersioning', 'versioning', { bucket: 'b' }, at);
    expect(planned).toEqual({ id: expect.stringMatching(/^versioning-[0-9a-f]{8}$/), state: { bucket: 'b' } });
  });
});
