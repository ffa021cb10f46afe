import { BUCKET_OBJECT_STAMP_KEY, toSequenceStamp } from '../src/replication/sequence-stamp';
import { notificationEvent } from './lambda-events';
import { useThreeEnvironments } from './three-environments';

const world = useThreeEnvironments();

async function expectSucceeded(action: 'put' | 'delete' | 'skipped-newer', key: string) {
  for (const environment of ['staging', 'dev'] as const) {
    expect(await world.outcomes(environment, 'success')).toEqual([
      {
        body: expect.objectContaining({
          outcome: 'succeeded',
          action,
          subject: expect.objectContaining({ kind: 'bucket-object', bucketName: 'acme-data-prod', key }),
          targetEnvironment: environment,
        }),
        attributes: { outcome: 'succeeded', sourceEnvironment: 'prod', targetEnvironment: environment, changeKind: 'bucket-object', key },
      },
    ]);
  }
}

describe('bucket objects: prod config/ changes reach dev and staging', () => {
  // A key with a space: notifications deliver it as "daily+run.json".
  const key = 'config/pipelines/daily run.json';

  it('creates, updates and deletes an object, keeping content type and user metadata', async () => {
    const created = await world.putObject('prod', key, '{"schedule":"hourly"}', {
      contentType: 'application/json',
      metadata: { owner: 'ingest-team' },
      tags: { classification: 'internal' },
    });
    const first = await world.propagate('prod', notificationEvent(created));
    expect(first.response).toBeUndefined();
    expect(first.matched).toHaveLength(1);
    for (const environment of ['staging', 'dev'] as const) {
      expect(await world.readObject(environment, key)).toEqual({
        body: '{"schedule":"hourly"}',
        contentType: 'application/json',
        metadata: { owner: 'ingest-team', [BUCKET_OBJECT_STAMP_KEY]: toSequenceStamp(created.s3.object.sequencer) },
        // s3rver does not apply TaggingDirective=COPY; the copy request is asserted in bucket-object-replica.test.ts.
        tags: {},
      });
    }
    await expectSucceeded('put', key);

    const updated = await world.putObject('prod', key, '{"schedule":"daily"}', { contentType: 'application/json', metadata: { owner: 'platform' } });
    await world.propagate('prod', notificationEvent(updated));
    for (const environment of ['staging', 'dev'] as const) {
      expect(await world.readObject(environment, key)).toMatchObject({
        body: '{"schedule":"daily"}',
        metadata: { owner: 'platform', [BUCKET_OBJECT_STAMP_KEY]: toSequenceStamp(updated.s3.object.sequencer) },
      });
    }
    await expectSucceeded('put', key);

    const removed = await world.removeObject('prod', key);
    await world.propagate('prod', notificationEvent(removed));
    for (const environment of ['staging', 'dev'] as const) {
      expect(await world.readObject(environment, key)).toBeUndefined();
    }
    await expectSucceeded('delete', key);
  });

  it('skips a duplicate notification', async () => {
    const duplicateKey = 'config/duplicate.yaml';
    const created = await world.putObject('prod', duplicateKey, 'a: 1', { contentType: 'application/yaml' });
    await world.propagate('prod', notificationEvent(created));
    await expectSucceeded('put', duplicateKey);

    const again = await world.propagate('prod', notificationEvent(created));
    expect(again.replications).toEqual([
      expect.objectContaining({
        targets: [
          { environment: 'staging', outcome: 'succeeded', action: 'skipped-newer', attempts: 1 },
          { environment: 'dev', outcome: 'succeeded', action: 'skipped-newer', attempts: 1 },
        ],
      }),
    ]);
    expect(await world.readObject('dev', duplicateKey)).toMatchObject({ body: 'a: 1' });
    await expectSucceeded('skipped-newer', duplicateKey);
  });

  it('converges to the newest object when two updates arrive in reverse order', async () => {
    const reversedKey = 'config/reversed.json';
    const older = await world.putObject('prod', reversedKey, '{"v":1}');
    const newer = await world.putObject('prod', reversedKey, '{"v":2}');

    await world.propagate('prod', notificationEvent(newer));
    await expectSucceeded('put', reversedKey);
    const late = await world.propagate('prod', notificationEvent(older));
    expect(late.replications).toEqual([expect.objectContaining({ targets: [expect.objectContaining({ action: 'skipped-newer' }), expect.objectContaining({ action: 'skipped-newer' })] })]);
    await expectSucceeded('skipped-newer', reversedKey);

    for (const environment of ['staging', 'dev'] as const) {
      expect(await world.readObject(environment, reversedKey)).toMatchObject({
        body: '{"v":2}',
        metadata: { [BUCKET_OBJECT_STAMP_KEY]: toSequenceStamp(newer.s3.object.sequencer) },
      });
    }
  });

  it('replicates a late create of an object prod has since deleted as a delete', async () => {
    const goneKey = 'config/short-lived.json';
    const created = await world.putObject('prod', goneKey, '{}');
    const removed = await world.removeObject('prod', goneKey);

    const late = await world.propagate('prod', notificationEvent(created));
    expect(late.replications).toEqual([expect.objectContaining({ targets: [expect.objectContaining({ action: 'delete' }), expect.objectContaining({ action: 'delete' })] })]);
    await expectSucceeded('delete', goneKey);
    await world.propagate('prod', notificationEvent(removed));
    await expectSucceeded('delete', goneKey);
    expect(await world.readObject('dev', goneKey)).toBeUndefined();
    expect(await world.readObject('staging', goneKey)).toBeUndefined();
  });

  it('ignores objects outside the configuration prefix', async () => {
    const data = await world.putObject('prod', 'data/2026/11/26/part-0000.parquet', 'rows');
    const result = await world.propagate('prod', notificationEvent(data));
    expect(result.busEvents).toEqual([]);
    expect(await world.readObject('dev', 'data/2026/11/26/part-0000.parquet')).toBeUndefined();
    expect(world.environments.prod.monitor.logger.entries).toContainEqual(
      expect.objectContaining({ level: 'INFO', message: 'Ignored an object outside the configuration prefix', key: 'data/2026/11/26/part-0000.parquet' }),
    );
  });
});
