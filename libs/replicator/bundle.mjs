// Bundles each Lambda handler into its own directory for the nodejs24.x runtime on
// arm64: `<outdir>/<function>/index.mjs` (+ .map), handler `index.handler`, as the
// contract's LAMBDA_FUNCTIONS says. ESM, minified, tree-shaken, target node24.
//
// The AWS SDK is bundled, not taken from the runtime: the runtime's SDK version
// changes underneath a deployed function, the bundled one is the version the tests
// ran against (package-lock.json). It costs ~0.5 MB per function and ~30 ms of cold start.
//
// A script rather than @nx/esbuild: two entries into two directories, one shared
// option set, a size report, and a load test (bundle.test.ts) that runs this same file.
import { build } from 'esbuild';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const projectRoot = path.dirname(fileURLToPath(import.meta.url));
const workspaceRoot = path.resolve(projectRoot, '../..');
const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist/libs/replicator' } } });
const outdir = path.resolve(workspaceRoot, values.outdir);

const FUNCTIONS = {
  monitor: 'src/functions/monitor/index.ts',
  replicator: 'src/functions/replicator/index.ts',
};

await rm(outdir, { recursive: true, force: true });
const report = {};
for (const [name, entry] of Object.entries(FUNCTIONS)) {
  const outfile = path.join(outdir, name, 'index.mjs');
  await build({
    entryPoints: [path.join(projectRoot, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    // Prefer the ESM builds of the SDK and Powertools: they tree-shake.
    mainFields: ['module', 'main'],
    minify: true,
    treeShaking: true,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    tsconfig: path.join(projectRoot, 'tsconfig.json'),
    // Some CommonJS dependencies call require() for Node built-ins; give ESM one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  const { size: bytes } = await stat(outfile);
  report[name] = { file: path.relative(workspaceRoot, outfile), bytes };
}
await mkdir(outdir, { recursive: true });
await writeFile(path.join(outdir, 'bundle-report.json'), `${JSON.stringify(report, null, 2)}\n`);
for (const [name, { file, bytes }] of Object.entries(report)) {
  console.log(`${name.padEnd(10)} ${String(bytes).padStart(9)} bytes  ${file}`);
}
