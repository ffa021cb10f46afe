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
        metadata: { owner: 'ingest-team' },
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
        metadata: { owner: 'platform' },
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

  it('copies again on a duplicate notification and ends equal', async () => {
    const duplicateKey = 'config/duplicate.yaml';
    const created = await world.putObject('prod', duplicateKey, 'a: 1', { contentType: 'application/yaml' });
    await world.propagate('prod', notificationEvent(created));
    await expectSucceeded('put', duplicateKey);

    const again = await world.propagate('prod', notificationEvent(created));
    expect(again.replications).toEqual([
      expect.objectContaining({
        targets: [
          { environment: 'staging', outcome: 'succeeded', action: 'put', attempts: 1 },
          { environment: 'dev', outcome: 'succeeded', action: 'put', attempts: 1 },
        ],
      }),
    ]);
    expect(await world.readObject('dev', duplicateKey)).toMatchObject({ body: 'a: 1', contentType: 'application/yaml' });
    await expectSucceeded('put', duplicateKey);
  });

  it('converges to the newest object when two updates arrive in reverse order', async () => {
    const reversedKey = 'config/reversed.json';
    const older = await world.putObject('prod', reversedKey, '{"v":1}');
    const newer = await world.putObject('prod', reversedKey, '{"v":2}');

    await world.propagate('prod', notificationEvent(newer));
    await expectSucceeded('put', reversedKey);
    // The late, older change copies prod's current object: v2 again, never v1.
    await world.propagate('prod', notificationEvent(older));
    await expectSucceeded('put', reversedKey);

    for (const environment of ['staging', 'dev'] as const) {
      expect(await world.readObject(environment, reversedKey)).toMatchObject({ body: '{"v":2}' });
    }
  });

  it('writes nothing for a late create of an object prod has since deleted', async () => {
    const goneKey = 'config/short-lived.json';
    const created = await world.putObject('prod', goneKey, '{}');
    const removed = await world.removeObject('prod', goneKey);

    const late = await world.propagate('prod', notificationEvent(created));
    expect(late.replications).toEqual([expect.objectContaining({ targets: [expect.objectContaining({ action: 'skipped-newer' }), expect.objectContaining({ action: 'skipped-newer' })] })]);
    await expectSucceeded('skipped-newer', goneKey);
    await world.propagate('prod', notificationEvent(removed));
    await expectSucceeded('skipped-newer', goneKey);
    expect(await world.readObject('dev', goneKey)).toBeUndefined();
    expect(await world.readObject('staging', goneKey)).toBeUndefined();
  });

  it('keeps user metadata that is at S3’s 2 KB limit exactly (nothing is added to it)', async () => {
    const fullKey = 'config/full-metadata.json';
    // 2 KB counts the UTF-8 bytes of keys and values of x-amz-meta-*.
    const metadata = { a: 'x'.repeat(1024 - 1), b: 'y'.repeat(1024 - 1) };
    const created = await world.putObject('prod', fullKey, '{}', { metadata });
    await world.propagate('prod', notificationEvent(created));
    await expectSucceeded('put', fullKey);
    expect((await world.readObject('dev', fullKey))?.metadata).toEqual(metadata);
  });

  it('replicates a tag-only change by copying the object again, tags included', async () => {
    const taggedKey = 'config/tagged.json';
    const created = await world.putObject('prod', taggedKey, '{"v":1}');
    await world.propagate('prod', notificationEvent(created));
    await expectSucceeded('put', taggedKey);

    const tagged = await world.tagObject('prod', taggedKey, { classification: 'restricted' });
    const result = await world.propagate('prod', notificationEvent(tagged));
    expect(result.busEvents.map((event) => event.detail)).toEqual([expect.objectContaining({ changeType: 'tagged' })]);
    expect(result.busEvents[0]?.detail.sequence).toBeUndefined();
    await expectSucceeded('put', taggedKey);
    // s3rver ignores TaggingDirective=COPY; the copy request is asserted in bucket-object-replica.test.ts.
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
