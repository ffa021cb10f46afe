import type { EnvironmentName } from '@data-platform/replication-contract';

/**
 * One resource's settings as `setting -> value`, both spelled the same way whether
 * they were read from AWS or from the offline plan, so that comparing two of them is
 * comparing two maps. A setting that is absent is not set (no lifecycle rule of that
 * id, no such tag, no bucket policy statement of that Sid).
 */
export type Settings = Readonly<Record<string, string>>;

export interface ResourceSettings {
  /** `table acme-metadata-dev`, `bucket acme-data-dev-eu-west-1-111111111111`. */
  readonly resource: string;
  readonly settings: Settings;
}

/** The stateful resources of one environment whose settings drift is checked for. */
export interface EnvironmentInfrastructure {
  readonly environment: EnvironmentName;
  readonly table: ResourceSettings;
  readonly bucket: ResourceSettings;
}

/**
 * The settings the platform promises are the same in dev, staging and prod: the
 * table's schema and capacity mode and the bucket's data-handling rules. Names,
 * ARNs, keys, policies, tags and deletion protection (prod only) differ by design
 * and are compared with what the program declares for each environment instead.
 */
const SAME_IN_EVERY_ENVIRONMENT = [
  /^keySchema$/,
  /^attributes$/,
  /^(global|local) secondary index /,
  /^billingMode$/,
  /^stream$/,
  /^pointInTimeRecovery$/,
  /^encryption$/,
  /^versioning$/,
  /^lifecycle rule /,
  /^publicAccessBlock$/,
  /^objectOwnership$/,
];

export function isSameInEveryEnvironment(setting: string): boolean {
  return SAME_IN_EVERY_ENVIRONMENT.some((pattern) => pattern.test(setting));
}

/** Settings that name one resource of the environment (its key, its policy, its tags). */
export const TAG_SETTING_PREFIX = 'tag ';
export const POLICY_STATEMENT_PREFIX = 'policy statement ';
