import type { LambdaFunctionName } from '@data-platform/replication-contract';
import type { EnvironmentConfig } from '../config/environment-config';

/** The functions an environment runs: the monitor everywhere, the replicator where it replicates. */
export function deployedFunctions(config: Pick<EnvironmentConfig, 'replication'>): LambdaFunctionName[] {
  return config.replication === undefined ? ['monitor'] : ['monitor', 'replicator'];
}
