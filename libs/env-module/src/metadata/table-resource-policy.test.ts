import { metadataTablePolicy } from './table-resource-policy';

describe('metadataTablePolicy', () => {
  it('lets prod’s replicator from another account put and delete items, nothing else', () => {
    const tableArn = 'arn:aws:dynamodb:eu-west-1:222222222222:table/acme-metadata-dev';
    const replicator = 'arn:aws:iam::111111111111:role/acme-config-replicator-prod';
    expect(metadataTablePolicy({ tableArn, crossAccountReplicatorRoleArn: replicator }).Statement).toEqual([
      {
        Sid: 'ProdReplicatorReadsAndWritesItems',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111111111111:root' },
        Condition: { ArnEquals: { 'aws:PrincipalArn': replicator } },
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
        Resource: tableArn,
      },
    ]);
  });
});
