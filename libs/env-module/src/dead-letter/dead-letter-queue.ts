import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { DeadLetterQueueSettings } from '../config/environment-config';
import { componentType } from '../component-type';
import { deadLetterQueuePolicy } from './queue-policy';

/** What a function and its triggers take from the queue: its ARN (IAM, destinations) and its URL (the SDK). */
export type DeadLetterDestination = Pick<DeadLetterQueue, 'queueArn' | 'queueUrl'>;

export interface DeadLetterQueueArgs {
  readonly queueName: string;
  readonly settings: DeadLetterQueueSettings;
  readonly senderRoleArns: readonly string[];
  readonly senderRuleArns: readonly string[];
}

/**
 * Where everything that could not be processed or replicated waits to be
 * redriven: the functions' own dead letters, Lambda's on-failure records and
 * EventBridge's failed deliveries. Encrypted with SSE-SQS, so EventBridge and
 * Lambda can deliver without grants on a customer-managed key.
 */
export class DeadLetterQueue extends pulumi.ComponentResource {
  readonly queueArn: pulumi.Output<string>;
  readonly queueUrl: pulumi.Output<string>;

  constructor(name: string, args: DeadLetterQueueArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('DeadLetterQueue'), name, {}, opts);

    const queue = new aws.sqs.Queue(
      name,
      {
        name: args.queueName,
        sqsManagedSseEnabled: true,
        messageRetentionSeconds: args.settings.messageRetentionDays * 86_400,
      },
      { parent: this },
    );
    new aws.sqs.QueuePolicy(
      `${name}-policy`,
      {
        queueUrl: queue.url,
        policy: queue.arn.apply((queueArn) =>
          JSON.stringify(deadLetterQueuePolicy({ queueArn, senderRoleArns: args.senderRoleArns, senderRuleArns: args.senderRuleArns })),
        ),
      },
      { parent: this },
    );

    this.queueArn = queue.arn;
    this.queueUrl = queue.url;
    this.registerOutputs({ queueArn: this.queueArn, queueUrl: this.queueUrl });
  }
}
