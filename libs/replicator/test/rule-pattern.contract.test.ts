import { BatchProcessor, EventType } from '@aws-lambda-powertools/batch';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { configurationChangedSource, type EnvironmentName, replicationRulePattern } from '@data-platform/replication-contract';
import { mockClient } from 'aws-sdk-client-mock';
import { createMonitorHandler } from '../src/functions/monitor/monitor-handler';
import { CapturingLogger } from './capturing-logger';
import { matchesEventPattern } from './event-pattern';
import { lambdaContext } from './lambda-context';
import { NotificationRecorder, notificationEvent, StreamRecorder, streamEvent } from './lambda-events';
import { ACCOUNT_OF, REGION } from './three-environments';

/**
 * The rule prod deploys (the contract's replicationRulePattern) against the events
 * the real monitor puts on the bus in each environment, wrapped as EventBridge
 * delivers them (`account` is the sender's account, set by EventBridge).
 */
const pattern = replicationRulePattern({ sourceEnvironment: 'prod', accountId: ACCOUNT_OF.prod });

async function monitorEvents(environment: EnvironmentName, account = ACCOUNT_OF[environment]) {
  const eventBridge = new EventBridgeClient({ region: REGION });
  const entries: PutEventsRequestEntry[] = [];
  mockClient(eventBridge)
    .on(PutEventsCommand)
    .callsFake(({ Entries = [] }: { Entries?: PutEventsRequestEntry[] }) => {
      entries.push(...Entries);
      return { FailedEntryCount: 0, Entries: Entries.map((_, index) => ({ EventId: `event-${index}` })) };
    });
  const handler = createMonitorHandler({
    settings: { environment, eventBusName: 'default', configPrefix: 'config/', deadLetterQueueUrl: 'http://127.0.0.1:1/dead-letters' },
    eventBridge,
    deadLetters: { send: () => Promise.reject(new Error('no dead letter expected')) },
    logger: new CapturingLogger(),
    processor: new BatchProcessor(EventType.DynamoDBStreams),
  });
  const item = { pk: { S: 'pipeline#1' }, sk: { N: '1' } };
  const streams = new StreamRecorder(`acme-metadata-${environment}`, account, REGION);
  await handler(streamEvent(streams.record(['pk', 'sk'], undefined, item)), lambdaContext('monitor'));
  const notifications = new NotificationRecorder(`acme-data-${environment}`, REGION);
  await handler(notificationEvent(notifications.created('config/a b.json', 2, 'etag')), lambdaContext('monitor'));
  expect(entries).toHaveLength(2);
  return entries.map((entry) => ({
    version: '0',
    id: 'id',
    'detail-type': entry.DetailType,
    source: entry.Source,
    account,
    time: '2026-11-26T10:00:00Z',
    region: REGION,
    resources: entry.Resources,
    detail: JSON.parse(entry.Detail as string),
  }));
}

describe('the prod replication rule against real monitor events', () => {
  it('matches both kinds of change emitted by the prod monitor in the prod account', async () => {
    const events = await monitorEvents('prod');
    expect(events.map((event) => matchesEventPattern(pattern, event))).toEqual([true, true]);
  });

  it.each(['dev', 'staging'] as const)('matches nothing the %s monitor emits, in its own account or in prod’s', async (environment) => {
    for (const event of [...(await monitorEvents(environment)), ...(await monitorEvents(environment, ACCOUNT_OF.prod))]) {
      expect(matchesEventPattern(pattern, event)).toBe(false);
    }
  });

  it.each(['dev', 'staging'] as const)(
    'matches no forged prod change the %s monitor may put (its role may put only its own source)',
    async (environment) => {
      for (const event of await monitorEvents('prod')) {
        const forged = { ...event, source: configurationChangedSource(environment) };
        expect(matchesEventPattern(pattern, forged)).toBe(false);
      }
    },
  );

  it('matches nothing put by another account, even stamped prod', async () => {
    const events = await monitorEvents('prod', '999999999999');
    expect(events.map((event) => matchesEventPattern(pattern, event))).toEqual([false, false]);
  });
});
