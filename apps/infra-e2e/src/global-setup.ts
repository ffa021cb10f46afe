import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Jest global setup: plans the committed stacks once for every test file (see committed-stacks-file.ts). */
export default async function planCommittedStacks(): Promise<void> {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', join(__dirname, 'plan-committed-in-child.ts')], {
    env: { ...process.env, TSX_TSCONFIG_PATH: join(__dirname, '..', 'tsconfig.json') },
    maxBuffer: 16 * 1024 * 1024,
  });
}
