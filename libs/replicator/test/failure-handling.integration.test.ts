import { CONFIGURATION_CHANGED_DETAIL_TYPE, configurationChangedSource } from '@data-platform/replication-contract';
import { lambdaContext } from './lambda-context';
import { type Item, notificationEvent, streamEvent } from './lambda-events';
import { keyOf, TEST_RETRY, useThreeEnvironments } from './three-environments';

const world = useThreeEnvironments();

const pipeline = (id: string, fields: Item = {}): Item => ({ pk: { S: `pipeline#${id}` }, sk: { N: '7' }, ...fields });

describe('a target that is throttled for a while', () => {
  it('recovers through backoff and reports how many attempts it took', async () => {
    world.proxy.inject({ tableName: 'acme-metadata-dev', times: 2, status: 400, errorType: 'ThrottlingException' });
    const created = await world.writeItem('prod', pipeline('throttled', { owner: { S: 'ingest' } }));

    const { replications } = await world.propagate('prod', streamEvent(created));

    expect(replications).toEqual([
      {
        changeId: created.eventID,
        targets: [
          { environment: 'staging', outcome: 'succeeded', action: 'put', attempts: 1 },
          { environment: 'dev', outcome: 'succeeded', action: 'put', attempts: 3 },
        ],
      },
    ]);
    const prodItem = await world.readItem('prod', keyOf(created.dynamodb?.NewImage as never));
    expect(await world.readItem('dev', keyOf(pipeline('throttled')))).toEqual(prodItem);
    expect(await world.readItem('staging', keyOf(pipeline('throttled')))).toEqual(prodItem);
    expect(await world.outcomes('dev', 'success')).toEqual([
      expect.objectContaining({ body: expect.objectContaining({ outcome: 'succeeded', action: 'put', attempts: 3 }) }),
    ]);
    expect(await world.outcomes('staging', 'success')).toEqual([
      expect.objectContaining({ body: expect.objectContaining({ outcome: 'succeeded', attempts: 1 }) }),
    ]);
    const retries = world.replicator.logger.entries.filter((entry) => entry['message'] === 'Replication attempt failed; retrying');
    expect(retries).toEqual([
      expect.objectContaining({ correlation_id: created.eventID, targetEnvironment: 'dev', attempt: 1, error: expect.objectContaining({ name: 'ThrottlingException', retryable: true }) }),
      expect.objectContaining({ correlation_id: created.eventID, targetEnvironment: 'dev', attempt: 2 }),
    ]);
  });
});

describe('a target that is down for good', () => {
  it('dead-letters the change with its full context, notifies failure, and still updates the other target', async () => {
    world.proxy.inject({ tableName: 'acme-metadata-staging', times: Infinity, status: 500, errorType: 'InternalServerError' });
    const created = await world.writeItem('prod', pipeline('down', { owner: { S: 'ingest' } }));

    const { matched, replications } = await world.propagate('prod', streamEvent(created));

    expect(replications).toEqual([
      {
        changeId: created.eventID,
        targets: [
          { environment: 'staging', outcome: 'failed', attempts: TEST_RETRY.maxAttempts },
          { environment: 'dev', outcome: 'succeeded', action: 'put', attempts: 1 },
        ],
      },
    ]);
    expect(await world.readItem('staging', keyOf(pipeline('down')))).toBeUndefined();
    expect(await world.readItem('dev', keyOf(pipeline('down')))).toEqual(await world.readItem('prod', keyOf(pipeline('down'))));

    const error = { name: 'InternalServerError', message: 'injected by the test proxy for acme-metadata-staging', retryable: true, service: 'DynamoDB', operation: 'GetItem', httpStatus: 500 };
    expect(await world.deadLetters('prod')).toEqual([
      {
        body: {
          schemaVersion: 1,
          reason: 'replication-failed',
          functionName: 'replicator',
          environment: 'prod',
          change: matched[0]?.detail,
          targetEnvironment: 'staging',
          originalEvent: matched[0],
          error,
          attempts: TEST_RETRY.maxAttempts,
          failedAt: expect.any(String),
        },
        attributes: {
          reason: 'replication-failed',
          functionName: 'replicator',
          environment: 'prod',
          targetEnvironment: 'staging',
          changeId: created.eventID,
        },
      },
    ]);
    expect(await world.outcomes('staging', 'failure')).toEqual([
      {
        body: expect.objectContaining({ outcome: 'failed', changeId: created.eventID, targetEnvironment: 'staging', error, attempts: TEST_RETRY.maxAttempts }),
        attributes: expect.objectContaining({ outcome: 'failed', targetEnvironment: 'staging', changeKind: 'table-item' }),
      },
    ]);
    expect(await world.outcomes('dev', 'success')).toHaveLength(1);
  });

  it('fails fast, without retries, on an error retrying cannot fix', async () => {
    world.proxy.inject({ tableName: 'acme-metadata-dev', times: 1, status: 400, errorType: 'ValidationException' });
    const created = await world.writeItem('prod', pipeline('invalid'));

    const { replications } = await world.propagate('prod', streamEvent(created));

    expect(replications[0]).toMatchObject({ targets: [{ environment: 'staging', outcome: 'succeeded' }, { environment: 'dev', outcome: 'failed', attempts: 1 }] });
    expect(await world.deadLetters('prod')).toEqual([
      expect.objectContaining({
        body: expect.objectContaining({ reason: 'replication-failed', targetEnvironment: 'dev', attempts: 1, error: expect.objectContaining({ name: 'ValidationException', retryable: false }) }),
      }),
    ]);
    expect(await world.outcomes('dev', 'failure')).toHaveLength(1);
    expect(await world.outcomes('staging', 'success')).toHaveLength(1);
  });
});

describe('malformed input', () => {
  it('dead-letters an event the replicator cannot use and replicates nothing', async () => {
    const event = {
      version: '0',
      id: 'e-1',
      'detail-type': CONFIGURATION_CHANGED_DETAIL_TYPE,
      source: configurationChangedSource('prod'),
      account: '111111111111',
      time: '2026-11-26T10:00:00Z',
      region: 'eu-west-1',
      resources: [],
      detail: { schemaVersion: 1, changeId: 'c-1', environment: 'prod', subject: { kind: 'table-item', tableName: 'acme-metadata-prod', key: {} } },
    };

    const summary = await world.replicator.handler(event, lambdaContext('replicator'));

    expect(summary).toEqual({ rejected: expect.objectContaining({ name: 'InvalidConfigurationChangedError', retryable: false }) });
    expect(await world.deadLetters('prod')).toEqual([
      {
        body: {
          schemaVersion: 1,
          reason: 'malformed-event',
          functionName: 'replicator',
          environment: 'prod',
          originalEvent: event,
          error: expect.objectContaining({ name: 'InvalidConfigurationChangedError' }),
          attempts: 1,
          failedAt: expect.any(String),
        },
        attributes: { reason: 'malformed-event', functionName: 'replicator', environment: 'prod' },
      },
    ]);
  });

  it('dead-letters one unreadable stream record, without its images, and still replicates the rest', async () => {
    const good = await world.writeItem('prod', pipeline('beside-a-bad-one'));
    const bad = await world.writeItem('prod', pipeline('unreadable', { secret: { S: 'do-not-leak' } }));
    const unreadable = { ...bad, eventName: 'TRUNCATE' as never };

    const { response, replications } = await world.propagate('prod', streamEvent(good, unreadable));

    expect(response).toEqual({ batchItemFailures: [] });
    expect(replications).toEqual([expect.objectContaining({ changeId: good.eventID })]);
    const [deadLetter] = await world.deadLetters('prod');
    expect(deadLetter).toEqual({
      body: expect.objectContaining({
        reason: 'malformed-event',
        functionName: 'monitor',
        environment: 'prod',
        error: { name: 'UnreadableRecordError', message: 'eventName "TRUNCATE" is not INSERT, MODIFY or REMOVE', retryable: false },
        attempts: 1,
      }),
      attributes: { reason: 'malformed-event', functionName: 'monitor', environment: 'prod' },
    });
    expect(deadLetter?.body.originalEvent).toMatchObject({ eventID: bad.eventID, dynamodb: { Keys: bad.dynamodb?.Keys, SequenceNumber: bad.dynamodb?.SequenceNumber } });
    expect(JSON.stringify(deadLetter)).not.toContain('do-not-leak');
    expect(world.environments.prod.monitor.logger.text()).not.toContain('do-not-leak');
    expect(await world.outcomes('dev', 'success')).toHaveLength(1);
    expect(await world.outcomes('staging', 'success')).toHaveLength(1);
  });

  it('dead-letters an object notification it does not understand and does not throw', async () => {
    const created = await world.putObject('prod', 'config/restored.json', '{}');
    const restore = { ...created, eventName: 'ObjectRestore:Completed' };

    const { response, busEvents } = await world.propagate('prod', notificationEvent(restore));

    expect(response).toBeUndefined();
    expect(busEvents).toEqual([]);
    expect(await world.deadLetters('prod')).toEqual([
      expect.objectContaining({
        body: expect.objectContaining({ reason: 'malformed-event', functionName: 'monitor', originalEvent: restore, attempts: 1 }),
      }),
    ]);
  });
});
