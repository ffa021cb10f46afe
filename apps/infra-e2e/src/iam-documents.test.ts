import { isWildcardOnlyAction } from '@cloud-copilot/iam-simulate';
import type { PolicyDocument } from '@data-platform/env-module';
import { ENVIRONMENT_NAMES } from '@data-platform/replication-contract';
import { RESOURCE_TYPE, type PlannedStack } from '@data-platform/planned-stacks';
import { ACCOUNT, REGION, arnOf, asList } from './stack-vocabulary';
import { planStacksBeforeAll } from './committed-stacks';

const stacks = planStacksBeforeAll();

describe('IAM documents', () => {
  it.each(ENVIRONMENT_NAMES)('%s lets only Lambda, for this account, assume each function role', (environment) => {
    for (const role of stacks[environment].ofType(RESOURCE_TYPE.role)) {
      expect(stacks[environment].json(role, 'assumeRolePolicy')).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'LambdaAssumesFunctionRole',
            Effect: 'Allow',
            Principal: { Service: 'lambda.amazonaws.com' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
          },
        ],
      });
    }
  });

  it.each(ENVIRONMENT_NAMES)('%s role policies allow no "*" or service-wide action, and "*" resources only for actions that have no resource type', async (environment) => {
    for (const policy of stacks[environment].ofType(RESOURCE_TYPE.rolePolicy)) {
      for (const statement of stacks[environment].json<PolicyDocument>(policy, 'policy').Statement) {
        expect(statement.Effect).toBe('Allow');
        for (const action of asList(statement.Action)) {
          expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z]+\*?$/);
          expect(action.endsWith(':*')).toBe(false);
        }
        if (asList(statement.Resource).includes('*')) {
          for (const action of asList(statement.Action)) {
            const [service, name] = action.split(':');
            expect({ action, wildcardOnly: await isWildcardOnlyAction(service, name) }).toEqual({ action, wildcardOnly: true });
          }
        }
      }
    }
  });

  it.each(ENVIRONMENT_NAMES)('%s monitor may read its own stream, publish its own events, dead-letter and log: nothing else', (environment) => {
    const stack = stacks[environment];
    const policy = stack.find(RESOURCE_TYPE.rolePolicy, 'monitor-permissions');
    expect(policy.inputs['role']).toBe(`acme-config-monitor-${environment}`);
    expect(stack.json(policy, 'policy')).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'WriteOwnLogs',
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: `${arnOf(stack, RESOURCE_TYPE.logGroup, 'monitor-logs')}:log-stream:*`,
        },
        { Sid: 'SendDeadLetters', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: stack.outputs['deadLetterQueueArn'] },
        {
          Sid: 'ReadMetadataTableStream',
          Effect: 'Allow',
          Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
          Resource: stack.state(stack.find(RESOURCE_TYPE.table, 'metadata'), 'streamArn'),
        },
        { Sid: 'ListTableStreams', Effect: 'Allow', Action: ['dynamodb:ListStreams'], Resource: '*' },
        {
          Sid: 'PublishConfigurationChanges',
          Effect: 'Allow',
          Action: ['events:PutEvents'],
          Resource: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default`,
          Condition: {
            'ForAllValues:StringEquals': { 'events:source': [`data-platform.configuration-monitor.${environment}`], 'events:detail-type': ['ConfigurationChanged'] },
            Null: { 'events:source': 'false', 'events:detail-type': 'false' },
          },
        },
        {
          Sid: 'DecryptTableStream',
          Effect: 'Allow',
          Action: ['kms:Decrypt'],
          Resource: stack.outputs['encryptionKeyArn'],
          Condition: { StringEquals: { 'kms:ViaService': [`dynamodb.${REGION}.amazonaws.com`] } },
        },
      ],
    });
  });

  it('prod replicator reads prod config only, writes dev and staging config only, publishes to their topics, dead-letters in prod', () => {
    const { dev, staging, prod } = stacks;
    const targets = [dev, staging];
    const config = (stack: PlannedStack) => `${String(stack.outputs['bucketArn'])}/config/*`;
    const policy = prod.find(RESOURCE_TYPE.rolePolicy, 'replication-permissions');
    expect(policy.inputs['role']).toBe('acme-config-replicator-prod');
    expect(prod.json(policy, 'policy')).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'WriteOwnLogs',
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: `${arnOf(prod, RESOURCE_TYPE.logGroup, 'replication-logs')}:log-stream:*`,
        },
        { Sid: 'SendDeadLetters', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: prod.outputs['deadLetterQueueArn'] },
        { Sid: 'ReadSourceConfigurationObjects', Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectTagging'], Resource: config(prod) },
        { Sid: 'ReadSourceMetadataItems', Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: prod.outputs['tableArn'] },
        {
          Sid: 'DecryptSourceData',
          Effect: 'Allow',
          Action: ['kms:Decrypt'],
          Resource: prod.outputs['encryptionKeyArn'],
          Condition: { StringEquals: { 'kms:ViaService': [`s3.${REGION}.amazonaws.com`, `dynamodb.${REGION}.amazonaws.com`] } },
        },
        { Sid: 'ListSourceAndTargetBuckets', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [prod, ...targets].map((stack) => stack.outputs['bucketArn']) },
        { Sid: 'ReadTargetConfigurationObjects', Effect: 'Allow', Action: ['s3:GetObject'], Resource: targets.map(config) },
        { Sid: 'WriteTargetConfigurationObjects', Effect: 'Allow', Action: ['s3:PutObject', 's3:PutObjectTagging', 's3:AbortMultipartUpload', 's3:DeleteObject'], Resource: targets.map(config) },
        { Sid: 'ReadAndWriteTargetMetadataItems', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'], Resource: targets.map((stack) => stack.outputs['tableArn']) },
        {
          Sid: 'PublishTargetOutcomes',
          Effect: 'Allow',
          Action: ['sns:Publish'],
          Resource: targets.flatMap((stack) => [stack.outputs['successTopicArn'], stack.outputs['failureTopicArn']]),
        },
        {
          Sid: 'EncryptForTargets',
          Effect: 'Allow',
          Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
          Resource: targets.map((stack) => stack.outputs['encryptionKeyArn']),
          Condition: { StringEquals: { 'kms:ViaService': [`s3.${REGION}.amazonaws.com`, `sns.${REGION}.amazonaws.com`] } },
        },
        {
          Sid: 'UseTargetTableKeys',
          Effect: 'Allow',
          Action: ['kms:Decrypt'],
          Resource: targets.map((stack) => stack.outputs['encryptionKeyArn']),
          Condition: { StringEquals: { 'kms:ViaService': [`dynamodb.${REGION}.amazonaws.com`] } },
        },
      ],
    });
  });

  it.each(ENVIRONMENT_NAMES)('%s resource policies allow nobody from anywhere: "*" principals only deny', (environment) => {
    const stack = stacks[environment];
    const documents = [
      ...stack.ofType(RESOURCE_TYPE.bucketPolicy).map((resource) => stack.json<PolicyDocument>(resource, 'policy')),
      ...stack.ofType(RESOURCE_TYPE.queuePolicy).map((resource) => stack.json<PolicyDocument>(resource, 'policy')),
      ...stack.ofType(RESOURCE_TYPE.topicPolicy).map((resource) => stack.json<PolicyDocument>(resource, 'policy')),
      ...stack.ofType(RESOURCE_TYPE.kmsKey).map((resource) => stack.json<PolicyDocument>(resource, 'policy')),
    ];
    expect(documents).toHaveLength(5);
    for (const statement of documents.flatMap((document) => document.Statement)) {
      if (statement.Principal === '*') {
        expect(statement.Effect).toBe('Deny');
      }
    }
    // Same account: no cross-account grants anywhere.
    expect(stack.ofType(RESOURCE_TYPE.tablePolicy)).toEqual([]);
    expect(JSON.stringify(documents)).not.toContain('ProdReplicator');
  });
});
