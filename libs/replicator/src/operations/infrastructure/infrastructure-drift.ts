import { type EnvironmentName, SOURCE_ENVIRONMENT } from '@data-platform/replication-contract';
import { type EnvironmentInfrastructure, isSameInEveryEnvironment, type ResourceSettings, type Settings } from './infrastructure-settings';

/**
 * One setting of one environment's table or bucket that is not what it should be:
 * not what the program declares for that environment (`comparedWith: 'declared'`),
 * or, for a setting every environment must share, not what prod has (`'prod'`).
 * `expected` / `actual` absent: the setting is not there (no such rule, tag, statement).
 */
export interface InfrastructureFinding {
  readonly environment: EnvironmentName;
  readonly resource: string;
  readonly setting: string;
  readonly comparedWith: 'declared' | 'prod';
  readonly expected?: string;
  readonly actual?: string;
}

/**
 * Compares the live settings of each environment with what the program declares for
 * it (when a plan is given) and the settings every environment shares with prod's.
 * A setting already reported against its declaration is not reported again against
 * prod: one out-of-band change, one finding.
 */
export function findInfrastructureDrift(request: {
  readonly live: readonly EnvironmentInfrastructure[];
  readonly declared?: readonly EnvironmentInfrastructure[];
}): InfrastructureFinding[] {
  const findings: InfrastructureFinding[] = [];
  for (const live of request.live) {
    const declared = request.declared?.find((candidate) => candidate.environment === live.environment);
    if (declared !== undefined) {
      for (const part of ['table', 'bucket'] as const) {
        findings.push(...differences(live.environment, declared[part], live[part], 'declared'));
      }
    }
  }
  const prod = request.live.find((candidate) => candidate.environment === SOURCE_ENVIRONMENT);
  const reported = new Set(findings.map((finding) => `${finding.environment} ${finding.resource} ${finding.setting}`));
  const reportedFor = (environment: EnvironmentName, resource: ResourceSettings, setting: string): boolean => reported.has(`${environment} ${resource.resource} ${setting}`);
  for (const live of request.live) {
    if (prod === undefined || live === prod) {
      continue;
    }
    for (const part of ['table', 'bucket'] as const) {
      const shared = differences(live.environment, prod[part], live[part], 'prod', isSameInEveryEnvironment);
      findings.push(...shared.filter((finding) => !reportedFor(live.environment, live[part], finding.setting) && !reportedFor(prod.environment, prod[part], finding.setting)));
    }
  }
  return findings;
}

function differences(
  environment: EnvironmentName,
  expected: ResourceSettings,
  actual: ResourceSettings,
  comparedWith: InfrastructureFinding['comparedWith'],
  include: (setting: string) => boolean = () => true,
): InfrastructureFinding[] {
  return settingNames(expected.settings, actual.settings)
    .filter(include)
    .filter((setting) => expected.settings[setting] !== actual.settings[setting])
    .map((setting) => ({
      environment,
      resource: actual.resource,
      setting,
      comparedWith,
      ...(expected.settings[setting] === undefined ? {} : { expected: expected.settings[setting] }),
      ...(actual.settings[setting] === undefined ? {} : { actual: actual.settings[setting] }),
    }));
}

function settingNames(a: Settings, b: Settings): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
