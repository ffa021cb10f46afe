import type { EnvironmentConfig } from '../config/environment-config';

/** The tags every taggable resource carries, through the provider's default tags. */
export const REQUIRED_TAG_KEYS = ['Environment', 'Project', 'ManagedBy'] as const;

export type PlatformTags = Readonly<Record<(typeof REQUIRED_TAG_KEYS)[number], string>>;

export function platformTags(config: Pick<EnvironmentConfig, 'environment' | 'project'>): PlatformTags {
  return { Environment: config.environment, Project: config.project, ManagedBy: 'pulumi' };
}
