import * as aws from '@pulumi/aws';
import { type ResourceValidationPolicy, validateResourceOfType } from '@pulumi/policy';

export const DEFAULT_MAX_TIMEOUT_SECONDS = 300;
/** What Lambda uses when a function sets no timeout. */
const LAMBDA_DEFAULT_TIMEOUT_SECONDS = 3;

export interface LambdaTimeoutConfig {
  readonly maxTimeoutSeconds?: number;
}

/** Retry budgets nest inside the function timeout (DESIGN.md), which stays at most 5 minutes. */
export const lambdaTimeout: ResourceValidationPolicy = {
  name: 'lambda-timeout',
  description: `Every Lambda function has a timeout of at most ${DEFAULT_MAX_TIMEOUT_SECONDS} seconds.`,
  enforcementLevel: 'mandatory',
  configSchema: {
    properties: { maxTimeoutSeconds: { type: 'integer', minimum: 1, maximum: 900, default: DEFAULT_MAX_TIMEOUT_SECONDS } },
  },
  validateResource: validateResourceOfType(aws.lambda.Function, (fn, args, reportViolation) => {
    const max = args.getConfig<LambdaTimeoutConfig>().maxTimeoutSeconds ?? DEFAULT_MAX_TIMEOUT_SECONDS;
    const timeout = fn.timeout ?? LAMBDA_DEFAULT_TIMEOUT_SECONDS;
    if (timeout > max) {
      reportViolation(`Lambda function ${args.name} has a timeout of ${timeout} s; the platform allows at most ${max} s.`);
    }
  }),
};
