// Runs fauxqs (SQS + SNS; ESM-only, so outside Jest's CommonJS sandbox) on a
// random 127.0.0.1 port and reports it on stdout. Exits when its parent closes stdin.
//
// fauxqs names queues http://sqs.<region>.localhost:<port>/..., a host that does not
// resolve here, and the SQS client sends requests to the queue URL's host. Its
// store builds URLs from the request's Host header when it has no host set, so we
// create the stores ourselves (they are not exported, hence the file import):
// queue URLs become http://127.0.0.1:<port>/000000000000/<name>.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from 'fauxqs';

const dist = path.dirname(new URL(import.meta.resolve('fauxqs')).pathname);
const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
const [{ SqsStore }, { SnsStore }, { S3Store }] = await Promise.all([
  load('sqs/sqsStore.js'),
  load('sns/snsStore.js'),
  load('s3/s3Store.js'),
]);
const sqsStore = new SqsStore();
sqsStore.host = undefined;

const app = buildApp({ logger: false, stores: { sqsStore, snsStore: new SnsStore(), s3Store: new S3Store() } });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ endpoint: address })}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await app.close();
  process.exit(0);
});
