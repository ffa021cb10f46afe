import * as aws from '@pulumi/aws';
import { type ResourceValidationPolicy, validateResourceOfType } from '@pulumi/policy';

/**
 * Node.js runtimes Lambda supports and has not deprecated, as of 2026-11
 * (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html): nodejs20.x was
 * deprecated on 2026-04-30; nodejs22.x is scheduled for deprecation on 2027-04-30,
 * after which it should leave this list.
 */
export const SUPPORTED_NODEJS_RUNTIMES = ['nodejs22.x', 'nodejs24.x'] as const;

export interface LambdaRuntimeConfig {
  readonly supportedRuntimes?: readonly string[];
}

/** Functions run on a Node.js runtime that still gets security updates and can still be deployed. */
export const lambdaRuntime: ResourceValidationPolicy = {
  name: 'lambda-runtime',
  description: `Every zip-packaged Lambda function uses a supported, non-deprecated Node.js runtime (${SUPPORTED_NODEJS_RUNTIMES.join(', ')}).`,
  enforcementLevel: 'mandatory',
  configSchema: {
    properties: { supportedRuntimes: { type: 'array', items: { type: 'string' }, default: [...SUPPORTED_NODEJS_RUNTIMES] } },
  },
  validateResource: validateResourceOfType(aws.lambda.Function, (fn, args, reportViolation) => {
    if (fn.packageType === 'Image') {
      // A container image brings its own runtime.
      return;
    }
    const supported = args.getConfig<LambdaRuntimeConfig>().supportedRuntimes ?? SUPPORTED_NODEJS_RUNTIMES;
    const runtime = fn.runtime === undefined ? 'none' : String(fn.runtime);
    if (!supported.includes(runtime)) {
      reportViolation(`Lambda function ${args.name} uses runtime ${runtime}; use a supported Node.js runtime: ${supported.join(', ')}.`);
    }
  }),
};
