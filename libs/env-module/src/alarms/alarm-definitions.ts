import type { LambdaFunctionName } from '@data-platform/replication-contract';
import type { AlarmSettings } from '../config/environment-config';
import type { ResourceNames } from '../naming/resource-names';

/** One CloudWatch alarm: more than `threshold` of a metric in a period, for `evaluationPeriods` periods. */
export interface AlarmDefinition {
  readonly name: string;
  readonly description: string;
  readonly namespace: 'AWS/SQS' | 'AWS/Lambda';
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly statistic: 'Maximum' | 'Sum';
  readonly threshold: number;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
}

/**
 * The environment's alarms: anything waiting in the DLQ (a change that was not
 * applied somewhere) and any function error. Each publishes to the failure topic.
 */
export function alarmDefinitions(
  names: ResourceNames,
  functions: readonly LambdaFunctionName[],
  settings: AlarmSettings,
): AlarmDefinition[] {
  const window = { periodSeconds: settings.periodSeconds, evaluationPeriods: settings.evaluationPeriods };
  return [
    {
      name: names.deadLetterQueueDepthAlarm,
      description: `Messages are waiting in ${names.deadLetterQueue}: changes that were not processed or replicated. Inspect and redrive them.`,
      namespace: 'AWS/SQS',
      metricName: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: names.deadLetterQueue },
      statistic: 'Maximum',
      threshold: settings.deadLetterQueueDepthThreshold,
      ...window,
    },
    ...functions.map(
      (fn): AlarmDefinition => ({
        name: names.functions[fn].errorsAlarm,
        description: `The ${fn} function ${names.functions[fn].function} reported errors; see its log group ${names.functions[fn].logGroup}.`,
        namespace: 'AWS/Lambda',
        metricName: 'Errors',
        dimensions: { FunctionName: names.functions[fn].function },
        statistic: 'Sum',
        threshold: settings.functionErrorsThreshold,
        ...window,
      }),
    ),
  ];
}
