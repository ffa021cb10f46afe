import { resource, violations } from '../test/resources';
import { iamNamedActions } from './iam-named-actions';

const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

describe('iam-named-actions', () => {
  it('passes named actions, and leaves * and service:* to iam-least-privilege', async () => {
    const policy = doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:*', '*'], Resource: 'arn:aws:s3:::b/*' });
    expect(await violations(iamNamedActions, [resource('aws:iam/policy:Policy', 'p', { policy })])).toEqual([]);
  });

  it('reports partial wildcards in Allow statements, as seen in a KMS key policy for CloudWatch alarms', async () => {
    const policy = doc(
      { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' },
      { Sid: 'Alarms', Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*' },
      { Sid: 'Guard', Effect: 'Deny', Principal: '*', Action: 'kms:Schedule*', Resource: '*' },
    );
    expect(await violations(iamNamedActions, [resource('aws:kms/key:Key', 'data', { policy })])).toEqual([
      'KMS key data policy, statement Alarms: matches actions with kms:GenerateDataKey*; name the actions it needs.',
    ]);
  });
});
