import * as pulumi from '@pulumi/pulumi';
import type { LambdaFunctionName } from '@data-platform/replication-contract';
import { loadEnvironmentConfig } from './config/load-environment-config';
import { EnvironmentModule } from './environment-module';
import { locateLambdaBundles } from './functions/lambda-bundle';
import { type EnvironmentStackExports, environmentStackName, readEnvironmentStack } from './outputs/environment-stack-reference';
import { platformProvider } from './tagging/platform-provider';

/**
 * The whole program of an environment stack. Reads and validates the stack config
 * and checks the Lambda bundles before creating anything; then builds the explicit
 * AWS provider, prod's StackReferences to its targets, and one EnvironmentModule,
 * and returns the stack output contract for the app to export.
 */
export function defineEnvironmentStack(): EnvironmentStackExports {
  const organization = pulumi.getOrganization();
  const config = loadEnvironmentConfig({ config: pulumi.runtime.allConfig(), organization });
  const functions: LambdaFunctionName[] = config.replication === undefined ? ['monitor'] : ['monitor', 'replicator'];
  const bundles = locateLambdaBundles(functions, {
    cwd: process.cwd(),
    ...(config.lambdaBundleRoot === undefined ? {} : { bundleRoot: config.lambdaBundleRoot }),
  });

  const provider = platformProvider(`aws-${config.environment}`, config);
  const replicationTargets = (config.replication?.targets ?? []).map((environment) => {
    const stackOrganization = config.replication?.stackOrganization ?? organization;
    return {
      stack: environmentStackName(stackOrganization, environment),
      environment,
      outputs: readEnvironmentStack(stackOrganization, environment),
    };
  });
  const platform = new EnvironmentModule(`data-platform-${config.environment}`, { config, bundles, replicationTargets }, { providers: [provider] });
  return platform.stackOutputs();
}
