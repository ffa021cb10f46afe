import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  LAMBDA_FUNCTIONS,
  type LambdaFunctionName,
  monitorVariables,
  replicatorVariables,
} from '@data-platform/replication-contract';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startFauxqs } from './emulators/fauxqs';

/**
 * Builds the bundles with the same script as `nx run replicator:bundle`, then loads
 * each one in a fresh Node process, as Lambda would: ESM import of index.mjs with
 * only environment variables for configuration.
 */
const run = promisify(execFile);
const workspaceRoot = path.resolve(__dirname, '../../..');
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

let outdir: string;
let fauxqs: Awaited<ReturnType<typeof startFauxqs>>;
let deadLetterQueueUrl: string;

beforeAll(async () => {
  outdir = await mkdtemp(path.join(tmpdir(), 'replicator-bundle-'));
  fauxqs = await startFauxqs();
  const sqs = new SQSClient({ region: 'eu-west-1', endpoint: fauxqs.endpoint, credentials: CREDENTIALS });
  deadLetterQueueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'bundle-dead-letters' }))).QueueUrl as string;
  sqs.destroy();
  await run(process.execPath, [path.join(workspaceRoot, 'libs/replicator/bundle.mjs'), '--outdir', outdir], { cwd: workspaceRoot });
}, 30_000);

afterAll(async () => {
  await fauxqs?.stop();
  await rm(outdir, { recursive: true, force: true });
});

const bundlePath = (name: LambdaFunctionName) =>
  path.join(outdir, LAMBDA_FUNCTIONS[name].bundleDirectory, LAMBDA_FUNCTIONS[name].entryFile);

const monitorEnvironment = () =>
  monitorVariables({ environment: 'dev', eventBusName: 'default', configPrefix: 'config/', deadLetterQueueUrl });

const replicatorEnvironment = () =>
  replicatorVariables({
    environment: 'prod',
    sourceTableName: 'acme-metadata-prod',
    sourceBucketName: 'acme-data-prod',
    configPrefix: 'config/',
    deadLetterQueueUrl,
    targets: [
      {
        environment: 'dev',
        tableName: 'acme-metadata-dev',
        bucketName: 'acme-data-dev',
        successTopicArn: 'arn:aws:sns:eu-west-1:333333333333:acme-replication-success-dev',
        failureTopicArn: 'arn:aws:sns:eu-west-1:333333333333:acme-replication-failure-dev',
      },
    ],
    retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 500 },
  });

/** Imports a bundle in a new Node process, optionally invokes its handler, and prints the result as JSON. */
async function loadInFreshNode(name: LambdaFunctionName, variables: Record<string, string>, event?: unknown) {
  const script = `
    const { handler } = await import(${JSON.stringify(`file://${bundlePath(name)}`)});
    const context = { functionName: ${JSON.stringify(name)}, awsRequestId: 'r', getRemainingTimeInMillis: () => 30000 };
    const result = ${event === undefined ? 'undefined' : `await handler(${JSON.stringify(event)}, context)`};
    console.log(JSON.stringify({ handlerType: typeof handler, result: result ?? null }));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', script], {
    cwd: outdir,
    env: {
      PATH: process.env['PATH'] ?? '',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_ENDPOINT_URL: fauxqs.endpoint,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      ...variables,
    },
  });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as { handlerType: string; result: unknown };
}

describe('the Lambda bundles', () => {
  it('writes exactly one ESM file and its source map per function', async () => {
    for (const name of Object.keys(LAMBDA_FUNCTIONS) as LambdaFunctionName[]) {
      expect((await readdir(path.dirname(bundlePath(name)))).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    }
  });

  it.each([
    ['monitor', monitorEnvironment],
    ['replicator', replicatorEnvironment],
  ] as const)('loads the %s in a fresh Node process and exports an async handler', async (name, variables) => {
    expect(await loadInFreshNode(name, variables())).toEqual({ handlerType: 'function', result: null });
  });

  it('fails the cold start with a message naming the invalid variable', async () => {
    const variables = { ...replicatorEnvironment(), REPLICATION_TARGETS: '[]' };
    await expect(loadInFreshNode('replicator', variables)).rejects.toThrow(
      /Environment variable REPLICATION_TARGETS="\[\]" is invalid: must be a non-empty JSON array/,
    );
  });

  it('reaches the endpoint named by AWS_ENDPOINT_URL: the bundled replicator dead-letters a malformed event there', async () => {
    const { result } = await loadInFreshNode('replicator', replicatorEnvironment(), { source: 'someone.else' });
    expect(result).toEqual({ rejected: expect.objectContaining({ name: 'UnreplicableEventError' }) });
    const sqs = new SQSClient({ region: 'eu-west-1', endpoint: fauxqs.endpoint, credentials: CREDENTIALS });
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: deadLetterQueueUrl, MessageAttributeNames: ['All'] }));
    sqs.destroy();
    expect(Messages.map(({ Body }) => JSON.parse(Body as string))).toEqual([
      expect.objectContaining({ reason: 'malformed-event', functionName: 'replicator', originalEvent: { source: 'someone.else' } }),
    ]);
  });

  it('ships each function only the clients it uses', async () => {
    const monitor = await readFile(bundlePath('monitor'), 'utf8');
    const replicator = await readFile(bundlePath('replicator'), 'utf8');
    for (const client of ['client-eventbridge', 'client-sqs']) {
      expect(monitor).toContain(`"@aws-sdk/${client}"`);
    }
    for (const client of ['client-dynamodb', 'client-s3', 'client-sns']) {
      expect(monitor).not.toContain(`"@aws-sdk/${client}"`);
    }
    for (const client of ['client-dynamodb', 'client-s3', 'client-sns', 'client-sqs']) {
      expect(replicator).toContain(`"@aws-sdk/${client}"`);
    }
    expect(replicator).not.toContain('"@aws-sdk/client-eventbridge"');
  });
});
