import { BatchProcessor, EventType } from '@aws-lambda-powertools/batch';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { CapturingLogger } from '../../../test/capturing-logger';
import { fakeClock } from '../../../test/fake-clock';
import { lambdaContext } from '../../../test/lambda-context';
import { NotificationRecorder, notificationEvent, StreamRecorder, streamEvent } from '../../../test/lambda-events';
import type { DeadLetter } from '../../runtime/dead-letter-queue';
import { createMonitorHandler } from './monitor-handler';

const eventBridge = new EventBridgeClient({ region: 'eu-west-1' });
const eventBridgeMock = mockClient(eventBridge);

function monitor(options: { deadLetterFails?: boolean } = {}) {
  const logger = new CapturingLogger({ serviceName: 'configuration-monitor' });
  const deadLetters: DeadLetter[] = [];
  const handler = createMonitorHandler({
    settings: { environment: 'prod', eventBusName: 'default', configPrefix: 'config/', deadLetterQueueUrl: 'http://127.0.0.1:1/dlq' },
    eventBridge,
    deadLetters: {
      send: async (letter) => {
        if (options.deadLetterFails) throw new Error('SQS is down');
        deadLetters.push(letter);
      },
    },
    logger,
    processor: new BatchProcessor(EventType.DynamoDBStreams),
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    clock: fakeClock().clock,
  });
  return { handler: (event: unknown) => handler(event, lambdaContext('monitor')), logger, deadLetters };
}

/** Accepts every entry except those whose detail mentions `refuse`. */
function eventBridgeRefusing(refuse?: string) {
  eventBridgeMock.on(PutEventsCommand).callsFake(({ Entries = [] }: { Entries?: PutEventsRequestEntry[] }) => ({
    FailedEntryCount: 0,
    Entries: Entries.map((entry, index) =>
      refuse !== undefined && entry.Detail?.includes(refuse) ? { ErrorCode: 'ValidationException', ErrorMessage: 'refused' } : { EventId: `event-${index}` },
    ),
  }));
}

const streams = new StreamRecorder('acme-metadata-prod', '111111111111', 'eu-west-1');
const item = (id: string) => ({ pk: { S: id }, sk: { N: '1' }, body: { S: `secret body of ${id}` } });
const notifications = new NotificationRecorder('acme-data-prod', 'eu-west-1');

beforeEach(() => eventBridgeMock.reset());

describe('monitor handler: table stream (partial batch response)', () => {
  it('publishes every readable record in one PutEvents call and dead-letters the ones it could not publish or read', async () => {
    eventBridgeRefusing('refused-item');
    const good = streams.record(['pk', 'sk'], undefined, item('a'));
    const unreadable = { ...streams.record(['pk', 'sk'], undefined, item('b')), eventName: 'TRUNCATE' as never };
    const refused = streams.record(['pk', 'sk'], item('refused-item'), undefined);
    const { handler, deadLetters, logger } = monitor();

    const response = await handler(streamEvent(good, unreadable, refused));

    // Every record ended somewhere it can be replayed from: nothing for Lambda to retry.
    expect(response).toEqual({ batchItemFailures: [] });
    expect(eventBridgeMock.commandCalls(PutEventsCommand)).toHaveLength(1);
    expect(eventBridgeMock.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries).toHaveLength(2);
    expect(deadLetters).toEqual([
      {
        reason: 'malformed-event',
        originalEvent: { ...unreadable, dynamodb: expect.not.objectContaining({ NewImage: expect.anything() }) },
        error: { name: 'UnreadableRecordError', message: 'eventName "TRUNCATE" is not INSERT, MODIFY or REMOVE', retryable: false },
        attempts: 1,
      },
      {
        // The change itself (keys, never images), so a redrive can replay it after the stream's 24 h.
        reason: 'publish-failed',
        change: expect.objectContaining({
          changeId: refused.eventID,
          changeType: 'deleted',
          subject: { kind: 'table-item', tableName: 'acme-metadata-prod', key: { pk: { S: 'refused-item' }, sk: { N: '1' } } },
          sequence: refused.dynamodb?.SequenceNumber,
        }),
        error: expect.objectContaining({ name: 'ValidationException', message: 'refused', retryable: false }),
        attempts: 1,
      },
    ]);
    expect(logger.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'INFO', message: 'Published ConfigurationChanged', correlation_id: good.eventID, eventId: 'event-0' }),
        expect.objectContaining({ level: 'ERROR', message: 'Unreadable record; sending it to the dead-letter queue', correlation_id: unreadable.eventID }),
        expect.objectContaining({ level: 'ERROR', message: 'Could not publish ConfigurationChanged; sending the change to the dead-letter queue', correlation_id: refused.eventID }),
      ]),
    );
    expect(logger.text()).not.toContain('secret body');
  });

  it('reports an unreadable record as failed when even the dead-letter queue refuses it', async () => {
    eventBridgeRefusing();
    const good = streams.record(['pk', 'sk'], undefined, item('c'));
    const unreadable = { ...streams.record(['pk', 'sk'], undefined, item('d')), eventSourceARN: 'not-an-arn' };
    const response = await monitor({ deadLetterFails: true }).handler(streamEvent(good, unreadable));
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: unreadable.dynamodb?.SequenceNumber }] });
  });

  it('fails the whole batch when a failed record has no sequence number to report', async () => {
    eventBridgeRefusing();
    const good = streams.record(['pk', 'sk'], undefined, item('e'));
    const broken = streams.record(['pk', 'sk'], undefined, item('f'));
    delete broken.dynamodb?.SequenceNumber;
    await expect(monitor({ deadLetterFails: true }).handler(streamEvent(good, broken))).rejects.toThrow(/no SequenceNumber/);
  });

  it('reports a record it could neither publish nor dead-letter as failed, so Lambda retries it', async () => {
    eventBridgeRefusing('refused-item');
    const good = streams.record(['pk', 'sk'], undefined, item('h'));
    const refused = streams.record(['pk', 'sk'], undefined, item('refused-item'));
    const { handler, logger } = monitor({ deadLetterFails: true });
    await expect(handler(streamEvent(good, refused))).resolves.toEqual({ batchItemFailures: [{ itemIdentifier: refused.dynamodb?.SequenceNumber }] });
    expect(logger.entries).toEqual(
      expect.arrayContaining([expect.objectContaining({ level: 'ERROR', message: 'The dead-letter queue refused the change too; failing the record so Lambda retries it' })]),
    );
  });

  it('reports every record in batchItemFailures when every record failed, so Lambda retries the batch from the first', async () => {
    eventBridgeRefusing('refused');
    const records = [streams.record(['pk', 'sk'], undefined, item('refused-1')), streams.record(['pk', 'sk'], undefined, item('refused-2'))];
    await expect(monitor({ deadLetterFails: true }).handler(streamEvent(...records))).resolves.toEqual({
      batchItemFailures: records.map((record) => ({ itemIdentifier: record.dynamodb?.SequenceNumber })),
    });
  });

  it('clears the correlation id after each record', async () => {
    eventBridgeRefusing();
    const { handler, logger } = monitor();
    await handler(streamEvent(streams.record(['pk', 'sk'], undefined, item('g'))));
    logger.info('after');
    expect(logger.entries.at(-1)).not.toHaveProperty('correlation_id');
  });
});

describe('monitor handler: bucket notifications (asynchronous invoke)', () => {
  it('publishes one ConfigurationChanged per config/ object, stamped prod, and returns nothing', async () => {
    // Prepare
    eventBridgeRefusing();
    const created = notifications.created('config/a b.json', 1, 'e');
    const removed = notifications.removed('config/gone.json');
    const { handler, deadLetters } = monitor();

    // Act
    const result = await handler(notificationEvent(created, removed));

    // Assess
    expect(result).toBeUndefined();
    const published = eventBridgeMock.commandCalls(PutEventsCommand).flatMap((call) => call.args[0].input.Entries ?? []);
    expect(published.map((entry) => ({ ...entry, Detail: JSON.parse(entry.Detail ?? 'null') }))).toEqual([
      expect.objectContaining({
        Source: 'data-platform.configuration-monitor.prod',
        DetailType: 'ConfigurationChanged',
        EventBusName: 'default',
        Resources: ['arn:aws:s3:::acme-data-prod'],
        Detail: expect.objectContaining({
          environment: 'prod',
          changeType: 'created',
          subject: { kind: 'bucket-object', bucketName: 'acme-data-prod', key: 'config/a b.json' },
          sequence: created.s3.object.sequencer,
        }),
      }),
      expect.objectContaining({
        Detail: expect.objectContaining({
          changeType: 'deleted',
          subject: { kind: 'bucket-object', bucketName: 'acme-data-prod', key: 'config/gone.json' },
          sequence: removed.s3.object.sequencer,
        }),
      }),
    ]);
    expect(deadLetters).toEqual([]);
  });

  it('dead-letters a change it could not publish and succeeds', async () => {
    eventBridgeRefusing('config/refused.json');
    const event = notificationEvent(notifications.created('config/ok.json', 1, 'e'), notifications.created('config/refused.json', 1, 'e'));
    const { handler, deadLetters } = monitor();
    await expect(handler(event)).resolves.toBeUndefined();
    expect(deadLetters).toEqual([
      expect.objectContaining({
        reason: 'publish-failed',
        change: expect.objectContaining({ changeType: 'created', subject: { kind: 'bucket-object', bucketName: 'acme-data-prod', key: 'config/refused.json' } }),
      }),
    ]);
  });

  it('throws when a change could be neither published nor dead-lettered, so Lambda retries and then uses the on-failure destination', async () => {
    eventBridgeRefusing('config/refused.json');
    const event = notificationEvent(notifications.created('config/ok.json', 1, 'e'), notifications.created('config/refused.json', 1, 'e'));
    await expect(monitor({ deadLetterFails: true }).handler(event)).rejects.toThrow(
      /1 of 2 object notification\(s\) failed: PutEvents failed for change s3-.* and so did the dead-letter queue/,
    );
  });

  it('dead-letters a record it cannot understand and succeeds', async () => {
    eventBridgeRefusing();
    const restore = { ...notifications.created('config/a.json', 1, 'e'), eventName: 'ObjectRestore:Completed' };
    const { handler, deadLetters } = monitor();
    await expect(handler(notificationEvent(restore))).resolves.toBeUndefined();
    expect(deadLetters).toEqual([expect.objectContaining({ reason: 'malformed-event', originalEvent: restore })]);
    expect(eventBridgeMock.calls()).toHaveLength(0);
  });

  it('throws when the dead-letter queue refuses an unreadable record', async () => {
    const restore = { ...notifications.created('config/a.json', 1, 'e'), eventName: 'ObjectRestore:Completed' };
    await expect(monitor({ deadLetterFails: true }).handler(notificationEvent(restore))).rejects.toThrow(/SQS is down/);
  });
});

describe('monitor handler: other events', () => {
  it('ignores the S3 test event and empty batches', async () => {
    const { handler, deadLetters } = monitor();
    await expect(handler({ Service: 'Amazon S3', Event: 's3:TestEvent', Time: '2026-11-26T10:00:00Z', Bucket: 'b' })).resolves.toBeUndefined();
    await expect(handler({ Records: [] })).resolves.toBeUndefined();
    expect(deadLetters).toEqual([]);
    expect(eventBridgeMock.calls()).toHaveLength(0);
  });

  it.each([[{ detail: 'something else' }], [null], [{ Records: [{ eventSource: 'aws:sqs' }] }]])('dead-letters an event it cannot understand: %j', async (event) => {
    const { handler, deadLetters } = monitor();
    await expect(handler(event)).resolves.toBeUndefined();
    expect(deadLetters).toEqual([
      {
        reason: 'malformed-event',
        originalEvent: event,
        error: { name: 'UnreadableEventError', message: 'event is neither DynamoDB stream records nor S3 notifications', retryable: false },
        attempts: 1,
      },
    ]);
  });

  it('throws when the dead-letter queue refuses an unreadable event', async () => {
    await expect(monitor({ deadLetterFails: true }).handler({ detail: 'x' })).rejects.toThrow(/SQS is down/);
  });
});
