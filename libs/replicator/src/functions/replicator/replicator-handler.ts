import type { Logger } from '@aws-lambda-powertools/logger';
import type { ConfigurationChangedDetail, ReplicatorSettings } from '@data-platform/replication-contract';
import type { Context } from 'aws-lambda';
import type { DeadLetterQueue } from '../../runtime/dead-letter-queue';
import { type Clock, systemClock } from '../../runtime/clock';
import { type ErrorSummary, summarizeError } from '../../runtime/error-summary';
import { invocationDeadline } from '../../runtime/invocation-deadline';
import { type ReplicationClients, replicateToTargets, type TargetOutcome } from '../../replication/replicate-to-target';
import { outcomeMessage, publishOutcome, type SNSClientFor } from './outcome-topics';
import { readReplicableChange } from './replicable-change';

export interface ReplicatorDependencies {
  readonly settings: ReplicatorSettings;
  readonly clients: ReplicationClients;
  readonly sns: SNSClientFor;
  readonly deadLetters: DeadLetterQueue;
  readonly logger: Logger;
  readonly clock?: Clock;
}

/** What one invocation did; Lambda ignores it for async invokes, tests and tools read it. */
export type ReplicationSummary =
  | { readonly rejected: ErrorSummary }
  | {
      readonly changeId: string;
      readonly targets: readonly {
        readonly environment: string;
        readonly outcome: TargetOutcome['outcome'];
        readonly action?: string;
        readonly attempts: number;
      }[];
    };

/**
 * Invoked asynchronously by the prod rule with one ConfigurationChanged event.
 * Every target ends with an outcome on its topic; a failed target also ends as a
 * dead letter. The handler throws only when it could not record a failure (the
 * dead-letter queue refused it), so Lambda's retries and on-failure destination
 * take over and nothing is lost.
 */
export function createReplicatorHandler(dependencies: ReplicatorDependencies) {
  const { settings, clients, sns, deadLetters, logger } = dependencies;
  const clock = dependencies.clock ?? systemClock;

  async function report(event: unknown, outcome: TargetOutcome, change: ConfigurationChangedDetail): Promise<void> {
    const { target } = outcome;
    const fields = { targetEnvironment: target.environment, attempts: outcome.attempts };
    if (outcome.outcome === 'failed') {
      logger.error('Replication failed; sending the change to the dead-letter queue', { ...fields, error: outcome.error });
      await deadLetters.send({
        reason: 'replication-failed',
        change,
        targetEnvironment: target.environment,
        originalEvent: event,
        error: outcome.error,
        attempts: outcome.attempts,
      });
    } else {
      logger.info('Replicated', { ...fields, action: outcome.action });
    }
    const message = outcomeMessage(change, outcome, new Date(clock.now()));
    const topicArn = outcome.outcome === 'succeeded' ? target.successTopicArn : target.failureTopicArn;
    try {
      await publishOutcome(sns, message, topicArn);
    } catch (error) {
      const summary = summarizeError(error);
      logger.error('Could not publish the outcome; sending it to the dead-letter queue', { ...fields, topicArn, error: summary });
      await deadLetters.send({
        reason: 'notification-failed',
        change,
        targetEnvironment: target.environment,
        originalEvent: message,
        error: summary,
        attempts: (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1,
      });
    }
  }

  return async function handler(event: unknown, context: Context): Promise<ReplicationSummary> {
    logger.addContext(context);
    let change: ConfigurationChangedDetail;
    try {
      change = readReplicableChange(event, settings);
    } catch (error) {
      const summary = summarizeError(error, { retryable: false });
      logger.error('Unreplicable event; sending it to the dead-letter queue', { error: summary });
      await deadLetters.send({ reason: 'malformed-event', originalEvent: event, error: summary, attempts: 1 });
      return { rejected: summary };
    }
    logger.setCorrelationId(change.changeId);
    try {
      logger.info('Replicating', { changeType: change.changeType, subject: change.subject, sequence: change.sequence });
      const deadline = invocationDeadline(clock.now(), context.getRemainingTimeInMillis());
      const outcomes = await replicateToTargets(change, settings.targets, {
        clients,
        retry: settings.retry,
        deadline,
        clock,
        log: logger,
      });
      const reports = await Promise.allSettled(outcomes.map((outcome) => report(event, outcome, change)));
      const unrecorded = reports.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (unrecorded.length > 0) {
        const reasons = unrecorded.map(({ reason }) => summarizeError(reason));
        logger.error('Could not record a failure; failing the invocation so Lambda retries it', { errors: reasons });
        throw new Error(`could not record ${unrecorded.length} failure(s): ${reasons.map((r) => `${r.name}: ${r.message}`).join('; ')}`);
      }
      return {
        changeId: change.changeId,
        targets: outcomes.map((outcome) => ({
          environment: outcome.target.environment,
          outcome: outcome.outcome,
          ...(outcome.outcome === 'succeeded' ? { action: outcome.action } : {}),
          attempts: outcome.attempts,
        })),
      };
    } finally {
      logger.removeKeys(['correlation_id']);
    }
  };
}
