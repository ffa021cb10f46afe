/**
 * Lambda entry of the monitor (every environment). Settings are validated and the
 * logger, clients and batch processor created once per container, at cold start;
 * an invalid environment variable fails the init with a message naming it.
 */
import { BatchProcessor, EventType } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { readMonitorSettings } from '@data-platform/replication-contract';
import { deadLetterQueueClient, retriedByCaller, withFailedCallNames } from '../../runtime/aws-clients';
import { createDeadLetterQueue } from '../../runtime/dead-letter-queue';
import { createMonitorHandler } from './monitor-handler';

const settings = readMonitorSettings(process.env);
const logger = new Logger({ serviceName: 'configuration-monitor', persistentKeys: { environment: settings.environment } });

export const handler = createMonitorHandler({
  settings,
  logger,
  eventBridge: withFailedCallNames(new EventBridgeClient(retriedByCaller())),
  deadLetters: createDeadLetterQueue({
    sqs: withFailedCallNames(new SQSClient(deadLetterQueueClient())),
    queueUrl: settings.deadLetterQueueUrl,
    functionName: 'monitor',
    environment: settings.environment,
  }),
  processor: new BatchProcessor(EventType.DynamoDBStreams),
});
