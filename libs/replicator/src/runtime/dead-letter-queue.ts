import { type MessageAttributeValue, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import {
  DEAD_LETTER_ATTRIBUTES,
  DEAD_LETTER_SCHEMA_VERSION,
  type DeadLetterMessage,
  type EnvironmentName,
  type LambdaFunctionName,
} from '@data-platform/replication-contract';
import { stringAttributes } from './message-attributes';

/** A dead letter as the caller knows it; who sent it and when is added here. */
export type DeadLetter = Omit<DeadLetterMessage, 'schemaVersion' | 'functionName' | 'environment' | 'failedAt'>;

export interface DeadLetterQueue {
  /** Throws when the message could not be sent: the caller must then fail loudly. */
  send(letter: DeadLetter): Promise<void>;
}

// SQS accepts 256 KiB per message; keep room for the attributes.
const MAX_BODY_BYTES = 240 * 1024;
const PREVIEW_CHARACTERS = 8 * 1024;

export function createDeadLetterQueue(options: {
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly functionName: LambdaFunctionName;
  readonly environment: EnvironmentName;
  readonly now?: () => Date;
}): DeadLetterQueue {
  const now = options.now ?? (() => new Date());
  return {
    async send(letter) {
      const message: DeadLetterMessage = {
        schemaVersion: DEAD_LETTER_SCHEMA_VERSION,
        functionName: options.functionName,
        environment: options.environment,
        ...letter,
        failedAt: now().toISOString(),
      };
      await options.sqs.send(
        new SendMessageCommand({
          QueueUrl: options.queueUrl,
          MessageBody: boundedBody(message),
          MessageAttributes: deadLetterAttributes(message),
        }),
      );
    },
  };
}

export function deadLetterAttributes(message: DeadLetterMessage): Record<string, MessageAttributeValue> {
  const values: Record<keyof typeof DEAD_LETTER_ATTRIBUTES, string | undefined> = {
    reason: message.reason,
    functionName: message.functionName,
    environment: message.environment,
    targetEnvironment: message.targetEnvironment,
    changeId: message.change?.changeId,
  };
  return stringAttributes(DEAD_LETTER_ATTRIBUTES, values);
}

/** An oversized original input is cut to a preview so the dead letter itself still gets through. */
function boundedBody(message: DeadLetterMessage): string {
  const body = JSON.stringify(message);
  if (Buffer.byteLength(body) <= MAX_BODY_BYTES || message.originalEvent === undefined) {
    return body;
  }
  const original = JSON.stringify(message.originalEvent) ?? '';
  return JSON.stringify({
    ...message,
    originalEvent: { truncated: true, bytes: Buffer.byteLength(original), preview: original.slice(0, PREVIEW_CHARACTERS) },
  });
}
