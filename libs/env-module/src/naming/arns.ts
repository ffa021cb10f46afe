import type { EnvironmentLocation } from '../config/environment-config';

/**
 * ARNs this module must write before (or without) the resource existing: for
 * names in IAM conditions and in other accounts' resource policies.
 */
export function roleArn(location: Pick<EnvironmentLocation, 'partition' | 'accountId'>, roleName: string): string {
  return `arn:${location.partition}:iam::${location.accountId}:role/${roleName}`;
}

export function accountRootArn(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:root`;
}

// TODO(lead): use CONFIGURATION_EVENT_BUS from @data-platform/replication-contract once it is there, and drop this one.
/** The bus the monitors put ConfigurationChanged events on and prod's rule reads: the account's default bus. */
export const CONFIGURATION_EVENT_BUS = 'default';

export function configurationEventBusArn({ partition, region, accountId }: EnvironmentLocation): string {
  return `arn:${partition}:events:${region}:${accountId}:event-bus/${CONFIGURATION_EVENT_BUS}`;
}

export function eventRuleArn({ partition, region, accountId }: EnvironmentLocation, ruleName: string): string {
  return `arn:${partition}:events:${region}:${accountId}:rule/${ruleName}`;
}

export function alarmArn({ partition, region, accountId }: EnvironmentLocation, alarmName: string): string {
  return `arn:${partition}:cloudwatch:${region}:${accountId}:alarm:${alarmName}`;
}

/** The streams of a log group, as `logs:CreateLogStream` and `logs:PutLogEvents` name them. */
export function logStreamsArn(logGroupArn: string): string {
  return `${logGroupArn.replace(/:\*$/, '')}:log-stream:*`;
}

/** The parts of an ARN: `arn:partition:service:region:account:resource`. */
export interface ParsedArn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly accountId: string;
  readonly resource: string;
}

export function parseArn(arn: string): ParsedArn | undefined {
  const match = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|):(.+)$/.exec(arn);
  if (match === null) {
    return undefined;
  }
  const [, partition, service, region, accountId, resource] = match;
  return { partition, service, region, accountId, resource };
}
