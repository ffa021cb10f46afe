// Runs fauxqs (SQS + SNS; ESM-only, so outside Jest's CommonJS sandbox) on a
// random 127.0.0.1 port and reports it on stdout. Exits when its parent closes stdin.
import { buildApp } from 'fauxqs';

const app = buildApp({ logger: false });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ endpoint: address })}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await app.close();
  process.exit(0);
});
