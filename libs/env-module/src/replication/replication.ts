import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { DEFAULT_CONFIG_PREFIX, replicationRulePattern, replicatorVariables } from '@data-platform/replication-contract';
import type { ReplicationSettings } from '../config/environment-config';
import { componentType } from '../component-type';
import { type EnvironmentFunctionArgs, PlatformFunction } from '../functions/platform-function';
import type { EnvironmentKey } from '../encryption/environment-key';
import { replicatorStatements } from '../iam/replicator-permissions';
import type { MetadataTable } from '../metadata/metadata-table';
import { CONFIGURATION_EVENT_BUS } from '@data-platform/replication-contract';
import { roleArn } from '../naming/arns';
import { environmentStackName, readEnvironmentStack } from '../outputs/environment-stack-reference';
import type { DataBucket } from '../storage/data-bucket';
import { admittedReplicationTarget, replicationTargetFor } from './replication-targets';

export interface ReplicationArgs extends EnvironmentFunctionArgs {
  readonly ruleName: string;
  /** The targets, whose stacks are read here, and how to reach them. */
  readonly replication: ReplicationSettings;
  /** Prod's own bucket, table and key, whose current state the replicator reads. */
  readonly source: {
    readonly bucket: Pick<DataBucket, 'bucketName' | 'bucketArn'>;
    readonly table: Pick<MetadataTable, 'tableName' | 'tableArn'>;
    readonly key: Pick<EnvironmentKey, 'keyArn'>;
  };
}

/**
 * Prod's replication: the rule that picks this environment's ConfigurationChanged
 * events off the default bus, and the replicator that applies each change to every
 * target the config lists, as that target's stack exports it. Retry budgets nest:
 * the code's backoff ends inside the function timeout, then Lambda's async retries,
 * the rule target's retries, and the DLQ behind both.
 */
export class Replication extends pulumi.ComponentResource {
  readonly functionArn: pulumi.Output<string>;
  readonly ruleArn: pulumi.Output<string>;

  constructor(name: string, args: ReplicationArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('Replication'), name, {}, opts);

    // The StackReferences are the stack's reads of other stacks, not parts of this component: no parent.
    const { stackOrganization } = args.replication;
    const targets = pulumi.all(
      args.replication.targets.map((environment) =>
        readEnvironmentStack(stackOrganization, environment).apply((target) =>
          admittedReplicationTarget(environmentStackName(stackOrganization, environment), roleArn(args.location, args.names.role), target),
        ),
      ),
    );
    const { source } = args;

    const fn = new PlatformFunction(
      name,
      {
        ...args,
        description: `Applies ${args.environment} configuration changes to ${args.replication.targets.join(' and ')}`,
        environmentVariables: pulumi
          .all([source.table.tableName, source.bucket.bucketName, args.deadLetterQueue.queueUrl, targets])
          .apply(([sourceTableName, sourceBucketName, deadLetterQueueUrl, resolved]) =>
            replicatorVariables({
              environment: args.environment,
              sourceTableName,
              sourceBucketName,
              configPrefix: DEFAULT_CONFIG_PREFIX,
              deadLetterQueueUrl,
              targets: resolved.map((target) => replicationTargetFor(args.location, target)),
              retry: args.replication.retry,
            }),
          ),
        permissions: pulumi
          .all([source.bucket.bucketArn, source.table.tableArn, source.key.keyArn, targets])
          .apply(([bucketArn, tableArn, encryptionKeyArn, resolved]) => replicatorStatements({ bucketArn, tableArn, encryptionKeyArn }, resolved)),
      },
      { parent: this },
    );

    const rule = new aws.cloudwatch.EventRule(
      `${name}-rule`,
      {
        name: args.ruleName,
        description: `ConfigurationChanged events of ${args.environment} in account ${args.location.accountId}, to the replicator`,
        eventBusName: CONFIGURATION_EVENT_BUS,
        eventPattern: JSON.stringify(replicationRulePattern({ sourceEnvironment: args.environment, accountId: args.location.accountId })),
        state: 'ENABLED',
      },
      { parent: this },
    );
    const ruleInvoke = new aws.lambda.Permission(
      `${name}-rule-invoke`,
      { action: 'lambda:InvokeFunction', function: fn.functionName, principal: 'events.amazonaws.com', sourceArn: rule.arn },
      { parent: this },
    );
    new aws.cloudwatch.EventTarget(
      `${name}-rule-target`,
      {
        rule: rule.name,
        eventBusName: CONFIGURATION_EVENT_BUS,
        targetId: 'replicator',
        arn: fn.functionArn,
        retryPolicy: {
          maximumRetryAttempts: args.replication.rule.maximumRetryAttempts,
          maximumEventAgeInSeconds: args.replication.rule.maximumEventAgeSeconds,
        },
        deadLetterConfig: { arn: args.deadLetterQueue.queueArn },
      },
      { parent: this, dependsOn: [ruleInvoke] },
    );

    this.functionArn = fn.functionArn;
    this.ruleArn = rule.arn;
    this.registerOutputs({ functionArn: this.functionArn, ruleArn: this.ruleArn });
  }
}
