import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '../component-type';
import type { EncryptingKey } from '../encryption/environment-key';
import { replicationTopicPolicy } from './topic-policy';

export interface ReplicationTopicsArgs {
  readonly successTopicName: string;
  readonly failureTopicName: string;
  readonly accountId: string;
  /** The environment's alarms publish to the failure topic. */
  readonly alarmArnPattern: string;
  readonly key: EncryptingKey;
}

/**
 * Where operators hear about replication into this environment: the replicator
 * publishes each outcome to `replication-success` or `replication-failure`, and
 * the environment's alarms publish to the failure topic too. Both encrypted.
 */
export class ReplicationTopics extends pulumi.ComponentResource {
  readonly successTopicArn: pulumi.Output<string>;
  readonly failureTopicArn: pulumi.Output<string>;

  constructor(name: string, args: ReplicationTopicsArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('ReplicationTopics'), name, {}, opts);

    const topic = (purpose: 'success' | 'failure', topicName: string, alarms: boolean): aws.sns.Topic => {
      const created = new aws.sns.Topic(`${name}-${purpose}`, { name: topicName, kmsMasterKeyId: args.key.keyArn }, { parent: this });
      new aws.sns.TopicPolicy(
        `${name}-${purpose}-policy`,
        {
          arn: created.arn,
          policy: created.arn.apply((topicArn) =>
            JSON.stringify(
              replicationTopicPolicy({
                topicArn,
                alarms: alarms ? { accountId: args.accountId, alarmArnPattern: args.alarmArnPattern } : undefined,
                crossAccountReplicatorRoleArn: args.key.crossAccountReplicatorRoleArn,
              }),
            ),
          ),
        },
        { parent: this },
      );
      return created;
    };
    const success = topic('success', args.successTopicName, false);
    const failure = topic('failure', args.failureTopicName, true);

    this.successTopicArn = success.arn;
    this.failureTopicArn = failure.arn;
    this.registerOutputs({ successTopicArn: this.successTopicArn, failureTopicArn: this.failureTopicArn });
  }
}
