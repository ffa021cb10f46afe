import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { ConfigurationChangedEntry } from '@data-platform/replication-contract';
import { mockClient } from 'aws-sdk-client-mock';
import { fakeClock } from '../../../test/fake-clock';
import { publishChanges } from './change-publisher';

const eventBridge = new EventBridgeClient({ region: 'eu-west-1' });
const eventBridgeMock = mockClient(eventBridge);
const retry = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 };

const entries = (count: number): ConfigurationChangedEntry[] =>
  Array.from({ length: count }, (_, index) => ({
    Source: 'data-platform.configuration-monitor',
    DetailType: 'ConfigurationChanged',
    Detail: JSON.stringify({ index }),
    EventBusName: 'default',
    Resources: [],
    Time: new Date(0),
  }));

const sentDetails = () =>
  eventBridgeMock.commandCalls(PutEventsCommand).map((call) => (call.args[0].input.Entries ?? []).map((entry) => JSON.parse(entry.Detail ?? '{}').index));

function publish(count: number, deadlineMs = 60_000) {
  const time = fakeClock({ random: 0.5 });
  return { time, result: publishChanges(entries(count), { eventBridge, policy: { retry, deadline: time.clock.now() + deadlineMs, clock: time.clock } }) };
}

const accepted = (input: { Entries?: PutEventsRequestEntry[] }) => ({
  FailedEntryCount: 0,
  Entries: (input.Entries ?? []).map((entry) => ({ EventId: `id-${JSON.parse(entry.Detail ?? '{}').index}` })),
});

beforeEach(() => eventBridgeMock.reset());

describe('publishChanges', () => {
  it('puts 12 changes in two calls of 10 and 2', async () => {
    eventBridgeMock.on(PutEventsCommand).callsFake(accepted);
    const { result } = publish(12);
    const outcomes = await result;
    expect(sentDetails()).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [10, 11]]);
    expect(outcomes.map((outcome) => outcome.published && outcome.eventId)).toEqual(Array.from({ length: 12 }, (_, index) => `id-${index}`));
  });

  it('retries exactly the entries reported as failed with a retryable code, after a backoff', async () => {
    eventBridgeMock
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 3,
        Entries: [
          { EventId: 'id-0' },
          { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' },
          { EventId: 'id-2' },
          { ErrorCode: 'InternalFailure', ErrorMessage: 'Internal failure' },
          { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed' },
        ],
      })
      .callsFake(accepted);
    const { time, result } = publish(5);

    const outcomes = await result;

    expect(sentDetails()).toEqual([[0, 1, 2, 3, 4], [1, 3]]);
    expect(time.sleeps).toEqual([50]);
    expect(outcomes).toEqual([
      { published: true, eventId: 'id-0', attempts: 1 },
      { published: true, eventId: 'id-1', attempts: 2 },
      { published: true, eventId: 'id-2', attempts: 1 },
      { published: true, eventId: 'id-3', attempts: 2 },
      { published: false, error: { name: 'MalformedDetail', message: 'Detail is malformed', retryable: false }, attempts: 1 },
    ]);
  });

  it('reports entries still failing after the last attempt with their last error', async () => {
    eventBridgeMock.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }] });
    const outcomes = await publish(1).result;
    expect(eventBridgeMock.commandCalls(PutEventsCommand)).toHaveLength(3);
    expect(outcomes).toEqual([{ published: false, error: { name: 'ThrottlingException', message: 'Rate exceeded', retryable: true }, attempts: 3 }]);
  });

  it('retries a whole call that failed retryably and fails a whole call that cannot succeed', async () => {
    eventBridgeMock
      .on(PutEventsCommand)
      .rejectsOnce(Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } }))
      .callsFake(accepted);
    expect((await publish(2).result).map((outcome) => outcome.attempts)).toEqual([2, 2]);

    eventBridgeMock.reset();
    eventBridgeMock.on(PutEventsCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }));
    expect(await publish(2).result).toEqual([
      { published: false, error: { name: 'AccessDeniedException', message: 'not authorized', retryable: false, httpStatus: 400 }, attempts: 1 },
      { published: false, error: { name: 'AccessDeniedException', message: 'not authorized', retryable: false, httpStatus: 400 }, attempts: 1 },
    ]);
  });

  it('stops when the next wait would pass the deadline', async () => {
    eventBridgeMock.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }] });
    const outcomes = await publish(1, 40).result;
    expect(eventBridgeMock.commandCalls(PutEventsCommand)).toHaveLength(1);
    expect(outcomes).toEqual([
      {
        published: false,
        error: { name: 'RetryBudgetExhaustedError', message: 'retry budget exhausted; last error ThrottlingException: Rate exceeded', retryable: true },
        attempts: 1,
      },
    ]);
  });

  it('makes no call for no changes', async () => {
    expect(await publish(0).result).toEqual([]);
    expect(eventBridgeMock.calls()).toHaveLength(0);
  });
});
