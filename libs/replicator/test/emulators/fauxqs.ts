import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

/**
 * SQS + SNS (fauxqs 1.9, with SNS -> SQS fan-out). fauxqs is ESM-only, so it runs
 * in a child Node process (fauxqs-server.mjs) rather than inside Jest's module system.
 */
export async function startFauxqs(): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [path.join(__dirname, 'fauxqs-server.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`fauxqs exited with ${code} before it listened`)));
  });
  const { endpoint } = JSON.parse(first) as { endpoint: string };
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}
