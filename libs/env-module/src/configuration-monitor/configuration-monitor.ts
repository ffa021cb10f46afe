import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { DEFAULT_CONFIG_PREFIX, monitorVariables } from '@data-platform/replication-contract';
import type { TableStreamSettings } from '../config/environment-config';
import { componentType } from '../component-type';
import { type EnvironmentFunctionArgs, PlatformFunction } from '../functions/platform-function';
import { monitorStatements } from '../iam/monitor-permissions';
import type { EnvironmentKey } from '../encryption/environment-key';
import type { MetadataTable } from '../metadata/metadata-table';
import { CONFIGURATION_EVENT_BUS } from '@data-platform/replication-contract';
import { configurationEventBusArn } from '../naming/arns';
import type { DataBucket } from '../storage/data-bucket';

/** S3 events that change what a configuration key holds: its bytes and metadata, its existence, its tags. */
export const CONFIG_OBJECT_EVENTS = ['s3:ObjectCreated:*', 's3:ObjectRemoved:*', 's3:ObjectTagging:*'] as const;

export interface ConfigurationMonitorArgs extends EnvironmentFunctionArgs {
  readonly tableStream: TableStreamSettings;
  /** Its stream feeds the monitor. */
  readonly table: Pick<MetadataTable, 'streamArn'>;
  /** Its `config/` object notifications feed the monitor. */
  readonly bucket: Pick<DataBucket, 'bucketName' | 'bucketArn'>;
  /** Encrypts the table's stream. */
  readonly key: Pick<EnvironmentKey, 'keyArn'>;
}

/**
 * The monitor and what feeds it: the metadata table's stream (partial batch
 * failures, bisection, bounded retries, then the DLQ) and the bucket's `config/`
 * object notifications (asynchronous invokes, retried, then the DLQ).
 */
export class ConfigurationMonitor extends pulumi.ComponentResource {
  readonly functionArn: pulumi.Output<string>;
  readonly functionName: pulumi.Output<string>;

  constructor(name: string, args: ConfigurationMonitorArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('ConfigurationMonitor'), name, {}, opts);

    const fn = new PlatformFunction(
      name,
      {
        ...args,
        description: `Turns ${args.environment} metadata table and config/ object changes into ConfigurationChanged events`,
        environmentVariables: pulumi.output(args.deadLetterQueue.queueUrl).apply((deadLetterQueueUrl) =>
          monitorVariables({ environment: args.environment, eventBusName: CONFIGURATION_EVENT_BUS, configPrefix: DEFAULT_CONFIG_PREFIX, deadLetterQueueUrl }),
        ),
        permissions: pulumi
          .all([args.table.streamArn, args.key.keyArn])
          .apply(([tableStreamArn, encryptionKeyArn]) =>
            monitorStatements({ environment: args.environment, tableStreamArn, encryptionKeyArn, eventBusArn: configurationEventBusArn(args.location) }),
          ),
      },
      { parent: this },
    );

    new aws.lambda.EventSourceMapping(
      `${name}-table-stream`,
      {
        eventSourceArn: args.table.streamArn,
        functionName: fn.functionArn,
        // From the oldest record the stream still holds (24 h), not LATEST: if this
        // mapping is ever recreated, the changes made meanwhile are read, not missed.
        // Safe because replication is state-based and newest-wins: a record read
        // twice re-applies prod's current state or ends as skipped-newer.
        startingPosition: 'TRIM_HORIZON',
        batchSize: args.tableStream.batchSize,
        maximumBatchingWindowInSeconds: args.tableStream.maximumBatchingWindowSeconds,
        functionResponseTypes: ['ReportBatchItemFailures'],
        bisectBatchOnFunctionError: true,
        maximumRetryAttempts: args.tableStream.maximumRetryAttempts,
        maximumRecordAgeInSeconds: args.tableStream.maximumRecordAgeSeconds,
        destinationConfig: { onFailure: { destinationArn: args.deadLetterQueue.queueArn } },
      },
      { parent: this },
    );

    const s3Invoke = new aws.lambda.Permission(
      `${name}-s3-invoke`,
      {
        action: 'lambda:InvokeFunction',
        function: fn.functionName,
        principal: 's3.amazonaws.com',
        sourceArn: args.bucket.bucketArn,
        // Bucket ARNs carry no account: pin the bucket owner too.
        sourceAccount: args.location.accountId,
      },
      { parent: this },
    );
    new aws.s3.BucketNotification(
      `${name}-config-objects`,
      {
        bucket: args.bucket.bucketName,
        lambdaFunctions: [{ id: 'config-object-changes', lambdaFunctionArn: fn.functionArn, events: [...CONFIG_OBJECT_EVENTS], filterPrefix: DEFAULT_CONFIG_PREFIX }],
      },
      // S3 checks that it may invoke the function when the notification is saved.
      { parent: this, dependsOn: [s3Invoke] },
    );

    this.functionArn = fn.functionArn;
    this.functionName = fn.functionName;
    this.registerOutputs({ functionArn: this.functionArn, functionName: this.functionName });
  }
}
