/**
 * The library's importable surface: the replication core and the runtime it runs
 * on, for operator commands and further functions to reuse. The Lambda entries are
 * `functions/<name>/index.ts`; they are bundled (bundle.mjs), not imported.
 */
export * from './replication';
export * from './runtime';
export * from './operations';
