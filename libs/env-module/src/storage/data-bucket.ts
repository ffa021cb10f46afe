import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { BucketSettings } from '../config/environment-config';
import { componentType } from '../component-type';
import type { EncryptingKey } from '../encryption/environment-key';
import { dataBucketLifecycleRules } from './bucket-lifecycle';
import { dataBucketPolicy } from './bucket-policy';

export interface DataBucketArgs {
  readonly bucketName: string;
  readonly settings: BucketSettings;
  readonly key: EncryptingKey;
}

/**
 * The environment's data bucket: versioned, lifecycle-managed, private, encrypted
 * with the environment's key (S3 Bucket Keys keep KMS calls low), owned by the
 * bucket owner whoever writes, and reachable over TLS only.
 */
export class DataBucket extends pulumi.ComponentResource {
  readonly bucketName: pulumi.Output<string>;
  readonly bucketArn: pulumi.Output<string>;

  constructor(name: string, args: DataBucketArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('DataBucket'), name, {}, opts);

    const bucket = new aws.s3.Bucket(name, { bucket: args.bucketName, forceDestroy: false }, { parent: this });
    new aws.s3.BucketOwnershipControls(
      `${name}-ownership`,
      { bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } },
      { parent: this },
    );
    const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
      `${name}-public-access-block`,
      { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
      { parent: this },
    );
    const versioning = new aws.s3.BucketVersioning(
      `${name}-versioning`,
      { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } },
      { parent: this },
    );
    new aws.s3.BucketServerSideEncryptionConfiguration(
      `${name}-encryption`,
      {
        bucket: bucket.id,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: args.key.keyArn }, bucketKeyEnabled: true }],
      },
      { parent: this },
    );
    // Noncurrent-version rules only mean something once versioning is on.
    new aws.s3.BucketLifecycleConfiguration(
      `${name}-lifecycle`,
      { bucket: bucket.id, rules: dataBucketLifecycleRules(args.settings) },
      { parent: this, dependsOn: [versioning] },
    );
    new aws.s3.BucketPolicy(
      `${name}-policy`,
      {
        bucket: bucket.id,
        policy: bucket.arn.apply((bucketArn) =>
          JSON.stringify(dataBucketPolicy({ bucketArn, crossAccountReplicatorRoleArn: args.key.crossAccountReplicatorRoleArn })),
        ),
      },
      // S3 rejects policy changes while the public access block is being applied.
      { parent: this, dependsOn: [publicAccessBlock] },
    );

    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
    this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn });
  }
}
