import * as pulumi from '@pulumi/pulumi';
import { loadEnvironmentConfig } from './config/load-environment-config';
import { EnvironmentModule } from './environment-module';
import { deployedFunctions } from './functions/deployed-functions';
import { locateLambdaBundles } from './functions/lambda-bundle';
import type { EnvironmentStackExports } from './outputs/environment-stack-reference';
import { platformProvider } from './tagging/platform-provider';

/**
 * The whole program of an environment stack. Reads and validates the stack config
 * and checks the Lambda bundles before creating anything; then builds the explicit
 * AWS provider and one EnvironmentModule (which, in prod, reads its targets' stacks),
 * and returns the stack output contract for the app to export.
 */
export function defineEnvironmentStack(): EnvironmentStackExports {
  const config = loadEnvironmentConfig({
    config: pulumi.runtime.allConfig(),
    organization: pulumi.getOrganization(),
    runningStack: { project: pulumi.getProject(), stack: pulumi.getStack() },
  });
  const bundles = locateLambdaBundles(deployedFunctions(config), { cwd: process.cwd(), bundleRoot: config.lambdaBundleRoot });
  const provider = platformProvider(`aws-${config.environment}`, config);
  const platform = new EnvironmentModule(`data-platform-${config.environment}`, { config, bundles }, { providers: [provider] });
  return platform.stackOutputs();
}
