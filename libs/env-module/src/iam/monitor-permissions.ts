import { CONFIGURATION_CHANGED_DETAIL_TYPE, configurationChangedSource, type EnvironmentName } from '@data-platform/replication-contract';
import type { PolicyStatement } from './policy-document';
import { viaServices } from './kms-via-service';

/**
 * Everything the monitor calls, in one place. Its inputs arrive as events (stream
 * records polled by Lambda with this role, S3 notifications pushed to it), so it
 * reads no object or item itself.
 */
export const MONITOR_ACTIONS = {
  readTableStream: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
  /** Lambda's stream poller lists streams too; the action has no resource type, so only "*" can name it. */
  listTableStreams: ['dynamodb:ListStreams'],
  publishChanges: ['events:PutEvents'],
  /** The table, and so its stream, is encrypted with the environment's customer-managed key. */
  decryptTableStream: ['kms:Decrypt'],
} as const;

export interface MonitorResources {
  /** The monitor's own environment: the only event source it may put. */
  readonly environment: EnvironmentName;
  readonly tableStreamArn: string;
  readonly eventBusArn: string;
  readonly encryptionKeyArn: string;
}

export function monitorStatements({ environment, tableStreamArn, eventBusArn, encryptionKeyArn }: MonitorResources): PolicyStatement[] {
  return [
    { Sid: 'ReadMetadataTableStream', Effect: 'Allow', Action: MONITOR_ACTIONS.readTableStream, Resource: tableStreamArn },
    { Sid: 'ListTableStreams', Effect: 'Allow', Action: MONITOR_ACTIONS.listTableStreams, Resource: '*' },
    {
      Sid: 'PublishConfigurationChanges',
      Effect: 'Allow',
      Action: MONITOR_ACTIONS.publishChanges,
      Resource: eventBusArn,
      // Both keys are multivalued (one value per entry of the batch): every entry must be ours,
      // and a request without them matches nothing. The source is this environment's own, so
      // no monitor can put an event the prod rule (which matches prod's source) accepts.
      Condition: {
        'ForAllValues:StringEquals': {
          'events:source': [configurationChangedSource(environment)],
          'events:detail-type': [CONFIGURATION_CHANGED_DETAIL_TYPE],
        },
        Null: { 'events:source': 'false', 'events:detail-type': 'false' },
      },
    },
    {
      Sid: 'DecryptTableStream',
      Effect: 'Allow',
      Action: MONITOR_ACTIONS.decryptTableStream,
      Resource: encryptionKeyArn,
      Condition: { StringEquals: { 'kms:ViaService': viaServices(['dynamodb'], [encryptionKeyArn]) } },
    },
  ];
}
