/**
 * Lambda entry of the replicator (prod only). Settings are validated and the
 * logger and clients created once per container, at cold start; an invalid
 * environment variable fails the init with a message naming it.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { readReplicatorSettings } from '@data-platform/replication-contract';
import { deadLetterQueueClient, perRegion, retriedByCaller, retriedBySdk, withFailedCallNames } from '../../runtime/aws-clients';
import { createDeadLetterQueue } from '../../runtime/dead-letter-queue';
import { createReplicatorHandler } from './replicator-handler';

const settings = readReplicatorSettings(process.env);
const logger = new Logger({ serviceName: 'configuration-replicator', persistentKeys: { environment: settings.environment } });

export const handler = createReplicatorHandler({
  settings,
  logger,
  clients: {
    dynamodb: perRegion((region) => withFailedCallNames(new DynamoDBClient(retriedByCaller(region)))),
    s3: withFailedCallNames(new S3Client({ ...retriedByCaller(), followRegionRedirects: true })),
  },
  sns: perRegion((region) => withFailedCallNames(new SNSClient(retriedBySdk(region)))),
  deadLetters: createDeadLetterQueue({
    sqs: withFailedCallNames(new SQSClient(deadLetterQueueClient())),
    queueUrl: settings.deadLetterQueueUrl,
    functionName: 'replicator',
    environment: settings.environment,
  }),
});
