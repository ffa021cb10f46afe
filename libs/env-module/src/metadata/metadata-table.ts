import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { TableSettings } from '../config/environment-config';
import { componentType } from '../component-type';
import type { EncryptingKey } from '../encryption/environment-key';
import { METADATA_TABLE_SCHEMA } from './metadata-table-schema';
import { metadataTablePolicy } from './table-resource-policy';

export interface MetadataTableArgs {
  readonly tableName: string;
  readonly settings: TableSettings;
  readonly key: EncryptingKey;
}

/**
 * The environment's metadata table: the shared schema, on-demand, point-in-time
 * recovery, encrypted with the environment's key, and a stream of new and old
 * images that the monitor turns into change events.
 */
export class MetadataTable extends pulumi.ComponentResource {
  readonly tableName: pulumi.Output<string>;
  readonly tableArn: pulumi.Output<string>;
  readonly streamArn: pulumi.Output<string>;

  constructor(name: string, args: MetadataTableArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('MetadataTable'), name, {}, opts);

    const schema = METADATA_TABLE_SCHEMA;
    const table = new aws.dynamodb.Table(
      name,
      {
        name: args.tableName,
        billingMode: 'PAY_PER_REQUEST',
        hashKey: schema.hashKey,
        rangeKey: schema.rangeKey,
        attributes: schema.attributes.map(({ name: attributeName, type }) => ({ name: attributeName, type })),
        globalSecondaryIndexes: schema.globalSecondaryIndexes.map((index) => ({
          name: index.name,
          keySchemas: index.keySchemas.map((key) => ({ ...key })),
          projectionType: index.projectionType,
        })),
        pointInTimeRecovery: { enabled: true },
        serverSideEncryption: { enabled: true, kmsKeyArn: args.key.keyArn },
        streamEnabled: true,
        // The monitor reads only keys (the replicator re-reads prod), so KEYS_ONLY
        // would do today; NEW_AND_OLD_IMAGES is kept as the design asks, so that a
        // change's before and after can be inspected from the stream when diagnosing.
        // Changing the view type replaces the stream (new ARN, mapping recreated from
        // TRIM_HORIZON of the new, empty stream): changes in between are missed by the
        // event path and must be caught by a resync.
        streamViewType: 'NEW_AND_OLD_IMAGES',
        deletionProtectionEnabled: args.settings.deletionProtection,
      },
      { parent: this },
    );
    const roleArn = args.key.crossAccountReplicatorRoleArn;
    if (roleArn !== undefined) {
      new aws.dynamodb.ResourcePolicy(
        `${name}-policy`,
        {
          resourceArn: table.arn,
          policy: table.arn.apply((tableArn) => JSON.stringify(metadataTablePolicy({ tableArn, crossAccountReplicatorRoleArn: roleArn }))),
        },
        { parent: this },
      );
    }

    this.tableName = table.name;
    this.tableArn = table.arn;
    this.streamArn = table.streamArn;
    this.registerOutputs({ tableName: this.tableName, tableArn: this.tableArn, streamArn: this.streamArn });
  }
}
