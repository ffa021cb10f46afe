import type { EvaluationResult } from '@cloud-copilot/iam-simulate';
import type { PolicyDocument } from '@data-platform/env-module';
import { CONFIGURATION_CHANGED_DETAIL_TYPE, configurationChangedSource, type EnvironmentName } from '@data-platform/replication-contract';
import { RESOURCE_TYPE } from '@data-platform/planned-stacks';
import { planStacksBeforeAll } from './committed-stacks';
import { decide } from './iam-decisions';

// Least privilege, proven on the policy documents the three planned stacks
// actually carry (role policies and resource policies), with an IAM simulator.

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const OTHER_ROLE = `arn:aws:iam::${ACCOUNT}:role/someone-else`;
const ALLOW_EVERYTHING: PolicyDocument = { Version: '2012-10-17', Statement: [{ Sid: 'Admin', Effect: 'Allow', Action: '*', Resource: '*' }] };

const stacks = planStacksBeforeAll();

const output = (environment: EnvironmentName, name: string): string => String(stacks[environment].outputs[name]);
const object = (environment: EnvironmentName, key: string): string => `${output(environment, 'bucketArn')}/${key}`;
const streamArn = (environment: EnvironmentName): string =>
  stacks[environment].state(stacks[environment].find(RESOURCE_TYPE.table, 'metadata'), 'streamArn');

function rolePolicy(environment: EnvironmentName, component: 'monitor' | 'replication'): PolicyDocument {
  const stack = stacks[environment];
  return stack.json<PolicyDocument>(stack.find(RESOURCE_TYPE.rolePolicy, `${component}-permissions`), 'policy');
}

function resourcePolicy(environment: EnvironmentName, type: string, name: string, property = 'policy'): PolicyDocument {
  const stack = stacks[environment];
  return stack.json<PolicyDocument>(stack.find(type, name), property);
}

const bucketPolicy = (environment: EnvironmentName) => resourcePolicy(environment, RESOURCE_TYPE.bucketPolicy, 'bucket-policy');
const queuePolicy = (environment: EnvironmentName) => resourcePolicy(environment, RESOURCE_TYPE.queuePolicy, 'dlq-policy');
const keyPolicy = (environment: EnvironmentName) => resourcePolicy(environment, RESOURCE_TYPE.kmsKey, 'key');
const topicPolicy = (environment: EnvironmentName, purpose: 'success' | 'failure') =>
  resourcePolicy(environment, RESOURCE_TYPE.topicPolicy, `topics-${purpose}-policy`);

interface Case {
  readonly action: string;
  readonly resource: () => string;
  readonly resourcePolicy?: () => PolicyDocument;
  readonly context?: Readonly<Record<string, string | string[]>>;
}

const s3 = (action: string, environment: EnvironmentName, key: string, context?: Record<string, string>): Case => ({
  action,
  resource: () => object(environment, key),
  resourcePolicy: () => bucketPolicy(environment),
  context,
});
const item = (action: string, environment: EnvironmentName): Case => ({ action, resource: () => output(environment, 'tableArn') });
const publish = (environment: EnvironmentName, purpose: 'success' | 'failure'): Case => ({
  action: 'sns:Publish',
  resource: () => output(environment, `${purpose}TopicArn`),
  resourcePolicy: () => topicPolicy(environment, purpose),
});
const deadLetter = (environment: EnvironmentName): Case => ({
  action: 'sqs:SendMessage',
  resource: () => output(environment, 'deadLetterQueueArn'),
  resourcePolicy: () => queuePolicy(environment),
});
const key = (action: string, environment: EnvironmentName, via: string): Case => ({
  action,
  resource: () => output(environment, 'encryptionKeyArn'),
  resourcePolicy: () => keyPolicy(environment),
  context: { 'kms:ViaService': `${via}.${REGION}.amazonaws.com` },
});

async function asRole(role: string, identity: PolicyDocument, request: Case): Promise<EvaluationResult> {
  return decide({
    principal: role,
    action: request.action,
    resource: request.resource(),
    resourceAccount: ACCOUNT,
    identityPolicies: [identity],
    resourcePolicy: request.resourcePolicy?.(),
    context: request.context,
  });
}

describe('the prod replicator', () => {
  const role = `arn:aws:iam::${ACCOUNT}:role/acme-config-replicator-prod`;

  it.each<[string, Case, EvaluationResult]>([
    ['reads a prod config/ object', s3('s3:GetObject', 'prod', 'config/pipelines/orders.json'), 'Allowed'],
    ['reads a prod config/ object’s tags (copied with it)', s3('s3:GetObjectTagging', 'prod', 'config/pipelines/orders.json'), 'Allowed'],
    ['lists the prod bucket (HeadObject answers 404, not 403)', { action: 's3:ListBucket', resource: () => output('prod', 'bucketArn') }, 'Allowed'],
    ['writes a dev config/ object', s3('s3:PutObject', 'dev', 'config/pipelines/orders.json'), 'Allowed'],
    ['writes a staging config/ object with its tags', s3('s3:PutObjectTagging', 'staging', 'config/pipelines/orders.json'), 'Allowed'],
    ['deletes a staging config/ object', s3('s3:DeleteObject', 'staging', 'config/pipelines/orders.json'), 'Allowed'],
    ['heads a dev config/ object', s3('s3:GetObject', 'dev', 'config/pipelines/orders.json'), 'Allowed'],
    ['reads a prod item', item('dynamodb:GetItem', 'prod'), 'Allowed'],
    ['reads a dev item (writes only where the target differs)', item('dynamodb:GetItem', 'dev'), 'Allowed'],
    ['puts a dev item', item('dynamodb:PutItem', 'dev'), 'Allowed'],
    ['aborts a multipart copy into staging', s3('s3:AbortMultipartUpload', 'staging', 'config/pipelines/orders.json'), 'Allowed'],
    ['deletes a staging item', item('dynamodb:DeleteItem', 'staging'), 'Allowed'],
    ['publishes to dev’s success topic', publish('dev', 'success'), 'Allowed'],
    ['publishes to staging’s failure topic', publish('staging', 'failure'), 'Allowed'],
    ['dead-letters into the prod DLQ', deadLetter('prod'), 'Allowed'],
    ['decrypts prod objects through S3', key('kms:Decrypt', 'prod', 's3'), 'Allowed'],
    ['decrypts the prod table’s key through DynamoDB', key('kms:Decrypt', 'prod', 'dynamodb'), 'Allowed'],
    ['decrypts the staging table’s key through DynamoDB', key('kms:Decrypt', 'staging', 'dynamodb'), 'Allowed'],
    ['encrypts copies into dev through S3', key('kms:GenerateDataKey', 'dev', 's3'), 'Allowed'],
    ['encrypts outcomes for staging through SNS', key('kms:GenerateDataKey', 'staging', 'sns'), 'Allowed'],
  ])('may: %s', async (_case, request, expected) => {
    expect(await asRole(role, rolePolicy('prod', 'replication'), request)).toBe(expected);
  });

  it.each<[string, Case, EvaluationResult]>([
    ['write a prod config/ object', s3('s3:PutObject', 'prod', 'config/pipelines/orders.json'), 'ImplicitlyDenied'],
    ['delete a prod config/ object', s3('s3:DeleteObject', 'prod', 'config/pipelines/orders.json'), 'ImplicitlyDenied'],
    ['write a dev data/ object', s3('s3:PutObject', 'dev', 'data/2026/11/26/part-0.parquet'), 'ImplicitlyDenied'],
    ['read a prod data/ object', s3('s3:GetObject', 'prod', 'data/2026/11/26/part-0.parquet'), 'ImplicitlyDenied'],
    ['read a staging data/ object', s3('s3:GetObject', 'staging', 'data/2026/11/26/part-0.parquet'), 'ImplicitlyDenied'],
    ['change a bucket policy', { action: 's3:PutBucketPolicy', resource: () => output('dev', 'bucketArn') }, 'ImplicitlyDenied'],
    ['write a dev config/ object without TLS', s3('s3:PutObject', 'dev', 'config/x.json', { 'aws:SecureTransport': 'false' }), 'ExplicitlyDenied'],
    ['put a prod item', item('dynamodb:PutItem', 'prod'), 'ImplicitlyDenied'],
    ['delete a prod item', item('dynamodb:DeleteItem', 'prod'), 'ImplicitlyDenied'],
    ['update a prod item', item('dynamodb:UpdateItem', 'prod'), 'ImplicitlyDenied'],
    ['query the dev table', item('dynamodb:Query', 'dev'), 'ImplicitlyDenied'],
    ['scan the staging table', item('dynamodb:Scan', 'staging'), 'ImplicitlyDenied'],
    ['delete the dev table', item('dynamodb:DeleteTable', 'dev'), 'ImplicitlyDenied'],
    ['publish to prod’s failure topic', publish('prod', 'failure'), 'ImplicitlyDenied'],
    ['dead-letter into dev’s DLQ', deadLetter('dev'), 'ExplicitlyDenied'],
    ['encrypt with the prod key through SNS', key('kms:GenerateDataKey', 'prod', 'sns'), 'ImplicitlyDenied'],
    ['use dev’s key outside S3, SNS and DynamoDB', key('kms:Decrypt', 'dev', 'lambda'), 'ImplicitlyDenied'],
    ['decrypt with the prod key through SNS', key('kms:Decrypt', 'prod', 'sns'), 'ImplicitlyDenied'],
    ['encrypt with dev’s key through DynamoDB', key('kms:GenerateDataKey', 'dev', 'dynamodb'), 'ImplicitlyDenied'],
    ['put events on the bus', { action: 'events:PutEvents', resource: () => `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default` }, 'ImplicitlyDenied'],
  ])('may not: %s', async (_case, request, expected) => {
    expect(await asRole(role, rolePolicy('prod', 'replication'), request)).toBe(expected);
  });
});

describe.each(['dev', 'staging', 'prod'] as const)('the %s monitor', (environment) => {
  const role = `arn:aws:iam::${ACCOUNT}:role/acme-config-monitor-${environment}`;
  const other: EnvironmentName = environment === 'dev' ? 'staging' : 'dev';
  const own = configurationChangedSource(environment);
  /** One PutEvents batch: the source and detail-type of each entry. */
  const bus = (...sources: string[]): Case => ({
    action: 'events:PutEvents',
    resource: () => `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default`,
    context: { 'events:source': sources, 'events:detail-type': sources.map(() => CONFIGURATION_CHANGED_DETAIL_TYPE) },
  });

  it.each<[string, Case, EvaluationResult]>([
    ['reads its table’s stream', { action: 'dynamodb:GetRecords', resource: () => streamArn(environment) }, 'Allowed'],
    ['lists streams (no resource type exists)', { action: 'dynamodb:ListStreams', resource: () => '*' }, 'Allowed'],
    ['puts ConfigurationChanged events on the default bus', bus(own), 'Allowed'],
    ['dead-letters into its DLQ', deadLetter(environment), 'Allowed'],
    ['decrypts its table’s stream through DynamoDB', key('kms:Decrypt', environment, 'dynamodb'), 'Allowed'],
    ['may not decrypt with its key through S3', key('kms:Decrypt', environment, 's3'), 'ImplicitlyDenied'],
    ['may not decrypt with another environment’s key', key('kms:Decrypt', other, 'dynamodb'), 'ImplicitlyDenied'],
    ['may not read another environment’s stream', { action: 'dynamodb:GetRecords', resource: () => streamArn(other) }, 'ImplicitlyDenied'],
    ['puts a batch of them', bus(own, own), 'Allowed'],
    ['may not put events of another source', bus('aws.s3'), 'ImplicitlyDenied'],
    ['may not slip another source into a batch', bus(own, 'aws.s3'), 'ImplicitlyDenied'],
    ['may not put events with another environment’s source', bus(configurationChangedSource(other)), 'ImplicitlyDenied'],
    ['may not put events without a source', { action: 'events:PutEvents', resource: () => `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default` }, 'ImplicitlyDenied'],
    ['may not read its bucket’s config/ objects', s3('s3:GetObject', environment, 'config/x.json'), 'ImplicitlyDenied'],
    ['may not write its bucket', s3('s3:PutObject', environment, 'config/x.json'), 'ImplicitlyDenied'],
    ['may not read its table’s items', item('dynamodb:GetItem', environment), 'ImplicitlyDenied'],
    ['may not write its table’s items', item('dynamodb:PutItem', environment), 'ImplicitlyDenied'],
    ['may not dead-letter into another environment’s DLQ', deadLetter(other), 'ExplicitlyDenied'],
    ['may not publish outcomes', publish(environment, 'failure'), 'ImplicitlyDenied'],
  ])('%s', async (_case, request, expected) => {
    expect(await asRole(role, rolePolicy(environment, 'monitor'), request)).toBe(expected);
  });
});

describe('forged changes', () => {
  it.each(['dev', 'staging'] as const)('the %s monitor may not put any event the prod rule accepts', async (environment) => {
    const role = `arn:aws:iam::${ACCOUNT}:role/acme-config-monitor-${environment}`;
    // The sources the prod rule matches are exactly those its committed pattern lists.
    const pattern = stacks.prod.json<{ source: string[] }>(stacks.prod.find(RESOURCE_TYPE.eventRule, 'replication-rule'), 'eventPattern');
    expect(pattern.source).toEqual([configurationChangedSource('prod')]);
    const request: Case = {
      action: 'events:PutEvents',
      resource: () => `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default`,
      context: { 'events:source': pattern.source, 'events:detail-type': [CONFIGURATION_CHANGED_DETAIL_TYPE] },
    };
    expect(await asRole(role, rolePolicy(environment, 'monitor'), request)).toBe('ImplicitlyDenied');
  });
});

describe('resource policies', () => {
  it('let only prod’s rule, of all EventBridge rules, dead-letter into the prod DLQ', async () => {
    const ruleArn = output('prod', 'replicationRuleArn');
    const asEventBridge = (sourceArn: string) =>
      decide({
        principal: 'events.amazonaws.com',
        action: 'sqs:SendMessage',
        resource: output('prod', 'deadLetterQueueArn'),
        resourceAccount: ACCOUNT,
        resourcePolicy: queuePolicy('prod'),
        context: { 'aws:SourceArn': sourceArn, 'aws:SourceAccount': ACCOUNT },
      });
    expect(await asEventBridge(ruleArn)).toBe('Allowed');
    expect(await asEventBridge(`arn:aws:events:${REGION}:${ACCOUNT}:rule/someone-elses-rule`)).toBe('ExplicitlyDenied');
  });

  it.each(['dev', 'staging', 'prod'] as const)('deny %s DLQ sends from any other principal of the account, even an administrator', async (environment) => {
    expect(await asRole(OTHER_ROLE, ALLOW_EVERYTHING, deadLetter(environment))).toBe('ExplicitlyDenied');
  });

  it.each(['dev', 'staging', 'prod'] as const)('let %s alarms, and only them, publish to the encrypted failure topic', async (environment) => {
    const asCloudWatch = (purpose: 'success' | 'failure', alarm: string, action = 'sns:Publish', keyed = false) =>
      decide({
        principal: 'cloudwatch.amazonaws.com',
        action,
        resource: keyed ? output(environment, 'encryptionKeyArn') : output(environment, `${purpose}TopicArn`),
        resourceAccount: ACCOUNT,
        resourcePolicy: keyed ? keyPolicy(environment) : topicPolicy(environment, purpose),
        context: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${alarm}` },
      });
    const ownAlarm = `acme-replication-dlq-depth-${environment}`;
    expect(await asCloudWatch('failure', ownAlarm)).toBe('Allowed');
    expect(await asCloudWatch('failure', ownAlarm, 'kms:GenerateDataKey', true)).toBe('Allowed');
    expect(await asCloudWatch('failure', ownAlarm, 'kms:Decrypt', true)).toBe('Allowed');
    expect(await asCloudWatch('failure', 'another-teams-alarm')).toBe('ImplicitlyDenied');
    expect(await asCloudWatch('failure', 'another-teams-alarm', 'kms:GenerateDataKey', true)).toBe('ImplicitlyDenied');
    expect(await asCloudWatch('success', ownAlarm)).toBe('ImplicitlyDenied');
  });

  it.each(['dev', 'staging', 'prod'] as const)('refuse %s bucket requests made without TLS, whoever makes them', async (environment) => {
    expect(await asRole(OTHER_ROLE, ALLOW_EVERYTHING, s3('s3:GetObject', environment, 'data/x', { 'aws:SecureTransport': 'false' }))).toBe('ExplicitlyDenied');
    expect(await asRole(OTHER_ROLE, ALLOW_EVERYTHING, s3('s3:GetObject', environment, 'data/x'))).toBe('Allowed');
  });
});
