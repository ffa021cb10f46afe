import * as aws from '@pulumi/aws';
import { type ResourceValidationPolicy, validateResourceOfType } from '@pulumi/policy';

/** Dead-lettered changes carry configuration data; queues encrypt them at rest. */
export const sqsQueueEncryption: ResourceValidationPolicy = {
  name: 'sqs-queue-encryption',
  description: 'Every SQS queue is encrypted at rest, with a KMS key (kmsMasterKeyId) or SQS-managed keys (sqsManagedSseEnabled).',
  enforcementLevel: 'mandatory',
  validateResource: validateResourceOfType(aws.sqs.Queue, (queue, args, reportViolation) => {
    const kms = typeof queue.kmsMasterKeyId === 'string' && queue.kmsMasterKeyId !== '';
    if (!kms && queue.sqsManagedSseEnabled !== true) {
      reportViolation(`SQS queue ${args.name} is not encrypted; set kmsMasterKeyId or sqsManagedSseEnabled: true.`);
    }
  }),
};
