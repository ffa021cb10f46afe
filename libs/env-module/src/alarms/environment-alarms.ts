import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '../component-type';
import type { ReplicationTopics } from '../notifications/replication-topics';
import type { AlarmDefinition } from './alarm-definitions';

export interface EnvironmentAlarmsArgs {
  readonly definitions: readonly AlarmDefinition[];
  /** Alarms and recoveries are published to the failure topic. */
  readonly topics: Pick<ReplicationTopics, 'failureTopicArn'>;
  /** The resources the alarms watch, so alarms are made after them and removed before them. */
  readonly watched: readonly pulumi.Resource[];
}

export class EnvironmentAlarms extends pulumi.ComponentResource {
  constructor(name: string, args: EnvironmentAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('EnvironmentAlarms'), name, {}, opts);

    for (const definition of args.definitions) {
      new aws.cloudwatch.MetricAlarm(
        `${name}-${definition.name}`,
        {
          name: definition.name,
          alarmDescription: definition.description,
          namespace: definition.namespace,
          metricName: definition.metricName,
          dimensions: { ...definition.dimensions },
          statistic: definition.statistic,
          period: definition.periodSeconds,
          evaluationPeriods: definition.evaluationPeriods,
          threshold: definition.threshold,
          comparisonOperator: 'GreaterThanThreshold',
          // No datapoints means no messages and no invocations: healthy. Periods are whole minutes
          // (the loader's rule): a shorter one would also see the gaps between one-minute datapoints.
          treatMissingData: 'notBreaching',
          alarmActions: [args.topics.failureTopicArn],
          okActions: [args.topics.failureTopicArn],
        },
        { parent: this, dependsOn: [...args.watched] },
      );
    }
    this.registerOutputs({});
  }
}
