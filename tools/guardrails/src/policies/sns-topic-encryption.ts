import * as aws from '@pulumi/aws';
import { type ResourceValidationPolicy, validateResourceOfType } from '@pulumi/policy';

/** SNS does not encrypt topics unless told to: every topic names a KMS key. */
export const snsTopicEncryption: ResourceValidationPolicy = {
  name: 'sns-topic-encryption',
  description: 'Every SNS topic is encrypted at rest with a KMS key (kmsMasterKeyId, for example alias/aws/sns).',
  enforcementLevel: 'mandatory',
  validateResource: validateResourceOfType(aws.sns.Topic, (topic, args, reportViolation) => {
    if (typeof topic.kmsMasterKeyId !== 'string' || topic.kmsMasterKeyId === '') {
      reportViolation(`SNS topic ${args.name} is not encrypted; set kmsMasterKeyId (for example alias/aws/sns).`);
    }
  }),
};
