import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  GetResourcePolicyCommand,
  ListTagsOfResourceCommand,
  type Tag as TableTag,
} from '@aws-sdk/client-dynamodb';
import {
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { EnvironmentName } from '@data-platform/replication-contract';
import {
  attributesText,
  bucketEncryptionText,
  indexText,
  type KeyElement,
  keySchemaText,
  lifecycleRuleId,
  lifecycleRuleText,
  onOff,
  policySettings,
  publicAccessBlockText,
  tagSettings,
} from './canonical-settings';
import type { EnvironmentInfrastructure, Settings } from './infrastructure-settings';

/** Where one environment's stateful resources are, from its stack outputs. */
export interface InfrastructureLocation {
  readonly environment: EnvironmentName;
  readonly accountId: string;
  readonly tableName: string;
  readonly tableArn: string;
  readonly bucketName: string;
}

/**
 * Reads the live settings of an environment's table and bucket (read-only calls:
 * `dynamodb:DescribeTable`, `DescribeContinuousBackups`, `ListTagsOfResource`,
 * `GetResourcePolicy`;
 * `s3:GetBucketVersioning`, `GetLifecycleConfiguration`, `GetEncryptionConfiguration`,
 * `GetBucketPublicAccessBlock`, `GetBucketPolicy`, `GetBucketTagging`,
 * `GetBucketOwnershipControls`). Every S3 call names the expected bucket owner, so a
 * bucket of the same name in another account is refused, never read.
 */
export async function readLiveInfrastructure(
  clients: { readonly dynamodb: DynamoDBClient; readonly s3: S3Client },
  location: InfrastructureLocation,
): Promise<EnvironmentInfrastructure> {
  const [table, bucket] = await Promise.all([readTable(clients.dynamodb, location), readBucket(clients.s3, location)]);
  return {
    environment: location.environment,
    table: { resource: `table ${location.tableName}`, settings: table },
    bucket: { resource: `bucket ${location.bucketName}`, settings: bucket },
  };
}

async function readTable(dynamodb: DynamoDBClient, location: InfrastructureLocation): Promise<Settings> {
  const [description, backups, tags, policy] = await Promise.all([
    dynamodb.send(new DescribeTableCommand({ TableName: location.tableName })),
    dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: location.tableName })),
    tableTags(dynamodb, location.tableArn),
    absentAs(dynamodb.send(new GetResourcePolicyCommand({ ResourceArn: location.tableArn })), 'PolicyNotFoundException'),
  ]);
  const table = description.Table ?? {};
  const keys = (schema: readonly { AttributeName?: string; KeyType?: string }[] | undefined): KeyElement[] =>
    (schema ?? []).map((element) => ({ attributeName: element.AttributeName ?? '', keyType: element.KeyType ?? '' }));
  const settings: Record<string, string> = {
    keySchema: keySchemaText(keys(table.KeySchema)),
    attributes: attributesText((table.AttributeDefinitions ?? []).map((attribute) => ({ name: attribute.AttributeName ?? '', type: attribute.AttributeType ?? '' }))),
    // A table created on demand reports its mode; one never switched reports none and is provisioned.
    billingMode: table.BillingModeSummary?.BillingMode ?? 'PROVISIONED',
    stream: table.StreamSpecification?.StreamEnabled === true ? (table.StreamSpecification.StreamViewType ?? 'on') : 'off',
    pointInTimeRecovery: onOff(backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus === 'ENABLED'),
    deletionProtection: onOff(table.DeletionProtectionEnabled),
    // No SSEDescription: the table uses the AWS owned key.
    encryption: table.SSEDescription?.SSEType ?? 'AWS owned key',
  };
  if (table.SSEDescription?.KMSMasterKeyArn !== undefined) {
    settings['encryptionKey'] = table.SSEDescription.KMSMasterKeyArn;
  }
  for (const index of table.GlobalSecondaryIndexes ?? []) {
    settings[`global secondary index ${index.IndexName}`] = indexText(keys(index.KeySchema), index.Projection?.ProjectionType, index.Projection?.NonKeyAttributes);
  }
  for (const index of table.LocalSecondaryIndexes ?? []) {
    settings[`local secondary index ${index.IndexName}`] = indexText(keys(index.KeySchema), index.Projection?.ProjectionType, index.Projection?.NonKeyAttributes);
  }
  return { ...settings, ...policySettings(policy.Policy), ...tagSettings(tags) };
}

async function tableTags(dynamodb: DynamoDBClient, tableArn: string): Promise<TableTag[]> {
  const tags: TableTag[] = [];
  let nextToken: string | undefined;
  do {
    const page = await dynamodb.send(new ListTagsOfResourceCommand({ ResourceArn: tableArn, NextToken: nextToken }));
    tags.push(...(page.Tags ?? []));
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return tags;
}

async function readBucket(s3: S3Client, location: InfrastructureLocation): Promise<Settings> {
  const bucket = { Bucket: location.bucketName, ExpectedBucketOwner: location.accountId };
  // Each "not configured" answer is a value (no rules, no policy), not an error.
  const [versioning, lifecycle, encryption, publicAccess, policy, tags, ownership] = await Promise.all([
    s3.send(new GetBucketVersioningCommand(bucket)),
    absentAs(s3.send(new GetBucketLifecycleConfigurationCommand(bucket)), 'NoSuchLifecycleConfiguration'),
    absentAs(s3.send(new GetBucketEncryptionCommand(bucket)), 'ServerSideEncryptionConfigurationNotFoundError'),
    absentAs(s3.send(new GetPublicAccessBlockCommand(bucket)), 'NoSuchPublicAccessBlockConfiguration'),
    absentAs(s3.send(new GetBucketPolicyCommand(bucket)), 'NoSuchBucketPolicy'),
    absentAs(s3.send(new GetBucketTaggingCommand(bucket)), 'NoSuchTagSet'),
    absentAs(s3.send(new GetBucketOwnershipControlsCommand(bucket)), 'OwnershipControlsNotFoundError'),
  ]);
  const encryptionRule = encryption.ServerSideEncryptionConfiguration?.Rules?.[0];
  const settings: Record<string, string> = {
    // Versioning that was never enabled has no status.
    versioning: versioning.Status ?? 'never enabled',
    encryption: bucketEncryptionText(encryptionRule?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm, encryptionRule?.BucketKeyEnabled),
    publicAccessBlock: publicAccessBlockText({
      blockPublicAcls: publicAccess.PublicAccessBlockConfiguration?.BlockPublicAcls,
      ignorePublicAcls: publicAccess.PublicAccessBlockConfiguration?.IgnorePublicAcls,
      blockPublicPolicy: publicAccess.PublicAccessBlockConfiguration?.BlockPublicPolicy,
      restrictPublicBuckets: publicAccess.PublicAccessBlockConfiguration?.RestrictPublicBuckets,
    }),
    objectOwnership: ownership.OwnershipControls?.Rules?.[0]?.ObjectOwnership ?? 'not set',
  };
  const keyId = encryptionRule?.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID;
  if (keyId !== undefined) {
    settings['encryptionKey'] = keyId;
  }
  (lifecycle.Rules ?? []).forEach((rule, index) => {
    const fields = { ...rule } as Record<string, unknown>;
    settings[`lifecycle rule ${lifecycleRuleId(fields, index)}`] = lifecycleRuleText(fields);
  });
  return { ...settings, ...policySettings(policy.Policy), ...tagSettings(tags.TagSet ?? []) };
}

/** The answer, or nothing when AWS answers `errorName`: the setting is not configured. */
async function absentAs<T>(request: Promise<T>, errorName: string): Promise<Partial<T>> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof Error && error.name === errorName) {
      return {};
    }
    throw error;
  }
}
