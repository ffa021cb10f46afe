import type { PlannedResource } from '../plan-document';
import { keySettings } from './resource-settings';

function settings(type: string, state: Record<string, unknown>, taggable = false): string[] {
  const resource: PlannedResource = { urn: `urn:${type}`, type, name: 'r', custom: true, taggable, inputs: state, state };
  return keySettings(resource);
}

describe('keySettings', () => {
  it('shows a function runtime, limits, Lambda defaults and environment', () => {
    expect(settings('aws:lambda/function:Function', { name: 'f', runtime: 'nodejs24.x', architectures: ['arm64'], handler: 'index.handler', environment: { variables: { A: '1' } } })).toEqual([
      'function f',
      'runtime nodejs24.x, architectures arm64, handler index.handler',
      'timeout 3 s, memory 128 MB (default)',
      'env A=1',
    ]);
  });

  it('shows lifecycle rules with their scope and days', () => {
    expect(
      settings('aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration', {
        rules: [
          { id: 'noncurrent', status: 'Enabled', filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 } },
          { id: 'data', status: 'Enabled', filter: { prefix: 'data/' }, expiration: { days: 30 } },
          { id: 'off', status: 'Disabled', filter: { and: { prefix: 'tmp/' } } },
        ],
      }),
    ).toEqual([
      'rule noncurrent (Enabled, whole bucket): noncurrent versions expire after 30 days',
      'rule data (Enabled, data/): objects expire after 30 days',
      'rule off (Disabled, tmp/): no expiry',
    ]);
  });

  it('shows role trust and inline policy statements, one per line', () => {
    const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::b/config/*', Condition: { StringEquals: { 'aws:SourceAccount': '1' } } }] });
    const trust = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    expect(settings('aws:iam/role:Role', { name: 'role', assumeRolePolicy: trust, inlinePolicies: [{ name: 'read', policy }], tagsAll: {} }, true)).toEqual([
      'role role',
      'trust: Allow to Service:lambda.amazonaws.com sts:AssumeRole',
      'policy read: Allow s3:GetObject on arn:aws:s3:::b/config/* when StringEquals aws:SourceAccount=1',
      'tags (none)',
    ]);
  });

  it('shows the event pattern compactly and the target dead-letter queue', () => {
    expect(settings('aws:cloudwatch/eventRule:EventRule', { name: 'rule', eventPattern: '{\n  "source": ["a"]\n}' })).toEqual(['rule rule', 'bus default', 'pattern {"source":["a"]}']);
    expect(settings('aws:cloudwatch/eventTarget:EventTarget', { rule: 'rule', arn: 'fn', deadLetterConfig: { arn: 'dlq' } })).toEqual(['rule rule, to fn', 'dead letter dlq']);
  });

  it('falls back to the name and ARN for types it does not describe', () => {
    expect(settings('aws:ec2/vpc:Vpc', { arn: 'arn:aws:ec2:::vpc/1' })).toEqual(['arn arn:aws:ec2:::vpc/1']);
  });
});
