import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ENVIRONMENT_DEFAULTS, findWorkspaceRoot } from '@data-platform/env-module';
import { ENVIRONMENT_NAMES, LAMBDA_BUNDLE_ROOT, LAMBDA_FUNCTIONS, monitorVariables } from '@data-platform/replication-contract';
import { RESOURCE_TYPE } from '@data-platform/planned-stacks';
import { functionsOf, functionComponent, arnOf } from './stack-vocabulary';
import { planStacksBeforeAll } from './committed-stacks';

const stacks = planStacksBeforeAll();

describe('functions', () => {
  it.each(ENVIRONMENT_NAMES)('%s runs Node.js 24 on arm64 from the built bundle, within 300 s, logging JSON to a log group with retention', async (environment) => {
    const stack = stacks[environment];
    const workspace = findWorkspaceRoot(process.cwd()) ?? '';
    for (const fn of functionsOf(environment)) {
      const component = functionComponent(fn);
      const resource = stack.find(RESOURCE_TYPE.lambdaFunction, component);
      const logGroup = stack.find(RESOURCE_TYPE.logGroup, `${component}-logs`);
      const settings = ENVIRONMENT_DEFAULTS[fn];
      expect(resource.inputs).toMatchObject({
        name: `acme-config-${fn}-${environment}`,
        runtime: 'nodejs24.x',
        architectures: ['arm64'],
        handler: LAMBDA_FUNCTIONS[fn].handler,
        timeout: settings.timeoutSeconds,
        memorySize: settings.memoryMb,
        role: arnOf(stack, RESOURCE_TYPE.role, `${component}-role`),
        loggingConfig: { logFormat: 'JSON', logGroup: `/aws/lambda/acme-config-${fn}-${environment}`, applicationLogLevel: 'INFO', systemLogLevel: 'WARN' },
      });
      expect(resource.inputs['timeout']).toBeLessThanOrEqual(300);
      expect(logGroup.inputs).toEqual({ name: `/aws/lambda/acme-config-${fn}-${environment}`, retentionInDays: environment === 'prod' ? 90 : 30 });
      // The archive is the esbuild output directory, never the TypeScript sources.
      const archivePath = await (resource.inputs['code'] as { path: Promise<string> }).path;
      expect(resolve(process.cwd(), archivePath)).toBe(join(workspace, LAMBDA_BUNDLE_ROOT, LAMBDA_FUNCTIONS[fn].bundleDirectory));
      expect(existsSync(join(workspace, LAMBDA_BUNDLE_ROOT, LAMBDA_FUNCTIONS[fn].bundleDirectory, LAMBDA_FUNCTIONS[fn].entryFile))).toBe(true);
    }
  });

  it.each(ENVIRONMENT_NAMES)('%s gives the monitor exactly the variables the contract defines, and source-mapped stack traces', (environment) => {
    const stack = stacks[environment];
    expect(stack.find(RESOURCE_TYPE.lambdaFunction, 'monitor').inputs['environment']).toEqual({
      variables: {
        ...monitorVariables({ environment, eventBusName: 'default', configPrefix: 'config/', deadLetterQueueUrl: String(stack.outputs['deadLetterQueueUrl']) }),
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
  });

  it.each(ENVIRONMENT_NAMES)('%s feeds the monitor from the table stream, reporting partial failures, bisecting, bounded, then the DLQ', (environment) => {
    const stack = stacks[environment];
    expect(stack.find(RESOURCE_TYPE.eventSourceMapping, 'monitor-table-stream').inputs).toEqual({
      eventSourceArn: stack.state(stack.find(RESOURCE_TYPE.table, 'metadata'), 'streamArn'),
      functionName: arnOf(stack, RESOURCE_TYPE.lambdaFunction, 'monitor'),
      startingPosition: 'TRIM_HORIZON',
      batchSize: 100,
      maximumBatchingWindowInSeconds: 1,
      functionResponseTypes: ['ReportBatchItemFailures'],
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 5,
      maximumRecordAgeInSeconds: 3_600,
      destinationConfig: { onFailure: { destinationArn: stack.outputs['deadLetterQueueArn'] } },
    });
  });

  it.each(ENVIRONMENT_NAMES)('%s sends failed asynchronous invocations of every function to the DLQ', (environment) => {
    const stack = stacks[environment];
    expect(stack.ofType(RESOURCE_TYPE.asyncInvokeConfig)).toHaveLength(functionsOf(environment).length);
    for (const fn of functionsOf(environment)) {
      expect(stack.find(RESOURCE_TYPE.asyncInvokeConfig, `${functionComponent(fn)}-async-invoke`).inputs).toEqual({
        functionName: `acme-config-${fn}-${environment}`,
        maximumRetryAttempts: 2,
        maximumEventAgeInSeconds: 3_600,
        destinationConfig: { onFailure: { destination: stack.outputs['deadLetterQueueArn'] } },
      });
    }
  });
});
