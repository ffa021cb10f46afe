#!/usr/bin/env node
// Times the offline plan of the three stacks, cold (no Nx cache), over several runs,
// and prints min and median per way of running it:
//
//   one process       the plan CLI planning dev, staging, prod in order in one Node process
//   per stack         one process per stack as the Nx targets run them: dev and staging
//                     in parallel, then prod (the critical path, without Nx itself)
//   nx run-many       `npx nx run-many -t plan --skip-nx-cache`, Nx startup and the Lambda
//                     bundle task included (what a developer waits for)
//
// Usage: node bench/plan.mjs [--runs 5] [--nx-runs 3] [--json]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, 'nx-runs': { type: 'string', default: '3' }, json: { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
const nxRuns = Number(values['nx-runs']);
const STACKS = ['dev', 'staging', 'prod'];
const env = { ...process.env, TSX_TSCONFIG_PATH: 'tools/plan/tsconfig.json', NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

function exec(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.trim()}`))));
  });
}

const plan = (outDir, stacks) => exec(process.execPath, ['--import', 'tsx', 'tools/plan/src/main.ts', ...stacks.flatMap((stack) => ['--project-dir', `apps/infra-${stack}`]), '--out-dir', outDir, '--json']);

const modes = {
  'one process': (outDir) => plan(outDir, STACKS),
  'per stack': async (outDir) => {
    await Promise.all([plan(outDir, ['dev']), plan(outDir, ['staging'])]);
    await plan(outDir, ['prod']);
  },
  'nx run-many': () => exec('npx', ['nx', 'run-many', '-t', 'plan', '--skip-nx-cache', '--output-style=static']),
};

async function time(mode, count) {
  const samples = [];
  for (let run = 0; run < count; run++) {
    const outDir = mkdtempSync(join(tmpdir(), 'bench-plan-'));
    try {
      const started = performance.now();
      await modes[mode](outDir);
      samples.push(performance.now() - started);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }
  samples.sort((a, b) => a - b);
  const median = samples.length % 2 === 1 ? samples[(samples.length - 1) / 2] : (samples[samples.length / 2 - 1] + samples[samples.length / 2]) / 2;
  return { mode, runs: count, minMs: Math.round(samples[0]), medianMs: Math.round(median), samplesMs: samples.map(Math.round) };
}

if (!existsSync(join(root, 'dist/libs/replicator/monitor/index.mjs'))) {
  // The programs deploy the Lambda bundles: build them once, untimed.
  const bundle = spawnSync('npx', ['nx', 'run', 'replicator:bundle'], { cwd: root, env, stdio: 'inherit' });
  if (bundle.status !== 0) {
    throw new Error(`npx nx run replicator:bundle ${bundle.error ? `failed: ${bundle.error.message}` : `exited ${bundle.status ?? bundle.signal}`}`);
  }
}
// One untimed run warms the OS file cache and tsx's transpile cache, as any second run would.
const warmUp = mkdtempSync(join(tmpdir(), 'bench-plan-'));
try {
  await plan(warmUp, STACKS);
} finally {
  rmSync(warmUp, { recursive: true, force: true });
}

const results = [await time('one process', runs), await time('per stack', runs), await time('nx run-many', nxRuns)];
if (values.json) {
  process.stdout.write(`${JSON.stringify({ node: process.version, cpus: (await import('node:os')).cpus().length, results }, null, 2)}\n`);
} else {
  process.stdout.write(`offline plan of dev, staging, prod (${process.version})\n`);
  for (const { mode, runs: count, minMs, medianMs } of results) {
    process.stdout.write(`  ${mode.padEnd(12)} min ${String(minMs).padStart(5)} ms   median ${String(medianMs).padStart(5)} ms   (${count} runs)\n`);
  }
}
