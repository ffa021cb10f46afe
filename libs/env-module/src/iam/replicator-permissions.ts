import { DEFAULT_CONFIG_PREFIX, type EnvironmentName } from '@data-platform/replication-contract';
import { viaServices } from './kms-via-service';
import type { PolicyStatement } from './policy-document';

/**
 * Everything the replicator calls, in one place (reconcile with libs/replicator
 * when its calls change). Reads come from prod only, writes go to the targets only,
 * and only to configuration: objects under `config/` and metadata table items.
 */
export const REPLICATOR_ACTIONS = {
  /**
   * HeadObject (before and after each write), the source side of CopyObject and
   * UploadPartCopy, and GetObjectTagging (TaggingDirective COPY reads the tags; a
   * multipart copy sets them on the upload).
   */
  readSourceObjects: ['s3:GetObject', 's3:GetObjectTagging'],
  /** GetItem, strongly consistent, before and after each target write. */
  readSourceItems: ['dynamodb:GetItem'],
  /** CopyObject decrypts the prod object (SSE-KMS); GetItem decrypts the prod table's key (customer-managed). */
  decryptSourceData: ['kms:Decrypt'],
  /** S3 answers HeadObject of a missing key with 404 only to callers that may list the bucket (403 otherwise). */
  listBuckets: ['s3:ListBucket'],
  /** HeadObject of the target's current object: a delete is needed only when it exists. */
  readTargetObjects: ['s3:GetObject'],
  /**
   * CopyObject (with its tags), a multipart copy (CreateMultipartUpload,
   * UploadPartCopy and CompleteMultipartUpload are all s3:PutObject; aborting one is
   * its own action) and DeleteObject.
   */
  writeTargetObjects: ['s3:PutObject', 's3:PutObjectTagging', 's3:AbortMultipartUpload', 's3:DeleteObject'],
  /** GetItem (strongly consistent), to write only when the target differs from prod. */
  readTargetItems: ['dynamodb:GetItem'],
  /** PutItem and DeleteItem. */
  writeTargetItems: ['dynamodb:PutItem', 'dynamodb:DeleteItem'],
  publishOutcomes: ['sns:Publish'],
  /** S3 encrypts the copied object, and SNS the outcome, with the target's key. */
  encryptForTargets: ['kms:GenerateDataKey', 'kms:Decrypt'],
  /** GetItem, PutItem and DeleteItem decrypt the target table's key (customer-managed). */
  useTargetTableKeys: ['kms:Decrypt'],
} as const;

/** The prod side. */
export interface ReplicationSourceResources {
  readonly bucketArn: string;
  readonly tableArn: string;
  readonly encryptionKeyArn: string;
}

/** One target environment, as its stack outputs name it. */
export interface ReplicationTargetResources {
  readonly environment: EnvironmentName;
  readonly bucketArn: string;
  readonly tableArn: string;
  readonly successTopicArn: string;
  readonly failureTopicArn: string;
  readonly encryptionKeyArn: string;
}

/** The objects replication touches in a bucket: configuration only, never `data/`. */
export function configObjectsArn(bucketArn: string): string {
  return `${bucketArn}/${DEFAULT_CONFIG_PREFIX}*`;
}


export function replicatorStatements(source: ReplicationSourceResources, targets: readonly ReplicationTargetResources[]): PolicyStatement[] {
  if (targets.length === 0) {
    throw new Error('replicator permissions: at least one replication target is required');
  }
  const targetKeys = targets.map((target) => target.encryptionKeyArn);
  return [
    { Sid: 'ReadSourceConfigurationObjects', Effect: 'Allow', Action: REPLICATOR_ACTIONS.readSourceObjects, Resource: configObjectsArn(source.bucketArn) },
    { Sid: 'ReadSourceMetadataItems', Effect: 'Allow', Action: REPLICATOR_ACTIONS.readSourceItems, Resource: source.tableArn },
    {
      Sid: 'DecryptSourceData',
      Effect: 'Allow',
      Action: REPLICATOR_ACTIONS.decryptSourceData,
      Resource: source.encryptionKeyArn,
      Condition: { StringEquals: { 'kms:ViaService': viaServices(['s3', 'dynamodb'], [source.encryptionKeyArn]) } },
    },
    {
      Sid: 'ListSourceAndTargetBuckets',
      Effect: 'Allow',
      Action: REPLICATOR_ACTIONS.listBuckets,
      Resource: [source.bucketArn, ...targets.map((target) => target.bucketArn)],
    },
    { Sid: 'ReadTargetConfigurationObjects', Effect: 'Allow', Action: REPLICATOR_ACTIONS.readTargetObjects, Resource: targets.map((target) => configObjectsArn(target.bucketArn)) },
    { Sid: 'WriteTargetConfigurationObjects', Effect: 'Allow', Action: REPLICATOR_ACTIONS.writeTargetObjects, Resource: targets.map((target) => configObjectsArn(target.bucketArn)) },
    {
      Sid: 'ReadAndWriteTargetMetadataItems',
      Effect: 'Allow',
      Action: [...REPLICATOR_ACTIONS.readTargetItems, ...REPLICATOR_ACTIONS.writeTargetItems],
      Resource: targets.map((target) => target.tableArn),
    },
    {
      Sid: 'PublishTargetOutcomes',
      Effect: 'Allow',
      Action: REPLICATOR_ACTIONS.publishOutcomes,
      Resource: targets.flatMap((target) => [target.successTopicArn, target.failureTopicArn]),
    },
    {
      Sid: 'EncryptForTargets',
      Effect: 'Allow',
      Action: REPLICATOR_ACTIONS.encryptForTargets,
      Resource: targetKeys,
      Condition: { StringEquals: { 'kms:ViaService': viaServices(['s3', 'sns'], targetKeys) } },
    },
    {
      Sid: 'UseTargetTableKeys',
      Effect: 'Allow',
      Action: REPLICATOR_ACTIONS.useTargetTableKeys,
      Resource: targetKeys,
      Condition: { StringEquals: { 'kms:ViaService': viaServices(['dynamodb'], targetKeys) } },
    },
  ];
}
