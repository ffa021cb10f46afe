import { environmentKeyPolicy } from './key-policy';

const location = { accountId: '222222222222', region: 'us-east-1', partition: 'aws' };
const alarmArnPattern = 'arn:aws:cloudwatch:us-east-1:222222222222:alarm:acme-*-staging';

describe('environmentKeyPolicy', () => {
  it('lets the account administer the key and this environment’s alarms use it', () => {
    const { Statement } = environmentKeyPolicy({ location, alarmArnPattern });
    expect(Statement.map((statement) => statement.Sid)).toEqual(['AccountAdministersKeyThroughIam', 'CloudWatchAlarmsPublishToEncryptedTopics']);
    expect(Statement[1].Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '222222222222' }, ArnLike: { 'aws:SourceArn': alarmArnPattern } });
  });

  it('lets prod’s replicator from another account encrypt through S3 and SNS, and write the table through DynamoDB, in this region', () => {
    const replicator = 'arn:aws:iam::111111111111:role/acme-config-replicator-prod';
    const [, , encrypt, table] = environmentKeyPolicy({ location, alarmArnPattern, crossAccountReplicatorRoleArn: replicator }).Statement;
    expect(table).toMatchObject({
      Sid: 'ProdReplicatorWritesTableThroughDynamoDb',
      Action: ['kms:Decrypt'],
      Condition: { ArnEquals: { 'aws:PrincipalArn': replicator }, StringEquals: { 'kms:ViaService': ['dynamodb.us-east-1.amazonaws.com'] } },
    });
    expect(encrypt).toEqual({
      Sid: 'ProdReplicatorEncryptsThroughS3AndSns',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111111111111:root' },
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: '*',
      Condition: {
        ArnEquals: { 'aws:PrincipalArn': replicator },
        StringEquals: { 'kms:ViaService': ['s3.us-east-1.amazonaws.com', 'sns.us-east-1.amazonaws.com'] },
      },
    });
  });
});
