import type { Policies } from '@pulumi/policy';
import { dynamodbOnDemandBilling } from './dynamodb-on-demand-billing';
import { dynamodbPointInTimeRecovery } from './dynamodb-point-in-time-recovery';
import { eventbridgeTargetDeadLetter } from './eventbridge-target-dead-letter';
import { iamLeastPrivilege } from './iam-least-privilege';
import { iamNamedActions } from './iam-named-actions';
import { lambdaRuntime } from './lambda-runtime';
import { lambdaTimeout } from './lambda-timeout';
import { providerDefaultTags, requiredTags } from './required-tags';
import { s3BucketEncryption } from './s3-bucket-encryption';
import { s3BucketLifecycle } from './s3-bucket-lifecycle';
import { s3BucketPublicAccessBlock } from './s3-bucket-public-access-block';
import { s3BucketTlsOnly } from './s3-bucket-tls-only';
import { s3BucketVersioning } from './s3-bucket-versioning';
import { snsTopicEncryption } from './sns-topic-encryption';
import { sqsQueueEncryption } from './sqs-queue-encryption';

/** Every guardrail of the platform, in the order the pack serves and the plan reports them. */
export const guardrailPolicies: Policies = [
  s3BucketVersioning,
  s3BucketLifecycle,
  s3BucketPublicAccessBlock,
  s3BucketEncryption,
  s3BucketTlsOnly,
  dynamodbOnDemandBilling,
  dynamodbPointInTimeRecovery,
  lambdaTimeout,
  lambdaRuntime,
  sqsQueueEncryption,
  snsTopicEncryption,
  eventbridgeTargetDeadLetter,
  iamLeastPrivilege,
  iamNamedActions,
  requiredTags,
];

export {
  dynamodbOnDemandBilling,
  dynamodbPointInTimeRecovery,
  eventbridgeTargetDeadLetter,
  iamLeastPrivilege,
  iamNamedActions,
  lambdaRuntime,
  lambdaTimeout,
  providerDefaultTags,
  requiredTags,
  s3BucketEncryption,
  s3BucketLifecycle,
  s3BucketPublicAccessBlock,
  s3BucketTlsOnly,
  s3BucketVersioning,
  snsTopicEncryption,
  sqsQueueEncryption,
};
