import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { deadLetterQueueClient, withFailedCallNames } from '../src/runtime/aws-clients';
import { createDeadLetterQueue } from '../src/runtime/dead-letter-queue';
import { summarizeError } from '../src/runtime/error-summary';
import { listenOnLoopback } from './emulators/local-server';

const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** An SQS-compatible endpoint that accepts SendMessage and remembers what it was sent. */
async function capturingSqsEndpoint() {
  const received: { queueUrl: string; body: string }[] = [];
  const server = await listenOnLoopback(
    createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const input = JSON.parse(text) as { QueueUrl: string; MessageBody: string };
        received.push({ queueUrl: input.QueueUrl, body: input.MessageBody });
        const md5 = createHash('md5').update(input.MessageBody).digest('hex');
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify({ MessageId: 'm-1', MD5OfMessageBody: md5 }));
      });
    }),
  );
  return { ...server, received };
}

describe('functions against an AWS-compatible endpoint', () => {
  const saved = process.env['AWS_ENDPOINT_URL'];
  afterEach(() => {
    if (saved === undefined) delete process.env['AWS_ENDPOINT_URL'];
    else process.env['AWS_ENDPOINT_URL'] = saved;
  });

  it('sends dead letters to AWS_ENDPOINT_URL even when the queue URL names the real SQS host', async () => {
    // Prepare: the function is given the queue URL the stack exports, an amazonaws.com URL.
    const endpoint = await capturingSqsEndpoint();
    process.env['AWS_ENDPOINT_URL'] = endpoint.endpoint;
    const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/111111111111/acme-dead-letters-prod';
    const sqs = withFailedCallNames(new SQSClient({ ...deadLetterQueueClient('eu-west-1'), credentials: CREDENTIALS }));
    const deadLetters = createDeadLetterQueue({ sqs, queueUrl, functionName: 'replicator', environment: 'prod' });

    // Act
    await deadLetters.send({ reason: 'malformed-event', originalEvent: { x: 1 }, error: { name: 'E', message: 'm', retryable: false }, attempts: 1 });

    // Assess: the configured endpoint got it, for the queue it was meant for.
    expect(endpoint.received).toEqual([{ queueUrl, body: expect.stringContaining('"reason":"malformed-event"') }]);
    sqs.destroy();
    await endpoint.stop();
  });
  it('names the service, the operation and the HTTP status of a bare 403', async () => {
    // Prepare: S3 answers a refused HeadObject with 403 and no body, which the SDK can only call "Unknown".
    const server = await listenOnLoopback(createServer((_request, response) => response.writeHead(403).end()));
    const s3 = withFailedCallNames(
      new S3Client({ region: 'eu-west-1', endpoint: server.endpoint, forcePathStyle: true, credentials: CREDENTIALS, maxAttempts: 1 }),
    );

    // Act
    const error = await s3.send(new HeadObjectCommand({ Bucket: 'acme-data-dev', Key: 'config/a.json' })).catch((caught: unknown) => caught);

    // Assess
    expect(summarizeError(error)).toMatchObject({ service: 'S3', operation: 'HeadObject', httpStatus: 403, retryable: false });
    s3.destroy();
    await server.stop();
  });
});
