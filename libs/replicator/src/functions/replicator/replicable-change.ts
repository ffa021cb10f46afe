import {
  CONFIGURATION_CHANGED_DETAIL_TYPE,
  configurationChangedSource,
  type ConfigurationChangedDetail,
  parseConfigurationChangedDetail,
  type ReplicatorSettings,
} from '@data-platform/replication-contract';

export class UnreplicableEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreplicableEventError';
  }
}

/**
 * Validates what the rule delivered and returns the change to replicate. Beyond the
 * contract's shape, it refuses anything the rule should never have sent: another
 * environment's change, or a subject outside prod's table and configuration prefix,
 * so a misconfigured rule cannot make the replicator copy the wrong data.
 */
export function readReplicableChange(event: unknown, settings: ReplicatorSettings): ConfigurationChangedDetail {
  if (typeof event !== 'object' || event === null) {
    throw new UnreplicableEventError('event must be an EventBridge event object');
  }
  const envelope = event as Record<string, unknown>;
  const source = configurationChangedSource(settings.environment);
  if (envelope['source'] !== source || envelope['detail-type'] !== CONFIGURATION_CHANGED_DETAIL_TYPE) {
    throw new UnreplicableEventError(
      `source/detail-type ${JSON.stringify(envelope['source'])}/${JSON.stringify(envelope['detail-type'])} is not ${source}/${CONFIGURATION_CHANGED_DETAIL_TYPE}`,
    );
  }
  const change = parseConfigurationChangedDetail(envelope['detail']);
  if (change.environment !== settings.environment) {
    throw new UnreplicableEventError(`detail.environment=${change.environment} is not the source environment ${settings.environment}`);
  }
  const { subject } = change;
  if (subject.kind === 'table-item' && subject.tableName !== settings.sourceTableName) {
    throw new UnreplicableEventError(`detail.subject.tableName=${subject.tableName} is not the source table ${settings.sourceTableName}`);
  }
  if (subject.kind === 'bucket-object') {
    if (subject.bucketName !== settings.sourceBucketName) {
      throw new UnreplicableEventError(`detail.subject.bucketName=${subject.bucketName} is not the source bucket ${settings.sourceBucketName}`);
    }
    if (!subject.key.startsWith(settings.configPrefix)) {
      throw new UnreplicableEventError(`detail.subject.key is outside the configuration prefix ${settings.configPrefix}`);
    }
  }
  return change;
}
