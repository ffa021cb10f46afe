import { METADATA_TABLE_SCHEMA, type PolicyDocument } from '@data-platform/env-module';
import { ENVIRONMENT_NAMES, type EnvironmentName } from '@data-platform/replication-contract';
import { RESOURCE_TYPE } from '@data-platform/planned-stacks';
import { ACCOUNT, REGION, arnOf } from './stack-vocabulary';
import { planStacksBeforeAll } from './committed-stacks';

const stacks = planStacksBeforeAll();

describe('data bucket', () => {
  it.each(ENVIRONMENT_NAMES)('%s versions its bucket and applies the 30-day lifecycle, never expiring config/', (environment) => {
    const stack = stacks[environment];
    const bucketName = stack.outputs['bucketName'];
    expect(stack.find(RESOURCE_TYPE.bucketVersioning, 'bucket-versioning').inputs).toMatchObject({ bucket: bucketName, versioningConfiguration: { status: 'Enabled' } });
    const lifecycle = stack.find(RESOURCE_TYPE.bucketLifecycle, 'bucket-lifecycle');
    expect(lifecycle.inputs['bucket']).toBe(bucketName);
    expect(lifecycle.inputs['rules']).toEqual([
      {
        id: 'expire-noncurrent-versions',
        status: 'Enabled',
        filter: {},
        noncurrentVersionExpiration: { noncurrentDays: 30 },
        expiration: { expiredObjectDeleteMarker: true },
      },
      // The only rule that expires current objects; config/ objects match no rule that expires them.
      { id: 'expire-pipeline-data', status: 'Enabled', filter: { prefix: 'data/' }, expiration: { days: 30 } },
      { id: 'abort-incomplete-multipart-uploads', status: 'Enabled', filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
    ]);
  });

  it.each(ENVIRONMENT_NAMES)('%s blocks public access, enforces bucket ownership, encrypts with its key and requires TLS', (environment) => {
    const stack = stacks[environment];
    const bucketName = stack.outputs['bucketName'];
    const bucketArn = String(stack.outputs['bucketArn']);
    expect(stack.find(RESOURCE_TYPE.bucketPublicAccessBlock, 'bucket-public-access-block').inputs).toEqual({
      bucket: bucketName,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    expect(stack.find(RESOURCE_TYPE.bucketOwnership, 'bucket-ownership').inputs).toEqual({ bucket: bucketName, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    expect(stack.find(RESOURCE_TYPE.bucketEncryption, 'bucket-encryption').inputs).toEqual({
      bucket: bucketName,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: stack.outputs['encryptionKeyArn'] }, bucketKeyEnabled: true }],
    });
    const policy = stack.find(RESOURCE_TYPE.bucketPolicy, 'bucket-policy');
    expect(policy.inputs['bucket']).toBe(bucketName);
    expect(stack.json(policy, 'policy')).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [bucketArn, `${bucketArn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    });
  });

  it.each(ENVIRONMENT_NAMES)('%s notifies the monitor of config/ object changes only, and only this bucket may invoke it', (environment) => {
    const stack = stacks[environment];
    const monitorArn = arnOf(stack, RESOURCE_TYPE.lambdaFunction, 'monitor');
    expect(stack.find(RESOURCE_TYPE.bucketNotification, 'monitor-config-objects').inputs).toEqual({
      bucket: stack.outputs['bucketName'],
      lambdaFunctions: [
        { id: 'config-object-changes', lambdaFunctionArn: monitorArn, events: ['s3:ObjectCreated:*', 's3:ObjectRemoved:*', 's3:ObjectTagging:*'], filterPrefix: 'config/' },
      ],
    });
    expect(stack.find(RESOURCE_TYPE.lambdaPermission, 'monitor-s3-invoke').inputs).toEqual({
      action: 'lambda:InvokeFunction',
      function: `acme-config-monitor-${environment}`,
      principal: 's3.amazonaws.com',
      sourceArn: stack.outputs['bucketArn'],
      sourceAccount: ACCOUNT,
    });
  });
});

describe('metadata table', () => {
  it.each(ENVIRONMENT_NAMES)('%s bills on demand, recovers to a point in time, encrypts with its key and streams new and old images', (environment) => {
    const stack = stacks[environment];
    expect(stack.find(RESOURCE_TYPE.table, 'metadata').inputs).toMatchObject({
      name: `acme-metadata-${environment}`,
      billingMode: 'PAY_PER_REQUEST',
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true, kmsKeyArn: stack.outputs['encryptionKeyArn'] },
      streamEnabled: true,
      streamViewType: 'NEW_AND_OLD_IMAGES',
      deletionProtectionEnabled: environment === 'prod',
    });
  });

  it('has one schema, identical in all three stacks and equal to the shared constant', () => {
    const schemaOf = (environment: EnvironmentName) => {
      const { hashKey, rangeKey, attributes, globalSecondaryIndexes } = stacks[environment].find(RESOURCE_TYPE.table, 'metadata').inputs;
      return { hashKey, rangeKey, attributes, globalSecondaryIndexes };
    };
    expect(schemaOf('staging')).toEqual(schemaOf('dev'));
    expect(schemaOf('prod')).toEqual(schemaOf('dev'));
    expect(schemaOf('prod')).toEqual(JSON.parse(JSON.stringify(METADATA_TABLE_SCHEMA)));
  });
});

describe('encryption', () => {
  it.each(ENVIRONMENT_NAMES)('%s has its own rotating customer-managed key that CloudWatch alarms may use, for this account’s alarms only', (environment) => {
    const stack = stacks[environment];
    const key = stack.find(RESOURCE_TYPE.kmsKey, 'key');
    expect(key.inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: 30 });
    expect(stack.json<PolicyDocument>(key, 'policy').Statement).toEqual([
      { Sid: 'AccountAdministersKeyThroughIam', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'CloudWatchAlarmsPublishToEncryptedTopics',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:SourceAccount': ACCOUNT },
          ArnLike: { 'aws:SourceArn': `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:acme-*-${environment}` },
        },
      },
    ]);
    const keyArns = ENVIRONMENT_NAMES.map((name) => stacks[name].outputs['encryptionKeyArn']);
    expect(new Set(keyArns).size).toBe(3);
  });

  it.each(ENVIRONMENT_NAMES)('%s encrypts both topics with its key and the DLQ with SSE-SQS, keeping dead letters 14 days', (environment) => {
    const stack = stacks[environment];
    for (const topic of stack.ofType(RESOURCE_TYPE.topic)) {
      expect(topic.inputs['kmsMasterKeyId']).toBe(stack.outputs['encryptionKeyArn']);
    }
    expect(stack.ofType(RESOURCE_TYPE.topic)).toHaveLength(2);
    expect(stack.find(RESOURCE_TYPE.queue, 'dlq').inputs).toMatchObject({ sqsManagedSseEnabled: true, messageRetentionSeconds: 14 * 86_400 });
  });
});
