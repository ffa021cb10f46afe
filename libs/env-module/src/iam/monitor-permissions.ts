import { CONFIGURATION_CHANGED_DETAIL_TYPE, CONFIGURATION_CHANGED_SOURCE } from '@data-platform/replication-contract';
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
  readonly tableStreamArn: string;
  readonly eventBusArn: string;
  readonly encryptionKeyArn: string;
}

export function monitorStatements({ tableStreamArn, eventBusArn, encryptionKeyArn }: MonitorResources): PolicyStatement[] {
  return [
    { Sid: 'ReadMetadataTableStream', Effect: 'Allow', Action: MONITOR_ACTIONS.readTableStream, Resource: tableStreamArn },
    { Sid: 'ListTableStreams', Effect: 'Allow', Action: MONITOR_ACTIONS.listTableStreams, Resource: '*' },
    {
      Sid: 'PublishConfigurationChanges',
      Effect: 'Allow',
      Action: MONITOR_ACTIONS.publishChanges,
      Resource: eventBusArn,
      // Both keys are multivalued (one value per entry of the batch): every entry must be ours,
      // and a request without them matches nothing.
      Condition: {
        'ForAllValues:StringEquals': {
          'events:source': [CONFIGURATION_CHANGED_SOURCE],
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
