/**
 * Consistency operations over the replication core: what the operator commands
 * (tools/ops) and the scheduled reconciliation run.
 */
export * from './infrastructure';
export * from './redrive';
