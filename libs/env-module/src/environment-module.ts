import * as pulumi from '@pulumi/pulumi';
import type { LambdaFunctionName } from '@data-platform/replication-contract';
import type { EnvironmentConfig } from './config/environment-config';
import { componentType } from './component-type';
import { DeadLetterQueue } from './dead-letter/dead-letter-queue';
import { EnvironmentKey } from './encryption/environment-key';
import { deployedFunctions } from './functions/deployed-functions';
import type { LambdaBundle } from './functions/lambda-bundle';
import { MetadataTable } from './metadata/metadata-table';
import { alarmDefinitions } from './alarms/alarm-definitions';
import { EnvironmentAlarms } from './alarms/environment-alarms';
import { ConfigurationMonitor } from './configuration-monitor/configuration-monitor';
import { alarmArn, eventRuleArn, roleArn } from './naming/arns';
import { resourceNames } from './naming/resource-names';
import { ReplicationTopics } from './notifications/replication-topics';
import type { EnvironmentStackExports } from './outputs/environment-stack-reference';
import { Replication } from './replication/replication';
import { admittedReplicatorRoleArn, crossAccountReplicatorRoleArn } from './replication/source-replicator-role';
import { DataBucket } from './storage/data-bucket';

export interface EnvironmentModuleArgs {
  /** Validated by `loadEnvironmentConfig`. */
  readonly config: EnvironmentConfig;
  /** Built bundles, located by `locateLambdaBundles`: one per `deployedFunctions(config)`. */
  readonly bundles: Readonly<Partial<Record<LambdaFunctionName, LambdaBundle>>>;
}

/**
 * One environment of the data platform: key, bucket, metadata table, outcome
 * topics, dead-letter queue, monitor, alarms, and in prod the replication to the
 * other environments, whose stacks it reads (`config.replication`). Identical in
 * every environment except where its validated config says otherwise. Give it the
 * environment's explicit AWS provider through `providers`; every child inherits it.
 */
export class EnvironmentModule extends pulumi.ComponentResource {
  readonly environment: EnvironmentConfig['environment'];
  readonly region: string;
  readonly accountId: string;
  readonly bucketName: pulumi.Output<string>;
  readonly bucketArn: pulumi.Output<string>;
  readonly tableName: pulumi.Output<string>;
  readonly tableArn: pulumi.Output<string>;
  readonly lambdaFunctionArns: pulumi.Output<Partial<Record<LambdaFunctionName, string>>>;
  readonly successTopicArn: pulumi.Output<string>;
  readonly failureTopicArn: pulumi.Output<string>;
  readonly deadLetterQueueArn: pulumi.Output<string>;
  readonly deadLetterQueueUrl: pulumi.Output<string>;
  readonly encryptionKeyArn: pulumi.Output<string>;
  readonly replicationSourceAccountId: string;
  /** Set in dev and staging: the prod replicator role they admit. */
  readonly admittedReplicatorRoleArn?: string;
  /** Set in prod when it replicates. */
  readonly replicationRuleArn?: pulumi.Output<string>;

  constructor(name: string, args: EnvironmentModuleArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('EnvironmentModule'), name, {}, opts);
    const { config } = args;
    const monitorBundle = requireBundle(args.bundles, 'monitor');
    const replication =
      config.replication === undefined ? undefined : { settings: config.replication, bundle: requireBundle(args.bundles, 'replicator') };

    const { environment, location } = config;
    const names = resourceNames({ company: config.company, environment, region: location.region, accountId: location.accountId });
    const alarmArnPattern = alarmArn(location, names.alarmNamePattern);
    const functions = deployedFunctions(config);

    const key = new EnvironmentKey(
      `${name}-key`,
      { environment, location, aliasName: names.encryptionKeyAlias, alarmArnPattern, crossAccountReplicatorRoleArn: crossAccountReplicatorRoleArn(config) },
      { parent: this },
    );
    const bucket = new DataBucket(
      `${name}-bucket`,
      { bucketName: names.bucket, settings: config.bucket, key },
      { parent: this },
    );
    const table = new MetadataTable(
      `${name}-metadata`,
      { tableName: names.table, settings: config.table, key },
      { parent: this },
    );
    const topics = new ReplicationTopics(
      `${name}-topics`,
      {
        successTopicName: names.successTopic,
        failureTopicName: names.failureTopic,
        accountId: location.accountId,
        alarmArnPattern,
        key,
      },
      { parent: this },
    );
    // Senders are named, not referenced: the queue must exist before the functions that use it.
    const deadLetterQueue = new DeadLetterQueue(
      `${name}-dlq`,
      {
        queueName: names.deadLetterQueue,
        settings: config.deadLetterQueue,
        senderRoleArns: functions.map((fn) => roleArn(location, names.functions[fn].role)),
        senderRuleArns: replication === undefined ? [] : [eventRuleArn(location, names.replicationRule)],
      },
      { parent: this },
    );

    const monitor = new ConfigurationMonitor(
      `${name}-monitor`,
      {
        environment,
        location,
        names: names.functions.monitor,
        bundle: monitorBundle,
        settings: config.monitor,
        logRetentionDays: config.logs.retentionDays,
        asyncInvoke: config.asyncInvoke,
        tableStream: config.tableStream,
        table,
        bucket,
        key,
        deadLetterQueue,
      },
      { parent: this },
    );

    const replicator =
      replication === undefined
        ? undefined
        : new Replication(
            `${name}-replication`,
            {
              environment,
              location,
              names: names.functions.replicator,
              ruleName: names.replicationRule,
              bundle: replication.bundle,
              settings: config.replicator,
              replication: replication.settings,
              logRetentionDays: config.logs.retentionDays,
              asyncInvoke: config.asyncInvoke,
              source: { bucket, table, key },
              deadLetterQueue,
            },
            { parent: this },
          );

    new EnvironmentAlarms(
      `${name}-alarms`,
      {
        definitions: alarmDefinitions(names, functions, config.alarms),
        topics,
        watched: [deadLetterQueue, monitor, ...(replicator === undefined ? [] : [replicator])],
      },
      { parent: this },
    );

    this.environment = environment;
    this.region = location.region;
    this.accountId = location.accountId;
    this.bucketName = bucket.bucketName;
    this.bucketArn = bucket.bucketArn;
    this.tableName = table.tableName;
    this.tableArn = table.tableArn;
    this.lambdaFunctionArns =
      replicator === undefined
        ? pulumi.output({ monitor: monitor.functionArn })
        : pulumi.output({ monitor: monitor.functionArn, replicator: replicator.functionArn });
    this.successTopicArn = topics.successTopicArn;
    this.failureTopicArn = topics.failureTopicArn;
    this.deadLetterQueueArn = deadLetterQueue.queueArn;
    this.deadLetterQueueUrl = deadLetterQueue.queueUrl;
    this.encryptionKeyArn = key.keyArn;
    this.replicationSourceAccountId = config.replicationSourceAccountId;
    this.admittedReplicatorRoleArn = admittedReplicatorRoleArn(config);
    if (replicator !== undefined) {
      this.replicationRuleArn = replicator.ruleArn;
    }
    this.registerOutputs(this.stackOutputs());
  }

  /** The stack output contract, as a program exports it. */
  stackOutputs(): EnvironmentStackExports {
    return {
      environment: pulumi.output(this.environment),
      region: pulumi.output(this.region),
      accountId: pulumi.output(this.accountId),
      bucketName: this.bucketName,
      bucketArn: this.bucketArn,
      tableName: this.tableName,
      tableArn: this.tableArn,
      lambdaFunctionArns: this.lambdaFunctionArns,
      successTopicArn: this.successTopicArn,
      failureTopicArn: this.failureTopicArn,
      deadLetterQueueArn: this.deadLetterQueueArn,
      deadLetterQueueUrl: this.deadLetterQueueUrl,
      encryptionKeyArn: this.encryptionKeyArn,
      replicationSourceAccountId: pulumi.output(this.replicationSourceAccountId),
      ...(this.admittedReplicatorRoleArn === undefined ? {} : { admittedReplicatorRoleArn: pulumi.output(this.admittedReplicatorRoleArn) }),
      ...(this.replicationRuleArn === undefined ? {} : { replicationRuleArn: this.replicationRuleArn }),
    };
  }
}

function requireBundle(bundles: EnvironmentModuleArgs['bundles'], fn: LambdaFunctionName): LambdaBundle {
  const bundle = bundles[fn];
  if (bundle === undefined) {
    throw new Error(`EnvironmentModule: no Lambda bundle was located for the ${fn} function`);
  }
  return bundle;
}
