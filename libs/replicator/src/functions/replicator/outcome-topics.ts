import { type MessageAttributeValue, PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import {
  type ChangeSubject,
  type ConfigurationChangedDetail,
  OUTCOME_ATTRIBUTES,
  type OutcomeAttributeValues,
  type ReplicationOutcomeMessage,
} from '@data-platform/replication-contract';
import { regionOfArn } from '../../runtime/aws-clients';
import { stringAttributes } from '../../runtime/message-attributes';
import type { TargetOutcome } from '../../replication/replicate-to-target';

/** An SNS client for a region; a topic accepts publishes only in its own region. */
export type SNSClientFor = (region: string | undefined) => SNSClient;

/** The outcome message of one target for one change. */
export function outcomeMessage(change: ConfigurationChangedDetail, outcome: TargetOutcome, completedAt: Date): ReplicationOutcomeMessage {
  return {
    schemaVersion: 1,
    outcome: outcome.outcome,
    changeId: change.changeId,
    sourceEnvironment: change.environment,
    targetEnvironment: outcome.target.environment,
    subject: change.subject,
    changeType: change.changeType,
    ...(outcome.outcome === 'succeeded' ? { action: outcome.action } : { error: outcome.error }),
    attempts: outcome.attempts,
    completedAt: completedAt.toISOString(),
  };
}

/** Publishes to the target's success or failure topic, with attributes subscribers can filter on. Throws when SNS refuses. */
export async function publishOutcome(sns: SNSClientFor, message: ReplicationOutcomeMessage, topicArn: string): Promise<void> {
  await sns(regionOfArn(topicArn)).send(
    new PublishCommand({
      TopicArn: topicArn,
      Message: JSON.stringify(message),
      MessageAttributes: outcomeAttributes(message),
    }),
  );
}

export function outcomeAttributes(message: ReplicationOutcomeMessage): Record<string, MessageAttributeValue> {
  const values: OutcomeAttributeValues = {
    outcome: message.outcome,
    sourceEnvironment: message.sourceEnvironment,
    targetEnvironment: message.targetEnvironment,
    changeKind: message.subject.kind,
    key: subjectKey(message.subject),
  };
  return stringAttributes(OUTCOME_ATTRIBUTES, values);
}

/** An object's key as is; an item's key as DynamoDB JSON with attributes in name order, so equal keys read equal. */
export function subjectKey(subject: ChangeSubject): string {
  if (subject.kind === 'bucket-object') {
    return subject.key;
  }
  const names = Object.keys(subject.key).sort();
  return JSON.stringify(Object.fromEntries(names.map((name) => [name, subject.key[name]])));
}
