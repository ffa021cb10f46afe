/**
 * Where `nx run replicator:bundle` writes each function's artifact, relative to the
 * workspace root, and the handler Lambda calls in it. The env module deploys exactly
 * these directories.
 */
export const LAMBDA_BUNDLE_ROOT = 'dist/libs/replicator';

export const LAMBDA_FUNCTIONS = {
  monitor: { bundleDirectory: 'monitor', entryFile: 'index.mjs', handler: 'index.handler' },
  replicator: { bundleDirectory: 'replicator', entryFile: 'index.mjs', handler: 'index.handler' },
} as const;

export type LambdaFunctionName = keyof typeof LAMBDA_FUNCTIONS;
