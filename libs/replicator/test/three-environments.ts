import { BatchProcessor, EventType } from '@aws-lambda-powertools/batch';
import {
  type AttributeValue,
  CreateTableCommand,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import {
  type ConfigurationChangedEvent,
  type DeadLetterMessage,
  type EnvironmentName,
  type ReplicationOutcomeMessage,
  type ReplicatorSettings,
  replicationRulePattern,
} from '@data-platform/replication-contract';
import type { DynamoDBRecord, S3EventRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { perRegion, retriedByCaller, retriedBySdk, withFailedCallNames } from '../src/runtime/aws-clients';
import { createDeadLetterQueue } from '../src/runtime/dead-letter-queue';
import { createMonitorHandler } from '../src/functions/monitor/monitor-handler';
import { createReplicatorHandler } from '../src/functions/replicator/replicator-handler';
import { CapturingLogger } from './capturing-logger';
import { startDynalite } from './emulators/dynalite';
import { startFauxqs } from './emulators/fauxqs';
import { startFaultProxy } from './emulators/fault-proxy';
import { startS3rver } from './emulators/s3rver';
import { matchesEventPattern } from './event-pattern';
import { lambdaContext } from './lambda-context';
import { type Item, NotificationRecorder, StreamRecorder } from './lambda-events';

/**
 * Prod, staging and dev, each with its table, bucket, topics and dead-letter queue,
 * in local emulators on 127.0.0.1: dynalite behind a fault-injecting proxy, s3rver,
 * fauxqs. Every environment runs the real monitor handler; prod also runs the real
 * replicator. Only EventBridge is simulated: PutEvents entries are captured, turned
 * into the envelope EventBridge delivers, and passed through the prod rule's real
 * pattern before the replicator sees them.
 */
export const REGION = 'eu-west-1';
export const ACCOUNT_OF: Readonly<Record<EnvironmentName, string>> = {
  prod: '111111111111',
  staging: '222222222222',
  dev: '333333333333',
};
export const KEY_NAMES = ['pk', 'sk'] as const;
/** Tiny waits, so retries are exercised without slowing the suite. */
export const TEST_RETRY = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 4 };

const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface Environment {
  readonly name: EnvironmentName;
  readonly tableName: string;
  readonly bucketName: string;
  readonly successTopicArn: string;
  readonly failureTopicArn: string;
  readonly successQueueUrl: string;
  readonly failureQueueUrl: string;
  readonly deadLetterQueueUrl: string;
  readonly streams: StreamRecorder;
  readonly notifications: NotificationRecorder;
  readonly monitor: {
    readonly handler: ReturnType<typeof createMonitorHandler>;
    readonly logger: CapturingLogger;
    /** Every entry the monitor put on its bus, in order. */
    readonly published: PutEventsRequestEntry[];
  };
}

export interface Received<T> {
  readonly body: T;
  readonly attributes: Record<string, string>;
}

export async function startThreeEnvironments() {
  const names: EnvironmentName[] = ['prod', 'staging', 'dev'];
  const [dynalite, s3rver, fauxqs] = await Promise.all([
    startDynalite(),
    startS3rver(names.map(bucketNameOf)),
    startFauxqs(),
  ]);
  const proxy = await startFaultProxy(dynalite.endpoint);
  const clients: { destroy(): void }[] = [];
  const track = <T extends { destroy(): void }>(client: T): T => {
    clients.push(client);
    return client;
  };

  // Test-side clients talk to the emulators directly (never through the fault proxy).
  const dynamodb = track(new DynamoDBClient({ region: REGION, endpoint: dynalite.endpoint, credentials: CREDENTIALS }));
  const s3Config: S3ClientConfig = {
    endpoint: s3rver.endpoint,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
  const s3 = track(new S3Client({ region: REGION, ...s3Config }));
  const sqs = track(new SQSClient({ region: REGION, endpoint: fauxqs.endpoint, credentials: CREDENTIALS }));
  const sns = track(new SNSClient({ region: REGION, endpoint: fauxqs.endpoint, credentials: CREDENTIALS }));

  const createQueue = async (name: string) => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    return { url: QueueUrl as string, arn: Attributes?.['QueueArn'] as string };
  };
  const createTopicWithQueue = async (name: string) => {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: name }));
    const queue = await createQueue(`${name}-subscriber`);
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: queue.arn }));
    return { topicArn: TopicArn as string, queueUrl: queue.url };
  };

  const environments = {} as Record<EnvironmentName, Environment>;
  for (const name of names) {
    const tableName = `acme-metadata-${name}`;
    await dynamodb.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'N' },
        ],
      }),
    );
    const success = await createTopicWithQueue(`acme-replication-success-${name}`);
    const failure = await createTopicWithQueue(`acme-replication-failure-${name}`);
    const deadLetterQueue = await createQueue(`acme-dead-letters-${name}`);

    const eventBridge = new EventBridgeClient({ region: REGION, credentials: CREDENTIALS });
    const published: PutEventsRequestEntry[] = [];
    mockClient(eventBridge)
      .on(PutEventsCommand)
      .callsFake(({ Entries = [] }: { Entries?: PutEventsRequestEntry[] }) => {
        published.push(...Entries);
        return { FailedEntryCount: 0, Entries: Entries.map(() => ({ EventId: randomUUID() })) };
      });
    const logger = new CapturingLogger({ serviceName: 'configuration-monitor', persistentKeys: { environment: name } });
    const settings = { environment: name, eventBusName: 'default', configPrefix: 'config/', deadLetterQueueUrl: deadLetterQueue.url };
    environments[name] = {
      name,
      tableName,
      bucketName: bucketNameOf(name),
      successTopicArn: success.topicArn,
      failureTopicArn: failure.topicArn,
      successQueueUrl: success.queueUrl,
      failureQueueUrl: failure.queueUrl,
      deadLetterQueueUrl: deadLetterQueue.url,
      streams: new StreamRecorder(tableName, ACCOUNT_OF[name], REGION),
      notifications: new NotificationRecorder(bucketNameOf(name), REGION),
      monitor: {
        handler: createMonitorHandler({
          settings,
          eventBridge,
          deadLetters: createDeadLetterQueue({
            sqs: track(withFailedCallNames(new SQSClient({ ...retriedBySdk(REGION), endpoint: fauxqs.endpoint, credentials: CREDENTIALS }))),
            queueUrl: deadLetterQueue.url,
            functionName: 'monitor',
            environment: name,
          }),
          logger,
          processor: new BatchProcessor(EventType.DynamoDBStreams),
          retry: TEST_RETRY,
        }),
        logger,
        published,
      },
    };
  }

  const prod = environments.prod;
  const replicatorSettings: ReplicatorSettings = {
    environment: 'prod',
    sourceTableName: prod.tableName,
    sourceBucketName: prod.bucketName,
    configPrefix: 'config/',
    deadLetterQueueUrl: prod.deadLetterQueueUrl,
    targets: (['staging', 'dev'] as const).map((name) => ({
      environment: name,
      tableName: environments[name].tableName,
      bucketName: environments[name].bucketName,
      successTopicArn: environments[name].successTopicArn,
      failureTopicArn: environments[name].failureTopicArn,
    })),
    retry: TEST_RETRY,
  };
  const replicatorLogger = new CapturingLogger({ serviceName: 'configuration-replicator', persistentKeys: { environment: 'prod' } });
  // The production client settings, pointed at the emulators: all DynamoDB traffic of the
  // function passes the fault proxy, so a target table can be throttled or taken down.
  const replicatorClients = {
    dynamodb: perRegion((region) =>
      track(withFailedCallNames(new DynamoDBClient({ ...retriedByCaller(region ?? REGION), endpoint: proxy.endpoint, credentials: CREDENTIALS }))),
    ),
    s3: track(withFailedCallNames(new S3Client({ ...retriedByCaller(REGION), followRegionRedirects: true, ...s3Config }))),
  };
  const replicatorSns = perRegion((region) => track(withFailedCallNames(new SNSClient({ ...retriedBySdk(region ?? REGION), endpoint: fauxqs.endpoint, credentials: CREDENTIALS }))));
  const replicatorHandler = createReplicatorHandler({
    settings: replicatorSettings,
    logger: replicatorLogger,
    clients: replicatorClients,
    sns: replicatorSns,
    deadLetters: createDeadLetterQueue({
      sqs: track(withFailedCallNames(new SQSClient({ ...retriedBySdk(REGION), endpoint: fauxqs.endpoint, credentials: CREDENTIALS }))),
      queueUrl: prod.deadLetterQueueUrl,
      functionName: 'replicator',
      environment: 'prod',
    }),
  });
  const rulePattern = replicationRulePattern({ sourceEnvironment: 'prod', accountId: ACCOUNT_OF.prod });

  const readItem = async (environment: EnvironmentName, key: Item): Promise<Item | undefined> =>
    (await dynamodb.send(new GetItemCommand({ TableName: environments[environment].tableName, Key: key, ConsistentRead: true }))).Item;

  const drain = async (queueUrl: string) => {
    const messages: { Body?: string; MessageAttributes?: Record<string, { StringValue?: string }> }[] = [];
    for (;;) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, MessageAttributeNames: ['All'] }),
      );
      if (Messages.length === 0) {
        return messages;
      }
      for (const message of Messages) {
        messages.push(message);
        await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
      }
    }
  };

  const world = {
    environments,
    proxy,
    /** The replicator's clients (DynamoDB through the fault proxy), for operator code that replicates as it does. */
    replicator: { handler: replicatorHandler, logger: replicatorLogger, settings: replicatorSettings, clients: replicatorClients, sns: replicatorSns },
    /** A test-side SQS client, straight to the emulator. */
    sqs,
    rulePattern,

    /** Writes an item as an application would and returns the stream record DynamoDB would emit. */
    async writeItem(environment: EnvironmentName, item: Item): Promise<DynamoDBRecord> {
      const env = environments[environment];
      const key = keyOf(item);
      const before = await readItem(environment, key);
      await dynamodb.send(new PutItemCommand({ TableName: env.tableName, Item: item }));
      return env.streams.record(KEY_NAMES, before, await readItem(environment, key));
    },

    async removeItem(environment: EnvironmentName, key: Item): Promise<DynamoDBRecord> {
      const env = environments[environment];
      const before = await readItem(environment, key);
      await dynamodb.send(new DeleteItemCommand({ TableName: env.tableName, Key: key }));
      return env.streams.record(KEY_NAMES, before, undefined);
    },

    /** The stream record of a write that already happened (the replicator's), built from the item read back. */
    async recordCurrentItem(environment: EnvironmentName, key: Item, before?: Item): Promise<DynamoDBRecord> {
      return environments[environment].streams.record(KEY_NAMES, before, await readItem(environment, key));
    },

    readItem,

    async putObject(
      environment: EnvironmentName,
      key: string,
      body: string,
      options: { contentType?: string; metadata?: Record<string, string>; tags?: Record<string, string> } = {},
    ): Promise<S3EventRecord> {
      const env = environments[environment];
      const { ETag } = await s3.send(
        new PutObjectCommand({ Bucket: env.bucketName, Key: key, Body: body, ContentType: options.contentType, Metadata: options.metadata }),
      );
      if (options.tags !== undefined) {
        await s3.send(
          new PutObjectTaggingCommand({
            Bucket: env.bucketName,
            Key: key,
            Tagging: { TagSet: Object.entries(options.tags).map(([Key, Value]) => ({ Key, Value })) },
          }),
        );
      }
      return env.notifications.created(key, Buffer.byteLength(body), (ETag ?? '').replace(/"/g, ''));
    },

    async tagObject(environment: EnvironmentName, key: string, tags: Record<string, string>): Promise<S3EventRecord> {
      const env = environments[environment];
      await s3.send(
        new PutObjectTaggingCommand({ Bucket: env.bucketName, Key: key, Tagging: { TagSet: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) } }),
      );
      return env.notifications.tagged(key);
    },

    async removeObject(environment: EnvironmentName, key: string): Promise<S3EventRecord> {
      const env = environments[environment];
      await s3.send(new DeleteObjectCommand({ Bucket: env.bucketName, Key: key }));
      return env.notifications.removed(key);
    },

    async readObject(environment: EnvironmentName, key: string) {
      const bucket = environments[environment].bucketName;
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const { TagSet = [] } = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
        return {
          body: await object.Body?.transformToString(),
          contentType: head.ContentType,
          metadata: head.Metadata ?? {},
          tags: Object.fromEntries(TagSet.map(({ Key, Value }) => [Key, Value])),
        };
      } catch (error) {
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) {
          return undefined;
        }
        throw error;
      }
    },

    /** The envelope EventBridge delivers for an entry put by `environment`'s monitor in its account. */
    toBusEvent(entry: PutEventsRequestEntry, environment: EnvironmentName, account = ACCOUNT_OF[environment]): ConfigurationChangedEvent {
      return {
        version: '0',
        id: randomUUID(),
        'detail-type': entry.DetailType as ConfigurationChangedEvent['detail-type'],
        source: entry.Source as ConfigurationChangedEvent['source'],
        account,
        time: (entry.Time ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        region: REGION,
        resources: entry.Resources ?? [],
        detail: JSON.parse(entry.Detail ?? 'null') as ConfigurationChangedEvent['detail'],
      };
    },

    /**
     * Delivers an event to `environment`'s monitor, then does what EventBridge and the
     * prod rule would: every entry the monitor put becomes a bus event, and those the
     * rule's pattern matches invoke the replicator, one invocation each, in order.
     */
    async propagate(environment: EnvironmentName, event: unknown, options: { account?: string } = {}) {
      const monitor = environments[environment].monitor;
      const already = monitor.published.length;
      const response = await monitor.handler(event, lambdaContext(`monitor-${environment}`));
      const busEvents = monitor.published.slice(already).map((entry) => world.toBusEvent(entry, environment, options.account));
      const matched = busEvents.filter((busEvent) => matchesEventPattern(rulePattern, busEvent));
      const replications = [];
      for (const busEvent of matched) {
        replications.push(await replicatorHandler(busEvent, lambdaContext('replicator')));
      }
      return { response, busEvents, matched, replications };
    },

    /** Outcomes published to a target's success or failure topic since the last call (SNS -> SQS). */
    async outcomes(environment: EnvironmentName, topic: 'success' | 'failure'): Promise<Received<ReplicationOutcomeMessage>[]> {
      const env = environments[environment];
      const messages = await drain(topic === 'success' ? env.successQueueUrl : env.failureQueueUrl);
      return messages.map(({ Body }) => {
        const notification = JSON.parse(Body ?? '{}') as { Message: string; MessageAttributes?: Record<string, { Value: string }> };
        return {
          body: JSON.parse(notification.Message) as ReplicationOutcomeMessage,
          attributes: Object.fromEntries(Object.entries(notification.MessageAttributes ?? {}).map(([name, { Value }]) => [name, Value])),
        };
      });
    },

    /** Dead letters sent to an environment's queue since the last call. */
    async deadLetters(environment: EnvironmentName): Promise<Received<DeadLetterMessage>[]> {
      const messages = await drain(environments[environment].deadLetterQueueUrl);
      return messages.map(({ Body, MessageAttributes = {} }) => ({
        body: JSON.parse(Body ?? '{}') as DeadLetterMessage,
        attributes: Object.fromEntries(Object.entries(MessageAttributes).map(([name, value]) => [name, value.StringValue ?? ''])),
      }));
    },

    /** Fails the test if any topic or dead-letter queue holds a message the test did not read. */
    async unreadMessages() {
      const counts: Record<string, number> = {};
      for (const name of names) {
        counts[`${name} success`] = (await world.outcomes(name, 'success')).length;
        counts[`${name} failure`] = (await world.outcomes(name, 'failure')).length;
        counts[`${name} dead letters`] = (await world.deadLetters(name)).length;
      }
      return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
    },

    async stop() {
      for (const client of clients) {
        client.destroy();
      }
      await Promise.all([proxy.stop(), s3rver.stop(), fauxqs.stop()]);
      await dynalite.stop();
    },
  };
  return world;
}

export type ThreeEnvironments = Awaited<ReturnType<typeof startThreeEnvironments>>;

export function keyOf(item: Item): Item {
  return Object.fromEntries(KEY_NAMES.map((name) => [name, item[name] as AttributeValue]));
}

function bucketNameOf(environment: EnvironmentName): string {
  return `acme-data-${environment}`;
}

/**
 * The three environments for one test file: started before its tests, stopped
 * after, and after each test any injected fault is cleared and every message the
 * test caused must have been read (asserted) by it. The returned object forwards
 * to the environments once they run, so tests can keep it in a module constant.
 */
export function useThreeEnvironments(): ThreeEnvironments {
  let running: ThreeEnvironments | undefined;
  beforeAll(async () => {
    running = await startThreeEnvironments();
  });
  afterAll(async () => {
    await running?.stop();
  });
  afterEach(async () => {
    running?.proxy.clearFaults();
    expect(await running?.unreadMessages()).toEqual({});
  });
  return new Proxy({} as ThreeEnvironments, {
    get(_target, property) {
      if (running === undefined) {
        throw new Error('the three environments start in beforeAll; use them inside tests');
      }
      const value: unknown = Reflect.get(running, property);
      return typeof value === 'function' ? value.bind(running) : value;
    },
  });
}
