/**
 * The replication core: plain functions over SDK clients, no Lambda types. The
 * replicator function calls it per change; a resync or drift-repair command can
 * call `replicateToTarget` with a change it builds for any subject.
 */
export * from './newest-wins';
export * from './replicate-to-target';
export * from './sequence-stamp';
export { regionOfTable, toSdkKey, UnsupportedKeyError, type DynamoDBClientFor } from './table-item-replica';
export { copySource } from './bucket-object-replica';
