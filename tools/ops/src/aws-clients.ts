import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { perRegion, retriedByCaller, withFailedCallNames } from '@data-platform/replicator';

/**
 * The clients every command uses, from the SDK's standard configuration chain
 * (credentials, AWS_PROFILE, AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE>), like
 * the functions'. Calls the replication core repeats itself are sent once each
 * (`maxAttempts: 1`, as in the functions); bulk reads and operator calls use the
 * SDK's adaptive retry mode, which slows the client down when AWS throttles it.
 */
export interface OpsClients {
  readonly replication: { readonly dynamodb: (region: string | undefined) => DynamoDBClient; readonly s3: S3Client };
  readonly bulk: { readonly dynamodb: (region: string | undefined) => DynamoDBClient; readonly s3: S3Client };
  readonly sqs: (region: string | undefined) => SQSClient;
  readonly sns: (region: string | undefined) => SNSClient;
  readonly ssm: (region: string | undefined) => SSMClient;
  destroy(): void;
}

/** S3 addresses buckets by host name; an endpoint such as http://127.0.0.1:4566 only serves them by path. */
function s3Addressing(env: NodeJS.ProcessEnv): { forcePathStyle?: true } {
  return env['AWS_ENDPOINT_URL_S3'] !== undefined || env['AWS_ENDPOINT_URL'] !== undefined ? { forcePathStyle: true } : {};
}

export function createOpsClients(env: NodeJS.ProcessEnv = process.env): OpsClients {
  const made: { destroy(): void }[] = [];
  const track = <T extends { destroy(): void }>(client: T): T => {
    made.push(client);
    return withFailedCallNames(client as T & { middlewareStack: object });
  };
  const adaptive = (region: string | undefined) => ({ ...(region === undefined ? {} : { region }), retryMode: 'adaptive', maxAttempts: 6 });
  return {
    replication: {
      dynamodb: perRegion((region) => track(new DynamoDBClient(retriedByCaller(region)))),
      s3: track(new S3Client({ ...retriedByCaller(), ...s3Addressing(env), followRegionRedirects: true })),
    },
    bulk: {
      dynamodb: perRegion((region) => track(new DynamoDBClient(adaptive(region)))),
      s3: track(new S3Client({ ...adaptive(undefined), ...s3Addressing(env), followRegionRedirects: true })),
    },
    // The queue URL names the real SQS host; a configured endpoint must win (see the functions' deadLetterQueueClient).
    sqs: perRegion((region) => track(new SQSClient({ ...adaptive(region), useQueueUrlAsEndpoint: false }))),
    sns: perRegion((region) => track(new SNSClient(adaptive(region)))),
    ssm: perRegion((region) => track(new SSMClient(adaptive(region)))),
    destroy() {
      made.forEach((client) => client.destroy());
    },
  };
}
