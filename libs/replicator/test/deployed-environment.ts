import {
  DescribeContinuousBackupsCommand,
  type DescribeContinuousBackupsCommandOutput,
  DescribeTableCommand,
  type DescribeTableCommandOutput,
  DynamoDBClient,
  GetResourcePolicyCommand,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import {
  GetBucketEncryptionCommand,
  type GetBucketEncryptionCommandOutput,
  GetBucketLifecycleConfigurationCommand,
  type GetBucketLifecycleConfigurationCommandOutput,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { EnvironmentName } from '@data-platform/replication-contract';
import { mockClient } from 'aws-sdk-client-mock';
import type { PlanOfStack } from '../src/operations/infrastructure';
import type { InfrastructureLocation } from '../src/operations/infrastructure';

/**
 * One environment twice: as the offline plan declares it (Pulumi input shapes, the
 * way libs/env-module writes them) and as AWS answers for it once deployed (the
 * SDK's shapes, with AWS's own spellings: an empty filter as `Prefix: ''`, a
 * one-element policy list as a string). Tests change one side to seed drift.
 */
const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const PLANNED_KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/planned-mock-id`;
/** The key id AWS chose for each environment's key (ids are UUIDs). */
const DEPLOYED_KEY_ID: Readonly<Record<EnvironmentName, string>> = {
  dev: '0d0d0d0d-0000-4000-8000-000000000001',
  staging: '5a5a5a5a-0000-4000-8000-000000000002',
  prod: 'babababa-0000-4000-8000-000000000003',
};

export function locationOf(environment: EnvironmentName): InfrastructureLocation & { region: string; encryptionKeyArn: string } {
  return {
    environment,
    accountId: ACCOUNT,
    region: REGION,
    tableName: `acme-metadata-${environment}`,
    tableArn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/acme-metadata-${environment}`,
    bucketName: `acme-data-${environment}-${REGION}-${ACCOUNT}`,
    encryptionKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${DEPLOYED_KEY_ID[environment]}`,
  };
}

const tags = (environment: EnvironmentName): Record<string, string> => ({ Environment: environment, Project: 'data-pipeline-platform', ManagedBy: 'pulumi' });

function bucketPolicy(bucketName: string, resourcesAsList: boolean): string {
  const resources = [`arn:aws:s3:::${bucketName}`, `arn:aws:s3:::${bucketName}/*`];
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: resourcesAsList ? ['s3:*'] : 's3:*',
        Resource: resourcesAsList ? resources : [...resources].reverse(),
        Condition: { Bool: { 'aws:SecureTransport': resourcesAsList ? 'false' : ['false'] } },
      },
    ],
  });
}

export function plannedStack(environment: EnvironmentName): PlanOfStack {
  const location = locationOf(environment);
  const bucket = location.bucketName;
  return {
    stack: environment,
    location: { accountId: ACCOUNT, region: REGION },
    resources: [
      { type: 'aws:kms/key:Key', inputs: {}, state: { arn: PLANNED_KEY_ARN } },
      {
        type: 'aws:dynamodb/table:Table',
        inputs: {
          name: location.tableName,
          attributes: [
            { name: 'pk', type: 'S' },
            { name: 'sk', type: 'S' },
            { name: 'entityType', type: 'S' },
          ],
          hashKey: 'pk',
          rangeKey: 'sk',
          billingMode: 'PAY_PER_REQUEST',
          deletionProtectionEnabled: environment === 'prod',
          globalSecondaryIndexes: [
            {
              name: 'by-entity-type',
              keySchemas: [
                { attributeName: 'entityType', keyType: 'HASH' },
                { attributeName: 'pk', keyType: 'RANGE' },
              ],
              projectionType: 'ALL',
            },
          ],
          pointInTimeRecovery: { enabled: true },
          serverSideEncryption: { enabled: true, kmsKeyArn: PLANNED_KEY_ARN },
          streamEnabled: true,
          streamViewType: 'NEW_AND_OLD_IMAGES',
        },
        state: { tagsAll: tags(environment) },
      },
      { type: 'aws:s3/bucket:Bucket', inputs: { bucket }, state: { tagsAll: tags(environment) } },
      { type: 'aws:s3/bucketOwnershipControls:BucketOwnershipControls', inputs: { bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } }, state: {} },
      {
        type: 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock',
        inputs: { bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
        state: {},
      },
      { type: 'aws:s3/bucketVersioning:BucketVersioning', inputs: { bucket, versioningConfiguration: { status: 'Enabled' } }, state: {} },
      {
        type: 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
        inputs: { bucket, rules: [{ applyServerSideEncryptionByDefault: { kmsMasterKeyId: PLANNED_KEY_ARN, sseAlgorithm: 'aws:kms' }, bucketKeyEnabled: true }] },
        state: {},
      },
      { type: 'aws:s3/bucketPolicy:BucketPolicy', inputs: { bucket, policy: bucketPolicy(bucket, true) }, state: {} },
      {
        type: 'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration',
        inputs: {
          bucket,
          rules: [
            { id: 'expire-noncurrent-versions', status: 'Enabled', filter: {}, expiration: { expiredObjectDeleteMarker: true }, noncurrentVersionExpiration: { noncurrentDays: 30 } },
            { id: 'expire-pipeline-data', status: 'Enabled', filter: { prefix: 'data/' }, expiration: { days: 30 } },
          ],
        },
        state: {},
      },
    ],
  };
}

/** What AWS answers for the environment deployed from plannedStack. */
export interface DeployedAnswers {
  table: NonNullable<DescribeTableCommandOutput['Table']>;
  backups: NonNullable<DescribeContinuousBackupsCommandOutput['ContinuousBackupsDescription']>;
  tableTags: Record<string, string>;
  tablePolicy: string | undefined;
  versioning: 'Enabled' | 'Suspended' | undefined;
  lifecycleRules: NonNullable<GetBucketLifecycleConfigurationCommandOutput['Rules']> | undefined;
  encryption: NonNullable<GetBucketEncryptionCommandOutput['ServerSideEncryptionConfiguration']>;
  publicAccessBlock: { BlockPublicAcls: boolean; IgnorePublicAcls: boolean; BlockPublicPolicy: boolean; RestrictPublicBuckets: boolean } | undefined;
  policy: string | undefined;
  bucketTags: Record<string, string> | undefined;
  objectOwnership: string;
}

export function deployedAnswers(environment: EnvironmentName): DeployedAnswers {
  const location = locationOf(environment);
  return {
    table: {
      TableName: location.tableName,
      // AWS lists attribute definitions and key elements in its own order.
      AttributeDefinitions: [
        { AttributeName: 'entityType', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'pk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'sk', KeyType: 'RANGE' },
        { AttributeName: 'pk', KeyType: 'HASH' },
      ],
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
      DeletionProtectionEnabled: environment === 'prod',
      GlobalSecondaryIndexes: [
        {
          IndexName: 'by-entity-type',
          KeySchema: [
            { AttributeName: 'entityType', KeyType: 'HASH' },
            { AttributeName: 'pk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: location.encryptionKeyArn },
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    },
    backups: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' } },
    // AWS adds its own tags in the reserved namespace.
    tableTags: { ...tags(environment), 'aws:cloudformation:stack-name': 'not-ours' },
    tablePolicy: undefined,
    versioning: 'Enabled',
    lifecycleRules: [
      { ID: 'expire-noncurrent-versions', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { ExpiredObjectDeleteMarker: true }, NoncurrentVersionExpiration: { NoncurrentDays: 30 } },
      { ID: 'expire-pipeline-data', Status: 'Enabled', Filter: { Prefix: 'data/' }, Expiration: { Days: 30 } },
    ],
    encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: location.encryptionKeyArn }, BucketKeyEnabled: true }] },
    publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    policy: bucketPolicy(location.bucketName, false),
    bucketTags: tags(environment),
    objectOwnership: 'BucketOwnerEnforced',
  };
}

const notConfigured = (name: string): Error => Object.assign(new Error(name), { name });

/** SDK clients that answer for the deployed environments, as AWS would. */
export function mockedAws(answers: Partial<Record<EnvironmentName, DeployedAnswers>>): { dynamodb: DynamoDBClient; s3: S3Client } {
  const dynamodb = new DynamoDBClient({ region: REGION });
  const s3 = new S3Client({ region: REGION });
  const byTable = (name: string | undefined): DeployedAnswers => {
    const found = Object.values(answers).find((answer) => answer.table.TableName === name);
    if (found === undefined) throw notConfigured('ResourceNotFoundException');
    return found;
  };
  const byBucket = ({ Bucket: name, ExpectedBucketOwner: owner }: { Bucket?: string; ExpectedBucketOwner?: string }): DeployedAnswers => {
    // S3 answers 403 when the bucket is not owned by the expected account.
    if (owner !== undefined && owner !== ACCOUNT) throw notConfigured('AccessDenied');
    const environment = (Object.keys(answers) as EnvironmentName[]).find((candidate) => locationOf(candidate).bucketName === name);
    if (environment === undefined) throw notConfigured('NoSuchBucket');
    return answers[environment] as DeployedAnswers;
  };
  const dynamo = mockClient(dynamodb);
  dynamo.on(DescribeTableCommand).callsFake((input) => ({ Table: byTable(input.TableName).table }));
  dynamo.on(DescribeContinuousBackupsCommand).callsFake((input) => ({ ContinuousBackupsDescription: byTable(input.TableName).backups }));
  dynamo.on(GetResourcePolicyCommand).callsFake((input) => {
    const policy = byTable(String(input.ResourceArn).split('/').pop()).tablePolicy;
    if (policy === undefined) throw notConfigured('PolicyNotFoundException');
    return { Policy: policy };
  });
  dynamo.on(ListTagsOfResourceCommand).callsFake((input) => {
    const answer = byTable(String(input.ResourceArn).split('/').pop());
    const all = Object.entries(answer.tableTags).map(([Key, Value]) => ({ Key, Value }));
    // Two pages, to read the way a table with many tags answers.
    return input.NextToken === undefined ? { Tags: all.slice(0, 1), NextToken: 'page-2' } : { Tags: all.slice(1) };
  });
  const bucket = mockClient(s3);
  bucket.on(GetBucketVersioningCommand).callsFake((input) => ({ Status: byBucket(input).versioning }));
  bucket.on(GetBucketLifecycleConfigurationCommand).callsFake((input) => {
    const rules = byBucket(input).lifecycleRules;
    if (rules === undefined) throw notConfigured('NoSuchLifecycleConfiguration');
    return { Rules: rules };
  });
  bucket.on(GetBucketEncryptionCommand).callsFake((input) => ({ ServerSideEncryptionConfiguration: byBucket(input).encryption }));
  bucket.on(GetPublicAccessBlockCommand).callsFake((input) => {
    const block = byBucket(input).publicAccessBlock;
    if (block === undefined) throw notConfigured('NoSuchPublicAccessBlockConfiguration');
    return { PublicAccessBlockConfiguration: block };
  });
  bucket.on(GetBucketPolicyCommand).callsFake((input) => {
    const policy = byBucket(input).policy;
    if (policy === undefined) throw notConfigured('NoSuchBucketPolicy');
    return { Policy: policy };
  });
  bucket.on(GetBucketTaggingCommand).callsFake((input) => {
    const bucketTags = byBucket(input).bucketTags;
    if (bucketTags === undefined) throw notConfigured('NoSuchTagSet');
    return { TagSet: Object.entries(bucketTags).map(([Key, Value]) => ({ Key, Value })) };
  });
  bucket.on(GetBucketOwnershipControlsCommand).callsFake((input) => ({ OwnershipControls: { Rules: [{ ObjectOwnership: byBucket(input).objectOwnership }] } }));
  return { dynamodb, s3 };
}
