import { replicationTopicPolicy } from './topic-policy';

const topicArn = 'arn:aws:sns:eu-west-1:222222222222:acme-replication-failure-dev';

describe('replicationTopicPolicy', () => {
  it('requires TLS on every topic and lets CloudWatch publish only where alarms are given', () => {
    expect(replicationTopicPolicy({ topicArn }).Statement.map((statement) => statement.Sid)).toEqual(['DenyInsecureTransport']);
    const withAlarms = replicationTopicPolicy({ topicArn, alarms: { accountId: '222222222222', alarmArnPattern: 'arn:aws:cloudwatch:eu-west-1:222222222222:alarm:acme-*-dev' } });
    expect(withAlarms.Statement[1]).toEqual({
      Sid: 'CloudWatchAlarmsPublish',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: topicArn,
      Condition: { StringEquals: { 'aws:SourceAccount': '222222222222' }, ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:eu-west-1:222222222222:alarm:acme-*-dev' } },
    });
  });

  it('lets prod’s replicator from another account publish', () => {
    const replicator = 'arn:aws:iam::111111111111:role/acme-config-replicator-prod';
    expect(replicationTopicPolicy({ topicArn, crossAccountReplicatorRoleArn: replicator }).Statement[1]).toMatchObject({
      Sid: 'ProdReplicatorPublishesOutcomes',
      Condition: { ArnEquals: { 'aws:PrincipalArn': replicator } },
      Action: ['sns:Publish'],
    });
  });
});
