import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { LAMBDA_BUNDLE_ROOT, LAMBDA_FUNCTIONS, type LambdaFunctionName } from '@data-platform/replication-contract';

/** One function's built artifact: the directory Lambda receives and the handler in it. */
export interface LambdaBundle {
  /** Relative to the working directory (Pulumi runs programs in the project directory). */
  readonly directory: string;
  readonly handler: string;
}

export class LambdaBundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LambdaBundleError';
  }
}

/** The nearest directory at or above `from` holding `nx.json`. */
export function findWorkspaceRoot(from: string): string | undefined {
  let directory = resolve(from);
  for (;;) {
    if (existsSync(join(directory, 'nx.json'))) {
      return directory;
    }
    const parent = dirname(directory);
    if (parent === directory) {
      return undefined;
    }
    directory = parent;
  }
}

export interface LocateLambdaBundlesOptions {
  /** `platform:lambdaBundleRoot`: absolute, or relative to the workspace root. */
  readonly bundleRoot?: string;
  readonly cwd: string;
}

/**
 * Finds the esbuild bundle of each function and checks it was built, so a
 * deployment never ships a missing or source artifact. Throws LambdaBundleError
 * saying how to build it.
 */
export function locateLambdaBundles(
  functionNames: readonly LambdaFunctionName[],
  { bundleRoot, cwd }: LocateLambdaBundlesOptions,
): Partial<Record<LambdaFunctionName, LambdaBundle>> {
  const root = bundleRootDirectory(bundleRoot, cwd);
  const bundles: Partial<Record<LambdaFunctionName, LambdaBundle>> = {};
  for (const functionName of functionNames) {
    const { bundleDirectory, entryFile, handler } = LAMBDA_FUNCTIONS[functionName];
    const directory = join(root, bundleDirectory);
    const entry = join(directory, entryFile);
    if (!existsSync(entry)) {
      throw new LambdaBundleError(
        `Lambda bundle of the ${functionName} function not found: ${entry} does not exist. ` +
          'Build it with `npx nx run replicator:bundle` (the preview and up targets of the infra apps build it first).',
      );
    }
    bundles[functionName] = { directory: relative(cwd, directory) || '.', handler };
  }
  return bundles;
}

function bundleRootDirectory(bundleRoot: string | undefined, cwd: string): string {
  if (bundleRoot !== undefined && isAbsolute(bundleRoot)) {
    return bundleRoot;
  }
  const workspace = findWorkspaceRoot(cwd);
  if (workspace === undefined) {
    throw new LambdaBundleError(
      `Could not find the Nx workspace (nx.json) at or above ${cwd}, where the Lambda bundles are built; ` +
        'run the program from inside the workspace or set platform:lambdaBundleRoot to the bundle directory.',
    );
  }
  return join(workspace, bundleRoot ?? LAMBDA_BUNDLE_ROOT);
}
