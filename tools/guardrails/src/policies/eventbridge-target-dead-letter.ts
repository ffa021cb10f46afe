import * as aws from '@pulumi/aws';
import { type ResourceValidationPolicy, validateResourceOfType } from '@pulumi/policy';

/** An event the target cannot take after its retries lands in a queue, not on the floor. */
export const eventbridgeTargetDeadLetter: ResourceValidationPolicy = {
  name: 'eventbridge-target-dead-letter',
  description: 'Every EventBridge rule target has a dead-letter queue (deadLetterConfig.arn).',
  enforcementLevel: 'mandatory',
  validateResource: validateResourceOfType(aws.cloudwatch.EventTarget, (target, args, reportViolation) => {
    const arn = target.deadLetterConfig?.arn;
    if (typeof arn !== 'string' || arn === '') {
      reportViolation(`EventBridge target ${args.name} has no dead-letter queue; set deadLetterConfig.arn.`);
    }
  }),
};
