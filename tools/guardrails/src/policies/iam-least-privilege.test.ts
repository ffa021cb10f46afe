import { resource, violations } from '../test/resources';
import { iamLeastPrivilege, isUnscopedResource } from './iam-least-privilege';

const ACCOUNT = '111111111111';
const TABLE = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/acme-metadata-prod`;
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const allow = (Action: unknown, Resource: unknown, extra: object = {}) => ({ Sid: 'Grant', Effect: 'Allow', Action, Resource, ...extra });
const rolePolicy = (policy: unknown) => resource('aws:iam/rolePolicy:RolePolicy', 'replicator', { role: 'replicator-role', policy });
const trust = doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' });

describe('iam-least-privilege', () => {
  it('passes named actions on named ARNs, and star-only actions on "*"', async () => {
    const policy = doc(
      allow(['dynamodb:GetItem', 'dynamodb:Query'], [TABLE, `${TABLE}/index/*`]),
      allow(['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'cloudwatch:PutMetricData'], '*'),
    );
    expect(await violations(iamLeastPrivilege, [rolePolicy(policy)])).toEqual([]);
  });

  it.each([
    ['*', 'allows every action of *; name the actions it needs'],
    ['s3:*', 'allows every action of s3:*; name the actions it needs'],
    [['S3:*', 's3:PutObject'], 'allows every action of S3:*; name the actions it needs'],
  ])('reports the wildcard action %j', async (action, problem) => {
    expect(await violations(iamLeastPrivilege, [rolePolicy(doc(allow(action, 'arn:aws:s3:::b/*')))])).toEqual([`IAM role policy replicator, statement Grant: ${problem}.`]);
  });

  it('leaves partial wildcards such as s3:Get* to the advisory iam-named-actions', async () => {
    expect(await violations(iamLeastPrivilege, [rolePolicy(doc(allow(['s3:Get*'], 'arn:aws:s3:::b/*')))])).toEqual([]);
  });

  it('reports "*" for an action that supports a narrower resource, naming only those actions', async () => {
    const policy = doc(allow(['dynamodb:GetItem', 'xray:PutTraceSegments'], '*'));
    expect(await violations(iamLeastPrivilege, [rolePolicy(policy)])).toEqual([
      'IAM role policy replicator, statement Grant: grants dynamodb:GetItem on the unscoped resource "*"; name the ARNs it needs.',
    ]);
  });

  it('reports an ARN that reaches every resource of its type', async () => {
    const policy = doc(allow('dynamodb:GetItem', `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/*`));
    expect(await violations(iamLeastPrivilege, [rolePolicy(policy)])).toEqual([
      `IAM role policy replicator, statement Grant: grants dynamodb:GetItem on the unscoped resource "arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/*"; name the ARNs it needs.`,
    ]);
  });

  it('reports NotAction and NotResource', async () => {
    const policy = doc({ Sid: 'Broad', Effect: 'Allow', NotAction: 'iam:*', NotResource: TABLE });
    expect(await violations(iamLeastPrivilege, [rolePolicy(policy)])).toEqual([
      'IAM role policy replicator, statement Broad: uses NotAction, which allows every action but iam:*.',
      `IAM role policy replicator, statement Broad: uses NotResource, which applies to every resource but ${TABLE}.`,
    ]);
  });

  it('ignores Deny statements, which may be broad', async () => {
    const policy = doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    expect(await violations(iamLeastPrivilege, [resource('aws:s3/bucketPolicy:BucketPolicy', 'tls', { bucket: 'b', policy })])).toEqual([]);
  });

  it('checks role inline policies by name, and the trust policy for open principals', async () => {
    const role = resource('aws:iam/role:Role', 'monitor-role', {
      assumeRolePolicy: doc({ Sid: 'Anyone', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }),
      inlinePolicies: [{ name: 'publish', policy: doc(allow('sns:*', 'arn:aws:sns:eu-west-1:111111111111:topic')) }],
    });
    expect(await violations(iamLeastPrivilege, [role])).toEqual([
      'IAM role monitor-role trust policy, statement Anyone: allows every principal ("*") without a Condition.',
      'IAM role monitor-role inline policy publish, statement Grant: allows every action of sns:*; name the actions it needs.',
    ]);
    expect(await violations(iamLeastPrivilege, [resource('aws:iam/role:Role', 'ok', { assumeRolePolicy: trust })])).toEqual([]);
  });

  it('lets resource policies grant a service on a condition, but not everyone unconditionally', async () => {
    const queueArn = `arn:aws:sqs:eu-west-1:${ACCOUNT}:dlq`;
    const scoped = allow('sqs:SendMessage', queueArn, { Principal: { Service: 'events.amazonaws.com' }, Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:events:eu-west-1:111111111111:rule/r' } } });
    const open = allow('sqs:SendMessage', queueArn, { Sid: 'Open', Principal: '*' });
    expect(await violations(iamLeastPrivilege, [resource('aws:sqs/queuePolicy:QueuePolicy', 'dlq', { queueUrl: 'u', policy: doc(scoped, open) })])).toEqual([
      'SQS queue policy dlq, statement Open: allows every principal ("*") without a Condition.',
    ]);
  });

  it('accepts "*" in KMS key policies and the default root delegation, but not kms:* to others', async () => {
    const key = resource('aws:kms/key:Key', 'data', {
      policy: doc(
        allow('kms:*', '*', { Sid: 'Root', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }),
        allow(['kms:Decrypt', 'kms:GenerateDataKey'], '*', { Sid: 'Service', Principal: { Service: 'sns.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } }),
        allow('kms:*', '*', { Sid: 'App', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` } }),
      ),
    });
    expect(await violations(iamLeastPrivilege, [key])).toEqual(['KMS key data policy, statement App: allows every action of kms:*; name the actions it needs.']);
  });

  it('reports a document that is not valid JSON', async () => {
    expect(await violations(iamLeastPrivilege, [resource('aws:iam/policy:Policy', 'p', { policy: 'nope' })])).toEqual([
      expect.stringMatching(/^IAM policy p: the policy document is not valid JSON \(.+\)\.$/),
    ]);
  });

  it('checks Lambda permissions: one action, a named principal, a source', async () => {
    const good = resource('aws:lambda/permission:Permission', 'from-rule', { action: 'lambda:InvokeFunction', function: 'replicator', principal: 'events.amazonaws.com', sourceArn: 'arn:aws:events:eu-west-1:111111111111:rule/r' });
    const bad = resource('aws:lambda/permission:Permission', 'open', { action: 'lambda:*', function: 'replicator', principal: 'events.amazonaws.com' });
    const anyone = resource('aws:lambda/permission:Permission', 'anyone', { action: 'lambda:InvokeFunction', function: 'replicator', principal: '*' });
    expect(await violations(iamLeastPrivilege, [good, bad, anyone])).toEqual([
      'Lambda permission open grants the wildcard action lambda:*; grant lambda:InvokeFunction.',
      'Lambda permission open lets events.amazonaws.com invoke the function on behalf of any resource; set sourceArn.',
      'Lambda permission anyone lets every principal ("*") invoke the function.',
    ]);
  });
});

describe('isUnscopedResource', () => {
  it.each([
    ['*', true],
    ['arn:aws:s3:::*', true],
    ['arn:aws:s3:::acme-data-dev', false],
    ['arn:aws:s3:::acme-data-dev/*', false],
    ['arn:aws:sqs:eu-west-1:111111111111:*', true],
    ['arn:aws:logs:eu-west-1:111111111111:log-group:*', true],
    ['arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/monitor:*', false],
    ['arn:aws:dynamodb:eu-west-1:111111111111:table/acme/stream/*', false],
    ['arn:aws:events:eu-west-1:111111111111:event-bus/default', false],
  ])('%s -> %s', (arn, expected) => {
    expect(isUnscopedResource(arn)).toBe(expected);
  });
});
