import {
  CONFIGURATION_CHANGED_DETAIL_TYPE,
  CONFIGURATION_CHANGED_SCHEMA_VERSION,
  configurationChangedSource,
} from './configuration-changed';
import type { EnvironmentName } from './environments';

/** An EventBridge event pattern: nested objects whose leaves are arrays of allowed values. */
export interface EventPattern {
  readonly [field: string]: readonly (string | number)[] | EventPattern;
}

/**
 * The pattern of the rule that triggers replication. It matches only events whose
 * source is the source environment's monitor (which only that monitor's role may
 * put: configurationChangedSource), only when put by the source account (`account`
 * is set by EventBridge, not by the sender), and only about the source environment,
 * so the dev and staging monitors' events about the replicator's own writes never match.
 */
export function replicationRulePattern(options: {
  sourceEnvironment: EnvironmentName;
  accountId: string;
}): EventPattern {
  return {
    source: [configurationChangedSource(options.sourceEnvironment)],
    'detail-type': [CONFIGURATION_CHANGED_DETAIL_TYPE],
    account: [options.accountId],
    detail: {
      schemaVersion: [CONFIGURATION_CHANGED_SCHEMA_VERSION],
      environment: [options.sourceEnvironment],
    },
  };
}
