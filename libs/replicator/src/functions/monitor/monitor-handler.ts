import type { BatchProcessor } from '@aws-lambda-powertools/batch';
import { processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DEFAULT_RETRY, type MonitorSettings, type RetrySettings } from '@data-platform/replication-contract';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent, S3Event, S3EventRecord } from 'aws-lambda';
import type { DeadLetterQueue } from '../../runtime/dead-letter-queue';
import { type Clock, systemClock } from '../../runtime/clock';
import { summarizeError } from '../../runtime/error-summary';
import { invocationDeadline } from '../../runtime/invocation-deadline';
import { publishChanges, type PublishOutcome } from './change-publisher';
import { changeFromObjectNotification, type OutsidePrefix } from './object-notification-change';
import type { PendingChange } from './pending-change';
import { changeFromStreamRecord, withoutImages } from './stream-record-change';

export interface MonitorDependencies {
  readonly settings: MonitorSettings;
  readonly eventBridge: EventBridgeClient;
  readonly deadLetters: DeadLetterQueue;
  readonly logger: Logger;
  /** Created once per container, as Powertools recommends. */
  readonly processor: BatchProcessor;
  /** PutEvents retries; the contract's defaults unless a test needs them tiny. */
  readonly retry?: RetrySettings;
  readonly clock?: Clock;
}

/** What the monitor made of one input record. */
type Reading =
  | { readonly kind: 'change'; readonly change: PendingChange; publish?: PublishOutcome }
  | { readonly kind: 'outside-prefix'; readonly key: string }
  | { readonly kind: 'unreadable'; readonly error: unknown };

/**
 * One handler for both sources of the monitor: the table's stream (an event
 * source mapping, answered with a partial batch response) and the bucket's
 * `config/` notifications (an asynchronous invoke). A change that cannot be put on
 * the bus is dead-lettered whole; only when the dead-letter queue refuses it too is
 * the record failed (stream) or the invocation thrown (notifications), so that
 * Lambda's retries and on-failure destination take over.
 */
export function createMonitorHandler(dependencies: MonitorDependencies) {
  const { settings, eventBridge, deadLetters, logger, processor } = dependencies;
  const retry = dependencies.retry ?? DEFAULT_RETRY;
  const clock = dependencies.clock ?? systemClock;

  async function read<R>(records: readonly R[], toChange: (record: R) => PendingChange | OutsidePrefix, context: Context) {
    const readings = new Map<R, Reading>();
    for (const record of records) {
      try {
        const change = toChange(record);
        readings.set(record, 'outsidePrefix' in change ? { kind: 'outside-prefix', key: change.outsidePrefix } : { kind: 'change', change });
      } catch (error) {
        readings.set(record, { kind: 'unreadable', error });
      }
    }
    // Publish everything in as few PutEvents calls as possible before settling record by record.
    const changes = [...readings.values()].filter((reading) => reading.kind === 'change');
    const deadline = invocationDeadline(clock.now(), context.getRemainingTimeInMillis());
    const outcomes = await publishChanges(
      changes.map((reading) => reading.change.entry),
      { eventBridge, policy: { retry, deadline, clock } },
    );
    changes.forEach((reading, index) => {
      reading.publish = outcomes[index];
    });
    return readings;
  }

  /** Logs one record's result under its change's correlation id; throws when the record must be retried. */
  async function settle(reading: Reading, correlationId: string | undefined, originalEvent: () => unknown): Promise<void> {
    if (correlationId !== undefined) {
      logger.setCorrelationId(correlationId);
    }
    try {
      switch (reading.kind) {
        case 'outside-prefix':
          logger.info('Ignored an object outside the configuration prefix', { key: reading.key, configPrefix: settings.configPrefix });
          return;
        case 'unreadable': {
          const error = summarizeError(reading.error, { retryable: false });
          logger.error('Unreadable record; sending it to the dead-letter queue', { error });
          await deadLetters.send({ reason: 'malformed-event', originalEvent: originalEvent(), error, attempts: 1 });
          return;
        }
        case 'change': {
          const { detail } = reading.change;
          const publish = reading.publish as PublishOutcome;
          const fields = { changeType: detail.changeType, subject: detail.subject, sequence: detail.sequence, attempts: publish.attempts };
          if (publish.published) {
            logger.info('Published ConfigurationChanged', { ...fields, eventId: publish.eventId });
            return;
          }
          logger.error('Could not publish ConfigurationChanged; sending the change to the dead-letter queue', { ...fields, error: publish.error });
          try {
            await deadLetters.send({ reason: 'publish-failed', change: detail, error: publish.error, attempts: publish.attempts });
          } catch (sendError) {
            // Not published and not dead-lettered: only Lambda's retry of this record is left.
            logger.error('The dead-letter queue refused the change too; failing the record so Lambda retries it', { error: summarizeError(sendError) });
            throw new Error(`PutEvents failed for change ${detail.changeId} (${publish.error.name}: ${publish.error.message}) and so did the dead-letter queue`);
          }
          return;
        }
      }
    } finally {
      logger.removeKeys(['correlation_id']);
    }
  }

  async function handleStream(event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> {
    const readings = await read(event.Records, (record) => changeFromStreamRecord(record, settings), context);
    // Lambda can only be told about a failed record by its sequence number; a record
    // without one that still fails is reported by failing the whole batch.
    let unreportable = false;
    const response = await processPartialResponse(
      event,
      async (record: DynamoDBRecord) => {
        try {
          await settle(readings.get(record) as Reading, record.eventID, () => withoutImages(record));
        } catch (error) {
          unreportable ||= record.dynamodb?.SequenceNumber === undefined;
          throw error;
        }
      },
      processor,
      // In order, one at a time: settling is cheap and per-record log keys must not interleave.
      // A batch whose every record failed is answered like any other (all of them in
      // batchItemFailures) rather than by Powertools' FullBatchFailureError: Lambda
      // retries from the first failed record either way, and one answer is easier to reason about.
      { context, processInParallel: false, throwOnFullBatchFailure: false },
    );
    if (unreportable) {
      throw new Error('A failed stream record has no SequenceNumber to report; failing the whole batch so nothing is lost');
    }
    return response;
  }

  async function handleObjectNotifications(event: S3Event, context: Context): Promise<void> {
    const readings = await read(event.Records, (record) => changeFromObjectNotification(record, settings), context);
    const failures: string[] = [];
    for (const [record, reading] of readings) {
      try {
        await settle(reading, reading.kind === 'change' ? reading.change.detail.changeId : undefined, () => record);
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }
    if (failures.length > 0) {
      // Lambda retries the invocation, then hands it to the on-failure destination (the DLQ).
      throw new Error(`${failures.length} of ${event.Records.length} object notification(s) failed: ${failures.join('; ')}`);
    }
  }

  return async function handler(event: unknown, context: Context): Promise<DynamoDBBatchResponse | void> {
    logger.addContext(context);
    switch (sourceOf(event)) {
      case 'aws:dynamodb':
        return handleStream(event as DynamoDBStreamEvent, context);
      case 'aws:s3':
        return handleObjectNotifications(event as S3Event, context);
      case 's3:TestEvent':
        logger.info('Ignored the test event S3 sends when notifications are configured');
        return;
      case 'empty':
        logger.info('Ignored an event without records');
        return;
      case 'unknown': {
        const error = { name: 'UnreadableEventError', message: 'event is neither DynamoDB stream records nor S3 notifications', retryable: false };
        logger.error('Unreadable event; sending it to the dead-letter queue', { error });
        await deadLetters.send({ reason: 'malformed-event', originalEvent: event, error, attempts: 1 });
        return;
      }
    }
  };
}

function sourceOf(event: unknown): 'aws:dynamodb' | 'aws:s3' | 's3:TestEvent' | 'empty' | 'unknown' {
  if (typeof event !== 'object' || event === null) {
    return 'unknown';
  }
  const { Records: records, Event: s3TestEvent } = event as { Records?: unknown; Event?: unknown };
  if (s3TestEvent === 's3:TestEvent') {
    return 's3:TestEvent';
  }
  if (!Array.isArray(records)) {
    return 'unknown';
  }
  if (records.length === 0) {
    return 'empty';
  }
  const source = (records[0] as Partial<S3EventRecord> | undefined)?.eventSource;
  return source === 'aws:dynamodb' || source === 'aws:s3' ? source : 'unknown';
}
