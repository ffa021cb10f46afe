import { dataBucketPolicy } from './bucket-policy';

const bucketArn = 'arn:aws:s3:::acme-data-dev-eu-west-1-222222222222';
const replicator = 'arn:aws:iam::111111111111:role/acme-config-replicator-prod';

describe('dataBucketPolicy', () => {
  it('only requires TLS when prod shares the account', () => {
    expect(dataBucketPolicy({ bucketArn }).Statement.map((statement) => statement.Sid)).toEqual(['DenyInsecureTransport']);
  });

  it('admits prod’s replicator from another account to list the bucket and replace config/ objects only', () => {
    const [, list, replace] = dataBucketPolicy({ bucketArn, crossAccountReplicatorRoleArn: replicator }).Statement;
    expect(list).toMatchObject({ Sid: 'ProdReplicatorListsBucket', Action: ['s3:ListBucket'], Resource: bucketArn });
    expect(replace).toEqual({
      Sid: 'ProdReplicatorReplacesConfigurationObjects',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111111111111:root' },
      Condition: { ArnEquals: { 'aws:PrincipalArn': replicator } },
      Action: ['s3:GetObject', 's3:PutObject', 's3:PutObjectTagging', 's3:AbortMultipartUpload', 's3:DeleteObject'],
      Resource: `${bucketArn}/config/*`,
    });
  });
});
