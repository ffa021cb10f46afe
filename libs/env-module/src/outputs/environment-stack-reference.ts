import * as pulumi from '@pulumi/pulumi';
import type { EnvironmentName } from '@data-platform/replication-contract';
import { type EnvironmentStackOutputs, parseEnvironmentStackOutputs } from './environment-stack-outputs';

/** What a program exports: each contract field as an Output (`replicationRuleArn` only where it exists). */
export type EnvironmentStackExports = {
  readonly [K in keyof EnvironmentStackOutputs]: pulumi.Output<NonNullable<EnvironmentStackOutputs[K]>>;
};

/** A Pulumi stack, without its organization. */
export interface StackIdentity {
  readonly project: string;
  readonly stack: string;
}

/** Each environment is its own Pulumi project `infra-<env>` with one stack named `<env>`. */
export function environmentStackOf(environment: EnvironmentName): StackIdentity {
  return { project: `infra-${environment}`, stack: environment };
}

export function environmentStackName(organization: string, environment: EnvironmentName): string {
  const { project, stack } = environmentStackOf(environment);
  return `${organization}/${project}/${stack}`;
}

/**
 * Reads another environment's stack, typed by the output contract and validated
 * against it: a missing or malformed output fails the preview with a message
 * naming the stack and the output, instead of deploying a broken replicator.
 */
export function readEnvironmentStack(
  organization: string,
  environment: EnvironmentName,
  opts?: pulumi.CustomResourceOptions,
): pulumi.Output<EnvironmentStackOutputs> {
  const name = environmentStackName(organization, environment);
  const reference = new pulumi.StackReference(name, { name }, opts);
  return reference.outputs.apply((raw) => parseEnvironmentStackOutputs(name, environment, raw));
}
