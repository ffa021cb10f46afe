import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import {
  CONFIGURATION_CHANGED_DETAIL_TYPE,
  configurationChangedSource,
  type ConfigurationChangedDetail,
  type ReplicationTarget,
  type ReplicatorSettings,
} from '@data-platform/replication-contract';
import { publishOutcome, type SNSClientFor } from '../../functions/replicator/outcome-topics';
import { readReplicableChange } from '../../functions/replicator/replicable-change';
import { type ReplicationClients, type ReplicationLog, replicateToTargets } from '../../replication/replicate-to-target';
import { type Clock, systemClock } from '../../runtime/clock';
import { summarizeError } from '../../runtime/error-summary';
import { classifyDeadLetter, type DeadLetterShape, type DeadLetterShapeName } from './dead-letter-shapes';

/**
 * A message is hidden from other consumers while it is replayed. Replaying one change
 * is bounded by REPLAY_BUDGET_MS, well inside the visibility timeout, so a message can
 * never reappear (and be replayed twice at once) while its replay still runs.
 */
export const REDRIVE_VISIBILITY_TIMEOUT_SECONDS = 300;
const REPLAY_BUDGET_MS = 120_000;
// ReceiveMessage returns at most 10 messages per call (SQS limit).
const RECEIVE_BATCH = 10;

export interface RedriveOptions {
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  /** The replicator's settings: its targets, retry budget and what a replicable change is. */
  readonly settings: ReplicatorSettings;
  readonly clients: ReplicationClients;
  readonly sns: SNSClientFor;
  /** Classify and report only: nothing is replicated, published or deleted. */
  readonly dryRun?: boolean;
  /** At most this many messages are handled. */
  readonly max?: number;
  readonly onProgress?: (result: RedriveMessageResult) => void;
  readonly clock?: Clock;
  readonly log?: ReplicationLog;
}

/** What happened to one message: deleted only once everything it asks for is done. */
export interface RedriveMessageResult {
  readonly messageId: string;
  readonly shape: DeadLetterShapeName;
  readonly decision: 'deleted' | 'kept' | 'would-replay';
  /** Why it was kept, or what a dry run would do. */
  readonly reason: string;
}

export interface RedriveSummary {
  readonly dryRun: boolean;
  readonly handled: number;
  readonly deleted: number;
  readonly kept: number;
  readonly byShape: Readonly<Partial<Record<DeadLetterShapeName, number>>>;
  readonly byDecision: Readonly<Partial<Record<RedriveMessageResult['decision'], number>>>;
  readonly messages: readonly RedriveMessageResult[];
}

export class RedriveSettingError extends Error {
  constructor(readonly setting: string, readonly value: unknown, readonly rule: string) {
    super(`${setting}=${JSON.stringify(value)} is invalid: ${rule}`);
    this.name = 'RedriveSettingError';
  }
}

/**
 * Drains a dead-letter queue once and replays what can be replayed, state-based:
 * each change is made "equal to prod now" in the targets it names, so a replay is
 * idempotent and an old message never writes old data. A message is deleted only
 * after every target it names succeeded (or its outcome was published again); any
 * other message is kept. Kept messages stay invisible until the drain ends (so one run
 * never handles a message twice) and are then made visible again at once, ready for
 * the next run; if the run dies first they reappear after the visibility timeout.
 */
export async function redrive(options: RedriveOptions): Promise<RedriveSummary> {
  const max = options.max ?? Number.POSITIVE_INFINITY;
  if (options.max !== undefined && (!Number.isInteger(options.max) || options.max < 1)) {
    throw new RedriveSettingError('max', options.max, 'must be a whole number of messages, at least 1');
  }
  const dryRun = options.dryRun ?? false;
  const results: RedriveMessageResult[] = [];
  const kept: Message[] = [];
  const seen = new Set<string>();
  try {
    while (results.length < max) {
      const { Messages = [] } = await options.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: options.queueUrl,
          MaxNumberOfMessages: Math.min(RECEIVE_BATCH, max - results.length),
          VisibilityTimeout: REDRIVE_VISIBILITY_TIMEOUT_SECONDS,
          // Draining: an empty answer means the queue holds nothing visible, so stop at once.
          WaitTimeSeconds: 0,
          MessageAttributeNames: ['All'],
        }),
      );
      const fresh = Messages.filter((message) => !seen.has(message.MessageId ?? ''));
      if (fresh.length === 0) {
        break;
      }
      for (const message of fresh) {
        seen.add(message.MessageId ?? '');
        const result = await handle(message, options, dryRun);
        if (result.decision === 'deleted') {
          await options.sqs.send(new DeleteMessageCommand({ QueueUrl: options.queueUrl, ReceiptHandle: message.ReceiptHandle }));
        } else {
          kept.push(message);
        }
        results.push(result);
        options.onProgress?.(result);
      }
    }
  } finally {
    for (const message of kept) {
      await options.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: options.queueUrl, ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 }));
    }
  }
  return summarize(results, dryRun);
}

async function handle(message: Message, options: RedriveOptions, dryRun: boolean): Promise<RedriveMessageResult> {
  const attributes = Object.fromEntries(Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, value.StringValue ?? '']));
  const shape = classifyDeadLetter({ body: message.Body ?? '', attributes });
  const result = (decision: RedriveMessageResult['decision'], reason: string): RedriveMessageResult => ({
    messageId: message.MessageId ?? '',
    shape: shape.shape,
    decision,
    reason,
  });
  try {
    const plan = planOf(shape, options.settings);
    if ('keep' in plan) {
      return result('kept', plan.keep);
    }
    if (dryRun) {
      return result('would-replay', plan.describe);
    }
    const failure = await plan.run(options);
    return failure === undefined ? result('deleted', plan.describe) : result('kept', failure);
  } catch (error) {
    const { name, message: text } = summarizeError(error);
    return result('kept', `${name}: ${text}`);
  }
}

type Plan = { readonly keep: string } | { readonly describe: string; run(options: RedriveOptions): Promise<string | undefined> };

/** What a shape asks for; throws when it names something these settings do not know. */
function planOf(shape: DeadLetterShape, settings: ReplicatorSettings): Plan {
  switch (shape.shape) {
    case 'replication-failed':
      return replay(shape.change, [targetNamed(shape.targetEnvironment, settings)], settings);
    case 'publish-failed':
    case 'lambda-on-failure':
    case 'eventbridge-target-failure':
      return replay(shape.change, settings.targets, settings);
    case 'notification-failed': {
      const target = targetNamed(shape.targetEnvironment, settings);
      const topicArn = shape.outcome.outcome === 'succeeded' ? target.successTopicArn : target.failureTopicArn;
      return {
        describe: `publish the ${shape.outcome.outcome} outcome of ${shape.outcome.changeId} to ${topicArn}`,
        run: async (options) => {
          await publishOutcome(options.sns, shape.outcome, topicArn);
          return undefined;
        },
      };
    }
    case 'malformed-event':
    case 'stream-batch-failure':
    case 'unknown':
      return { keep: shape.reason };
  }
}

function replay(change: ConfigurationChangedDetail, targets: readonly ReplicationTarget[], settings: ReplicatorSettings): Plan {
  // The replicator's own rules: only the source environment's table and configuration prefix are replayed.
  readReplicableChange({ source: configurationChangedSource(change.environment), 'detail-type': CONFIGURATION_CHANGED_DETAIL_TYPE, detail: change }, settings);
  const names = targets.map(({ environment }) => environment).join(', ');
  return {
    describe: `replicate change ${change.changeId} to ${names}`,
    run: async (options) => {
      const clock = options.clock ?? systemClock;
      const outcomes = await replicateToTargets(change, targets, {
        clients: options.clients,
        retry: settings.retry,
        deadline: clock.now() + REPLAY_BUDGET_MS,
        clock,
        log: options.log,
      });
      const failed = outcomes.flatMap((outcome) => (outcome.outcome === 'failed' ? [`${outcome.target.environment}: ${outcome.error.name}: ${outcome.error.message}`] : []));
      return failed.length === 0 ? undefined : `not applied in ${failed.join('; ')}`;
    },
  };
}

function targetNamed(environment: string, settings: ReplicatorSettings): ReplicationTarget {
  const target = settings.targets.find((candidate) => candidate.environment === environment);
  if (target === undefined) {
    throw new RedriveSettingError('targetEnvironment', environment, `must be one of the replicator's targets (${settings.targets.map((t) => t.environment).join(', ')})`);
  }
  return target;
}

function summarize(messages: RedriveMessageResult[], dryRun: boolean): RedriveSummary {
  const count = <K extends string>(key: (result: RedriveMessageResult) => K) =>
    messages.reduce<Partial<Record<K, number>>>((counts, result) => ({ ...counts, [key(result)]: (counts[key(result)] ?? 0) + 1 }), {});
  return {
    dryRun,
    handled: messages.length,
    deleted: messages.filter(({ decision }) => decision === 'deleted').length,
    kept: messages.filter(({ decision }) => decision !== 'deleted').length,
    byShape: count(({ shape }) => shape),
    byDecision: count(({ decision }) => decision),
    messages,
  };
}
