import {
  type ConfigurationChangedDetail,
  DEAD_LETTER_SCHEMA_VERSION,
  type DeadLetterMessage,
  type EnvironmentName,
  ENVIRONMENT_NAMES,
  parseConfigurationChangedDetail,
  type ReplicationOutcomeMessage,
} from '@data-platform/replication-contract';

/** A dead-letter-queue message as SQS returns it: the body and the string message attributes. */
export interface ReceivedDeadLetter {
  readonly body: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** The shard and sequence range of a stream batch Lambda gave up on; the records themselves are not in the message. */
export interface StreamBatchRange {
  readonly streamArn: string;
  readonly shardId: string;
  readonly startSequenceNumber: string;
  readonly endSequenceNumber: string;
  readonly batchSize: number;
  readonly approximateArrivalOfFirstRecord?: string;
  readonly approximateArrivalOfLastRecord?: string;
}

/**
 * What a dead letter is and so what a redrive can do with it. Replayable shapes carry
 * the change (validated by the contract's schema); `targetEnvironment` absent means
 * "every target". The others carry why they are only reported.
 */
export type DeadLetterShape =
  | { readonly shape: 'replication-failed'; readonly change: ConfigurationChangedDetail; readonly targetEnvironment: EnvironmentName }
  | { readonly shape: 'notification-failed'; readonly outcome: ReplicationOutcomeMessage; readonly targetEnvironment: EnvironmentName }
  | { readonly shape: 'publish-failed'; readonly change: ConfigurationChangedDetail }
  | { readonly shape: 'lambda-on-failure'; readonly change: ConfigurationChangedDetail; readonly functionArn: string; readonly condition: string }
  | { readonly shape: 'eventbridge-target-failure'; readonly change: ConfigurationChangedDetail; readonly ruleArn: string; readonly errorCode: string }
  | { readonly shape: 'malformed-event'; readonly reason: string }
  | { readonly shape: 'stream-batch-failure'; readonly range: StreamBatchRange; readonly reason: string }
  | { readonly shape: 'unknown'; readonly reason: string };

export type DeadLetterShapeName = DeadLetterShape['shape'];

/** Attribute names EventBridge sets on a message it sends to a target's dead-letter queue. */
export const EVENTBRIDGE_DLQ_ATTRIBUTES = { ruleArn: 'RULE_ARN', targetArn: 'TARGET_ARN', errorCode: 'ERROR_CODE', errorMessage: 'ERROR_MESSAGE' } as const;

// Lambda keeps stream records for the stream's retention only (DynamoDB Streams: 24 hours).
const STREAM_BATCH_REASON =
  'a stream batch on-failure record holds only the shard and sequence range, not the records, and DynamoDB Streams keeps records 24 hours: run a resync of the affected table instead';

/** Classifies one dead letter. Never throws: what cannot be understood is `unknown`, with why. */
export function classifyDeadLetter(message: ReceivedDeadLetter): DeadLetterShape {
  let body: unknown;
  try {
    body = JSON.parse(message.body);
  } catch {
    return { shape: 'unknown', reason: 'the body is not JSON' };
  }
  if (!isObject(body)) {
    return { shape: 'unknown', reason: 'the body is not a JSON object' };
  }
  try {
    if (message.attributes[EVENTBRIDGE_DLQ_ATTRIBUTES.errorCode] !== undefined) {
      return eventBridgeTargetFailure(body, message.attributes);
    }
    if (body['schemaVersion'] === DEAD_LETTER_SCHEMA_VERSION && typeof body['reason'] === 'string') {
      return ownDeadLetter(body as unknown as DeadLetterMessage);
    }
    if (isObject(body['DDBStreamBatchInfo'])) {
      return { shape: 'stream-batch-failure', range: streamBatchRange(body['DDBStreamBatchInfo']), reason: STREAM_BATCH_REASON };
    }
    if (isObject(body['requestContext']) && 'requestPayload' in body) {
      return lambdaOnFailure(body);
    }
  } catch (error) {
    return { shape: 'unknown', reason: (error as Error).message };
  }
  return { shape: 'unknown', reason: 'neither a function dead letter, a Lambda on-failure record nor an EventBridge target failure' };
}

function ownDeadLetter(letter: DeadLetterMessage): DeadLetterShape {
  switch (letter.reason) {
    case 'replication-failed':
      return { shape: 'replication-failed', change: parseConfigurationChangedDetail(letter.change), targetEnvironment: environmentName(letter.targetEnvironment, 'targetEnvironment') };
    case 'publish-failed':
      return { shape: 'publish-failed', change: parseConfigurationChangedDetail(letter.change) };
    case 'notification-failed':
      return { shape: 'notification-failed', outcome: outcomeMessage(letter.originalEvent), targetEnvironment: environmentName(letter.targetEnvironment, 'targetEnvironment') };
    case 'malformed-event':
      return { shape: 'malformed-event', reason: `kept for inspection, never replayed: ${letter.error?.name ?? 'Error'}: ${letter.error?.message ?? '(no message)'}` };
    default:
      return { shape: 'unknown', reason: `dead letter reason ${JSON.stringify(letter.reason)} is not one this redrive knows` };
  }
}

/** Lambda destinations: the on-failure record of an asynchronous invoke holds the event in requestPayload. */
function lambdaOnFailure(body: Record<string, unknown>): DeadLetterShape {
  const context = body['requestContext'] as Record<string, unknown>;
  return {
    shape: 'lambda-on-failure',
    change: changeOfEvent(body['requestPayload'], 'requestPayload'),
    functionArn: String(context['functionArn'] ?? ''),
    condition: String(context['condition'] ?? ''),
  };
}

/** EventBridge sends the event itself, with why in message attributes. */
function eventBridgeTargetFailure(body: Record<string, unknown>, attributes: Readonly<Record<string, string>>): DeadLetterShape {
  return {
    shape: 'eventbridge-target-failure',
    change: changeOfEvent(body, 'body'),
    ruleArn: attributes[EVENTBRIDGE_DLQ_ATTRIBUTES.ruleArn] ?? '',
    errorCode: attributes[EVENTBRIDGE_DLQ_ATTRIBUTES.errorCode] ?? '',
  };
}

function changeOfEvent(event: unknown, field: string): ConfigurationChangedDetail {
  if (!isObject(event)) {
    throw new Error(`${field} is not an EventBridge event object`);
  }
  return parseConfigurationChangedDetail(event['detail']);
}

function streamBatchRange(info: Record<string, unknown>): StreamBatchRange {
  const text = (name: string): string => {
    const value = info[name];
    if (typeof value !== 'string' || value === '') {
      throw new Error(`DDBStreamBatchInfo.${name}=${JSON.stringify(value)} must be a non-empty string`);
    }
    return value;
  };
  const optional = (name: string) => (typeof info[name] === 'string' ? { [name]: info[name] as string } : {});
  return {
    streamArn: text('streamArn'),
    shardId: text('shardId'),
    startSequenceNumber: text('startSequenceNumber'),
    endSequenceNumber: text('endSequenceNumber'),
    batchSize: Number(info['batchSize'] ?? 0),
    ...optional('approximateArrivalOfFirstRecord'),
    ...optional('approximateArrivalOfLastRecord'),
  };
}

/** The outcome the replicator could not publish; its subject is checked by the change schema's rules. */
function outcomeMessage(value: unknown): ReplicationOutcomeMessage {
  if (!isObject(value) || value['schemaVersion'] !== 1 || (value['outcome'] !== 'succeeded' && value['outcome'] !== 'failed')) {
    throw new Error('notification-failed originalEvent is not a replication outcome message (schemaVersion 1, outcome succeeded or failed)');
  }
  environmentName(value['targetEnvironment'], 'originalEvent.targetEnvironment');
  return value as unknown as ReplicationOutcomeMessage;
}

function environmentName(value: unknown, field: string): EnvironmentName {
  if (!(ENVIRONMENT_NAMES as readonly unknown[]).includes(value)) {
    throw new Error(`${field}=${JSON.stringify(value)} must be one of ${ENVIRONMENT_NAMES.join(', ')}`);
  }
  return value as EnvironmentName;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
