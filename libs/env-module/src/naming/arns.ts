import { CONFIGURATION_EVENT_BUS } from '@data-platform/replication-contract';
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

export { parseArn, type ParsedArn } from '@data-platform/replication-contract';
