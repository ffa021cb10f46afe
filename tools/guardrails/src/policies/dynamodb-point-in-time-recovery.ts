import * as aws from '@pulumi/aws';
import { type ResourceValidationPolicy, validateResourceOfType } from '@pulumi/policy';

/** Every table can be restored to any second of the last 35 days. */
export const dynamodbPointInTimeRecovery: ResourceValidationPolicy = {
  name: 'dynamodb-point-in-time-recovery',
  description: 'Every DynamoDB table enables point-in-time recovery.',
  enforcementLevel: 'mandatory',
  validateResource: validateResourceOfType(aws.dynamodb.Table, (table, args, reportViolation) => {
    if (table.pointInTimeRecovery?.enabled !== true) {
      reportViolation(`DynamoDB table ${args.name} does not enable point-in-time recovery (pointInTimeRecovery.enabled).`);
    }
  }),
};
