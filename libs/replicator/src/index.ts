/**
 * The library's importable surface: the replication core, for a resync or
 * drift-repair function to reuse. The Lambda entries are `monitor/index.ts` and
 * `replicator/index.ts`; they are bundled, not imported.
 */
export * from './replication';
