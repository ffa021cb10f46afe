import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findWorkspaceRoot, LambdaBundleError, locateLambdaBundles } from './lambda-bundle';

/** A throwaway workspace with nx.json and, optionally, built bundles. */
function workspace(built: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'env-module-bundles-'));
  writeFileSync(join(root, 'nx.json'), '{}');
  mkdirSync(join(root, 'apps', 'infra-dev'), { recursive: true });
  for (const name of built) {
    mkdirSync(join(root, 'dist', 'libs', 'replicator', name), { recursive: true });
    writeFileSync(join(root, 'dist', 'libs', 'replicator', name, 'index.mjs'), 'export const handler = async () => {};');
  }
  return root;
}

describe('locateLambdaBundles', () => {
  it('finds each bundle under the workspace root, relative to the project directory Pulumi runs in', () => {
    const root = workspace(['monitor', 'replicator']);
    const bundles = locateLambdaBundles(['monitor', 'replicator'], { cwd: join(root, 'apps', 'infra-dev') });
    expect(bundles).toEqual({
      monitor: { directory: '../../dist/libs/replicator/monitor', handler: 'index.handler' },
      replicator: { directory: '../../dist/libs/replicator/replicator', handler: 'index.handler' },
    });
  });

  it('fails with the command that builds a missing bundle', () => {
    const root = workspace(['monitor']);
    const call = () => locateLambdaBundles(['monitor', 'replicator'], { cwd: root });
    expect(call).toThrow(LambdaBundleError);
    expect(call).toThrow(
      `Lambda bundle of the replicator function not found: ${join(root, 'dist/libs/replicator/replicator/index.mjs')} does not exist. Build it with \`npx nx run replicator:bundle\``,
    );
  });

  it('takes an overriding bundle root, absolute or relative to the workspace', () => {
    const root = workspace([]);
    mkdirSync(join(root, 'elsewhere', 'monitor'), { recursive: true });
    writeFileSync(join(root, 'elsewhere', 'monitor', 'index.mjs'), '');
    expect(locateLambdaBundles(['monitor'], { cwd: root, bundleRoot: 'elsewhere' }).monitor?.directory).toBe('elsewhere/monitor');
    expect(locateLambdaBundles(['monitor'], { cwd: root, bundleRoot: join(root, 'elsewhere') }).monitor?.directory).toBe('elsewhere/monitor');
  });

  it('explains when it runs outside any workspace', () => {
    const outside = mkdtempSync(join(tmpdir(), 'no-workspace-'));
    expect(findWorkspaceRoot(outside)).toBeUndefined();
    expect(() => locateLambdaBundles(['monitor'], { cwd: outside })).toThrow('Could not find the Nx workspace (nx.json)');
  });
});
