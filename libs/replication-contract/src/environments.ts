/** The environments the platform knows. Production is the source of configuration. */
export const ENVIRONMENT_NAMES = ['dev', 'staging', 'prod'] as const;

export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

/** The environment whose changes are replicated to every other one. */
export const SOURCE_ENVIRONMENT: EnvironmentName = 'prod';

export function isEnvironmentName(value: unknown): value is EnvironmentName {
  return typeof value === 'string' && (ENVIRONMENT_NAMES as readonly string[]).includes(value);
}
