/**
 * The replication core: plain functions over SDK clients, no Lambda types. The
 * replicator function calls it per change; a resync or drift-repair command can
 * call `replicateToTarget` with a change it builds for any subject.
 */
export * from './replicate-to-target';
export * from './item-equality';
export { SourceChangedError } from './source-changed-error';
export { DEFAULT_COPY_PLAN, S3_COPY_LIMITS, type CopyPlan } from './multipart-copy';
export { regionOfTable, toSdkKey, UnsupportedKeyError, type DynamoDBClientFor } from './table-item-replica';
export { copySource } from './bucket-object-replica';
