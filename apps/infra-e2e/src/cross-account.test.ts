import type { EvaluationResult } from '@cloud-copilot/iam-simulate';
import type { PolicyDocument, PolicyStatement } from '@data-platform/env-module';
import { readReplicatorSettings } from '@data-platform/replication-contract';
import { type PlannedStack, RESOURCE_TYPE } from '@data-platform/planned-stacks';
import { planStacksBeforeAll } from './committed-stacks';
import { decide } from './iam-decisions';

// Prod in one account, dev in a second, staging in a third account and another
// region: the committed configs with account and region overrides. A target in
// another account that does not admit prod is refused: see config-errors.test.ts.

const PROD_ACCOUNT = '111111111111';
const DEV_ACCOUNT = '222222222222';
const STAGING_ACCOUNT = '333333333333';
const REPLICATOR = `arn:aws:iam::${PROD_ACCOUNT}:role/acme-config-replicator-prod`;
const OVERRIDES = {
  dev: { 'platform:accountId': DEV_ACCOUNT, 'platform:replicationSourceAccountId': PROD_ACCOUNT },
  staging: { 'platform:accountId': STAGING_ACCOUNT, 'aws:region': 'us-east-1', 'platform:replicationSourceAccountId': PROD_ACCOUNT },
};

const stacks = planStacksBeforeAll(OVERRIDES);

const out = (stack: PlannedStack, name: string): string => String(stack.outputs[name]);
const policyOf = (stack: PlannedStack, type: string, name: string): PolicyDocument => stack.json<PolicyDocument>(stack.find(type, name), 'policy');
const statement = (document: PolicyDocument, sid: string): PolicyStatement | undefined => document.Statement.find((candidate) => candidate.Sid === sid);
const admitsProdReplicator = { Principal: { AWS: `arn:aws:iam::${PROD_ACCOUNT}:root` }, Condition: expect.objectContaining({ ArnEquals: { 'aws:PrincipalArn': REPLICATOR } }) };

describe('cross-account replication', () => {
  it('names, in the targets’ policies, the replicator role prod actually creates', () => {
    expect(stacks.prod.state(stacks.prod.find(RESOURCE_TYPE.role, 'replication-role'), 'arn')).toBe(REPLICATOR);
    expect(stacks.dev.outputs['replicationSourceAccountId']).toBe(PROD_ACCOUNT);
    expect(stacks.staging.outputs['replicationSourceAccountId']).toBe(PROD_ACCOUNT);
  });

  it.each([
    ['dev', () => stacks.dev, 'eu-west-1'],
    ['staging', () => stacks.staging, 'us-east-1'],
  ] as const)('%s admits that role, and only it, into its bucket, table, topics and key', (_name, target, region) => {
    const stack = target();
    const bucketArn = out(stack, 'bucketArn');
    const bucketPolicy = policyOf(stack, RESOURCE_TYPE.bucketPolicy, 'bucket-policy');
    expect(statement(bucketPolicy, 'ProdReplicatorListsBucket')).toEqual({ Sid: 'ProdReplicatorListsBucket', Effect: 'Allow', ...admitsProdReplicator, Action: ['s3:ListBucket'], Resource: bucketArn });
    expect(statement(bucketPolicy, 'ProdReplicatorReplacesConfigurationObjects')).toEqual({
      Sid: 'ProdReplicatorReplacesConfigurationObjects',
      Effect: 'Allow',
      ...admitsProdReplicator,
      Action: ['s3:GetObject', 's3:PutObject', 's3:PutObjectTagging', 's3:AbortMultipartUpload', 's3:DeleteObject'],
      Resource: `${bucketArn}/config/*`,
    });
    const tablePolicy = stack.find(RESOURCE_TYPE.tablePolicy, 'metadata-policy');
    expect(tablePolicy.inputs['resourceArn']).toBe(out(stack, 'tableArn'));
    expect(stack.json<PolicyDocument>(tablePolicy, 'policy').Statement).toEqual([
      { Sid: 'ProdReplicatorReadsAndWritesItems', Effect: 'Allow', ...admitsProdReplicator, Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'], Resource: out(stack, 'tableArn') },
    ]);
    for (const purpose of ['success', 'failure']) {
      expect(statement(policyOf(stack, RESOURCE_TYPE.topicPolicy, `topics-${purpose}-policy`), 'ProdReplicatorPublishesOutcomes')).toEqual({
        Sid: 'ProdReplicatorPublishesOutcomes',
        Effect: 'Allow',
        ...admitsProdReplicator,
        Action: ['sns:Publish'],
        Resource: out(stack, `${purpose}TopicArn`),
      });
    }
    expect(statement(policyOf(stack, RESOURCE_TYPE.kmsKey, 'key'), 'ProdReplicatorEncryptsThroughS3AndSns')).toEqual({
      Sid: 'ProdReplicatorEncryptsThroughS3AndSns',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${PROD_ACCOUNT}:root` },
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: '*',
      Condition: {
        ArnEquals: { 'aws:PrincipalArn': REPLICATOR },
        StringEquals: { 'kms:ViaService': [`s3.${region}.amazonaws.com`, `sns.${region}.amazonaws.com`] },
      },
    });
    expect(statement(policyOf(stack, RESOURCE_TYPE.kmsKey, 'key'), 'ProdReplicatorWritesTableThroughDynamoDb')).toEqual({
      Sid: 'ProdReplicatorWritesTableThroughDynamoDb',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${PROD_ACCOUNT}:root` },
      Action: ['kms:Decrypt'],
      Resource: '*',
      Condition: { ArnEquals: { 'aws:PrincipalArn': REPLICATOR }, StringEquals: { 'kms:ViaService': [`dynamodb.${region}.amazonaws.com`] } },
    });
  });

  it('has prod address tables in other accounts by ARN, and use each target key through its own region', () => {
    const variables = (stacks.prod.find(RESOURCE_TYPE.lambdaFunction, 'replication').inputs['environment'] as { variables: Record<string, string> }).variables;
    expect(readReplicatorSettings(variables).targets.map((target) => target.tableName)).toEqual([
      `arn:aws:dynamodb:eu-west-1:${DEV_ACCOUNT}:table/acme-metadata-dev`,
      `arn:aws:dynamodb:us-east-1:${STAGING_ACCOUNT}:table/acme-metadata-staging`,
    ]);
    const replicator = policyOf(stacks.prod, RESOURCE_TYPE.rolePolicy, 'replication-permissions');
    expect(statement(replicator, 'EncryptForTargets')?.Condition).toEqual({
      StringEquals: { 'kms:ViaService': ['s3.eu-west-1.amazonaws.com', 'sns.eu-west-1.amazonaws.com', 's3.us-east-1.amazonaws.com', 'sns.us-east-1.amazonaws.com'] },
    });
    expect(statement(replicator, 'UseTargetTableKeys')?.Condition).toEqual({
      StringEquals: { 'kms:ViaService': ['dynamodb.eu-west-1.amazonaws.com', 'dynamodb.us-east-1.amazonaws.com'] },
    });
  });

  describe('what AWS decides across accounts (identity policy and resource policy both needed)', () => {
    const replicatorPolicy = () => policyOf(stacks.prod, RESOURCE_TYPE.rolePolicy, 'replication-permissions');
    const admin: PolicyDocument = { Version: '2012-10-17', Statement: [{ Sid: 'Admin', Effect: 'Allow', Action: '*', Resource: '*' }] };

    interface Request {
      readonly target: () => PlannedStack;
      readonly action: string;
      readonly resource: (stack: PlannedStack) => string;
      readonly policy: (stack: PlannedStack) => PolicyDocument;
      readonly context?: Record<string, string>;
    }
    const inBucket = (target: () => PlannedStack, action: string, key: string): Request => ({
      target,
      action,
      resource: (stack) => `${out(stack, 'bucketArn')}/${key}`,
      policy: (stack) => policyOf(stack, RESOURCE_TYPE.bucketPolicy, 'bucket-policy'),
    });
    const inTable = (target: () => PlannedStack, action: string): Request => ({
      target,
      action,
      resource: (stack) => out(stack, 'tableArn'),
      policy: (stack) => policyOf(stack, RESOURCE_TYPE.tablePolicy, 'metadata-policy'),
    });
    const withKey = (target: () => PlannedStack, action: string, via: string): Request => ({
      target,
      action,
      resource: (stack) => out(stack, 'encryptionKeyArn'),
      policy: (stack) => policyOf(stack, RESOURCE_TYPE.kmsKey, 'key'),
      context: { 'kms:ViaService': via },
    });
    const ask = (principal: string, identity: PolicyDocument, request: Request): Promise<EvaluationResult> => {
      const stack = request.target();
      return decide({
        principal,
        action: request.action,
        resource: request.resource(stack),
        resourceAccount: out(stack, 'accountId'),
        identityPolicies: [identity],
        resourcePolicy: request.policy(stack),
        context: request.context,
      });
    };

    it.each<[string, Request, EvaluationResult]>([
      ['the replicator writes a dev config/ object', inBucket(() => stacks.dev, 's3:PutObject', 'config/a.json'), 'Allowed'],
      ['the replicator deletes a staging config/ object', inBucket(() => stacks.staging, 's3:DeleteObject', 'config/a.json'), 'Allowed'],
      ['the replicator may not write a dev data/ object', inBucket(() => stacks.dev, 's3:PutObject', 'data/a.parquet'), 'ImplicitlyDenied'],
      ['the replicator puts a staging item', inTable(() => stacks.staging, 'dynamodb:PutItem'), 'Allowed'],
      ['the replicator reads a dev item (it writes only when the target differs)', inTable(() => stacks.dev, 'dynamodb:GetItem'), 'Allowed'],
      ['the replicator may not scan the dev table', inTable(() => stacks.dev, 'dynamodb:Scan'), 'ImplicitlyDenied'],
      ['the replicator encrypts with staging’s key through S3 in us-east-1', withKey(() => stacks.staging, 'kms:GenerateDataKey', 's3.us-east-1.amazonaws.com'), 'Allowed'],
      ['the replicator may not use staging’s key through another region', withKey(() => stacks.staging, 'kms:GenerateDataKey', 's3.eu-west-1.amazonaws.com'), 'ImplicitlyDenied'],
      ['the replicator decrypts dev’s table key through DynamoDB', withKey(() => stacks.dev, 'kms:Decrypt', 'dynamodb.eu-west-1.amazonaws.com'), 'Allowed'],
      ['the replicator may not encrypt with dev’s key through DynamoDB', withKey(() => stacks.dev, 'kms:GenerateDataKey', 'dynamodb.eu-west-1.amazonaws.com'), 'ImplicitlyDenied'],
    ])('%s', async (_case, request, expected) => {
      expect(await ask(REPLICATOR, replicatorPolicy(), request)).toBe(expected);
    });

    it('admits no other role of prod’s account, even an administrator', async () => {
      const other = `arn:aws:iam::${PROD_ACCOUNT}:role/prod-admin`;
      expect(await ask(other, admin, inBucket(() => stacks.dev, 's3:PutObject', 'config/a.json'))).toBe('ImplicitlyDenied');
      expect(await ask(other, admin, inTable(() => stacks.staging, 'dynamodb:PutItem'))).toBe('ImplicitlyDenied');
      expect(await ask(other, admin, withKey(() => stacks.dev, 'kms:GenerateDataKey', 's3.eu-west-1.amazonaws.com'))).toBe('ImplicitlyDenied');
    });
  });
});
