import * as aws from '@pulumi/aws';
import { type ResourceValidationPolicy, validateResourceOfType } from '@pulumi/policy';

/** Tables scale with the replication traffic instead of throttling it. */
export const dynamodbOnDemandBilling: ResourceValidationPolicy = {
  name: 'dynamodb-on-demand-billing',
  description: 'Every DynamoDB table uses on-demand billing (billingMode PAY_PER_REQUEST).',
  enforcementLevel: 'mandatory',
  validateResource: validateResourceOfType(aws.dynamodb.Table, (table, args, reportViolation) => {
    // The provider's default is PROVISIONED.
    const mode = table.billingMode ?? 'PROVISIONED';
    if (mode !== 'PAY_PER_REQUEST') {
      reportViolation(`DynamoDB table ${args.name} uses billing mode ${mode}; it must be PAY_PER_REQUEST (on-demand).`);
    }
  }),
};
