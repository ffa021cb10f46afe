import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { EnvironmentName } from '@data-platform/replication-contract';
import type { AsyncInvokeSettings, EnvironmentLocation, FunctionSettings } from '../config/environment-config';
import { componentType } from '../component-type';
import type { DeadLetterDestination } from '../dead-letter/dead-letter-queue';
import { functionBaselineStatements } from '../iam/function-baseline-permissions';
import { lambdaTrustPolicy } from '../iam/lambda-trust-policy';
import { policyDocument, type PolicyStatement } from '../iam/policy-document';
import type { FunctionNames } from '../naming/resource-names';
import type { LambdaBundle } from './lambda-bundle';

/** The bundles ship source maps; Node uses them for stack traces only when told to. */
export const RUNTIME_VARIABLES = { NODE_OPTIONS: '--enable-source-maps' } as const;

/** What each of an environment's functions (monitor, replicator) is deployed with. */
export interface EnvironmentFunctionArgs {
  readonly environment: EnvironmentName;
  readonly location: EnvironmentLocation;
  readonly names: FunctionNames;
  readonly bundle: LambdaBundle;
  readonly settings: FunctionSettings;
  readonly logRetentionDays: number;
  readonly asyncInvoke: AsyncInvokeSettings;
  /** Where the function, and Lambda on its behalf, send what could not be processed. */
  readonly deadLetterQueue: DeadLetterDestination;
}

/** An environment function, with what it is for, what it is told and what it may do. */
export interface PlatformFunctionArgs extends EnvironmentFunctionArgs {
  readonly description: string;
  readonly environmentVariables: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** What this function does beyond writing its logs and dead letters. */
  readonly permissions: pulumi.Input<readonly PolicyStatement[]>;
}

/**
 * One Lambda function as this platform runs them: Node.js 24 on arm64 from its
 * esbuild bundle, its own role (least privilege, inline), its own log group with
 * retention, JSON logs, and asynchronous invocations that end in the DLQ.
 */
export class PlatformFunction extends pulumi.ComponentResource {
  readonly functionName: pulumi.Output<string>;
  readonly functionArn: pulumi.Output<string>;
  readonly roleArn: pulumi.Output<string>;
  readonly logGroupName: pulumi.Output<string>;

  constructor(name: string, args: PlatformFunctionArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('PlatformFunction'), name, {}, opts);

    // Created here rather than by Lambda, so it has a retention and the platform's tags.
    const logGroup = new aws.cloudwatch.LogGroup(
      `${name}-logs`,
      { name: args.names.logGroup, retentionInDays: args.logRetentionDays },
      { parent: this },
    );
    const role = new aws.iam.Role(
      `${name}-role`,
      { name: args.names.role, description: args.description, assumeRolePolicy: JSON.stringify(lambdaTrustPolicy(args.location.accountId)) },
      { parent: this },
    );
    const rolePolicy = new aws.iam.RolePolicy(
      `${name}-permissions`,
      {
        role: role.name,
        name: 'least-privilege',
        policy: pulumi
          .all([logGroup.arn, args.deadLetterQueue.queueArn, args.permissions])
          .apply(([logGroupArn, deadLetterQueueArn, permissions]) =>
            JSON.stringify(policyDocument([...functionBaselineStatements({ logGroupArn, deadLetterQueueArn }), ...permissions])),
          ),
      },
      { parent: this },
    );
    const fn = new aws.lambda.Function(
      name,
      {
        name: args.names.function,
        description: args.description,
        runtime: aws.lambda.Runtime.NodeJS24dX,
        architectures: ['arm64'],
        handler: args.bundle.handler,
        code: new pulumi.asset.FileArchive(args.bundle.directory),
        role: role.arn,
        timeout: args.settings.timeoutSeconds,
        memorySize: args.settings.memoryMb,
        environment: { variables: pulumi.output(args.environmentVariables).apply((variables) => ({ ...variables, ...RUNTIME_VARIABLES })) },
        loggingConfig: { logFormat: 'JSON', logGroup: logGroup.name, applicationLogLevel: 'INFO', systemLogLevel: 'WARN' },
      },
      // Triggers (event source mapping, invoke config) check the role's permissions when
      // created; they depend on the function, so waiting here makes them wait too.
      { parent: this, dependsOn: [rolePolicy] },
    );
    new aws.lambda.FunctionEventInvokeConfig(
      `${name}-async-invoke`,
      {
        functionName: fn.name,
        maximumRetryAttempts: args.asyncInvoke.maximumRetryAttempts,
        maximumEventAgeInSeconds: args.asyncInvoke.maximumEventAgeSeconds,
        destinationConfig: { onFailure: { destination: args.deadLetterQueue.queueArn } },
      },
      { parent: this },
    );

    this.functionName = fn.name;
    this.functionArn = fn.arn;
    this.roleArn = role.arn;
    this.logGroupName = logGroup.name;
    this.registerOutputs({ functionName: this.functionName, functionArn: this.functionArn, roleArn: this.roleArn, logGroupName: this.logGroupName });
  }
}
