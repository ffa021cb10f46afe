import type { DynamoDBBatchResponse } from 'aws-lambda';
import { type Item, streamEvent } from './lambda-events';
import { keyOf, useThreeEnvironments } from './three-environments';

const world = useThreeEnvironments();

const pipeline = (id: string, fields: Item = {}): Item => ({ pk: { S: `pipeline#${id}` }, sk: { N: '1' }, ...fields });

async function expectSucceeded(action: 'put' | 'delete' | 'skipped-newer', changeId: string) {
  for (const environment of ['staging', 'dev'] as const) {
    const outcomes = await world.outcomes(environment, 'success');
    expect(outcomes).toEqual([
      {
        body: expect.objectContaining({ outcome: 'succeeded', action, changeId, sourceEnvironment: 'prod', targetEnvironment: environment, attempts: 1 }),
        attributes: {
          outcome: 'succeeded',
          sourceEnvironment: 'prod',
          targetEnvironment: environment,
          changeKind: 'table-item',
          key: expect.stringContaining('pipeline#'),
        },
      },
    ]);
  }
}

describe('table items: prod changes reach dev and staging', () => {
  it('creates, updates and deletes an item in both targets', async () => {
    const created = await world.writeItem('prod', pipeline('create', { schedule: { S: 'hourly' }, limits: { M: { rows: { N: '10' } } }, blob: { B: Uint8Array.from([1, 2, 3]) } }));
    const first = await world.propagate('prod', streamEvent(created));
    expect(first.response).toEqual({ batchItemFailures: [] });
    expect(first.replications).toEqual([
      {
        changeId: created.eventID,
        targets: [
          { environment: 'staging', outcome: 'succeeded', action: 'put', attempts: 1 },
          { environment: 'dev', outcome: 'succeeded', action: 'put', attempts: 1 },
        ],
      },
    ]);
    const prodItem = (await world.readItem('prod', keyOf(pipeline('create')))) as Item;
    for (const environment of ['staging', 'dev'] as const) {
      expect(await world.readItem(environment, keyOf(prodItem))).toEqual(prodItem);
    }
    await expectSucceeded('put', created.eventID as string);

    const updated = await world.writeItem('prod', pipeline('create', { schedule: { S: 'daily' } }));
    await world.propagate('prod', streamEvent(updated));
    const updatedItem = (await world.readItem('prod', keyOf(prodItem))) as Item;
    expect(updatedItem['schedule']).toEqual({ S: 'daily' });
    for (const environment of ['staging', 'dev'] as const) {
      expect(await world.readItem(environment, keyOf(prodItem))).toEqual(updatedItem);
    }
    await expectSucceeded('put', updated.eventID as string);

    const removed = await world.removeItem('prod', keyOf(prodItem));
    await world.propagate('prod', streamEvent(removed));
    for (const environment of ['staging', 'dev'] as const) {
      expect(await world.readItem(environment, keyOf(prodItem))).toBeUndefined();
    }
    await expectSucceeded('delete', removed.eventID as string);
  });

  it('applies a duplicate delivery once and reports the repeat as skipped-newer', async () => {
    const created = await world.writeItem('prod', pipeline('duplicate', { owner: { S: 'ingest' } }));
    await world.propagate('prod', streamEvent(created));
    await expectSucceeded('put', created.eventID as string);

    const again = await world.propagate('prod', streamEvent(created));
    expect(again.replications).toEqual([
      {
        changeId: created.eventID,
        targets: [
          { environment: 'staging', outcome: 'succeeded', action: 'skipped-newer', attempts: 1 },
          { environment: 'dev', outcome: 'succeeded', action: 'skipped-newer', attempts: 1 },
        ],
      },
    ]);
    const prodItem = (await world.readItem('prod', keyOf(pipeline('duplicate')))) as Item;
    expect(await world.readItem('dev', keyOf(prodItem))).toEqual(prodItem);
    await expectSucceeded('skipped-newer', created.eventID as string);
  });

  it('converges to the newest state when two updates arrive in reverse order', async () => {
    const key = keyOf(pipeline('reversed'));
    const older = await world.writeItem('prod', pipeline('reversed', { schedule: { S: 'v1' } }));
    const newer = await world.writeItem('prod', pipeline('reversed', { schedule: { S: 'v2' } }));

    // The newer change arrives first and writes prod's current state (v2) ...
    const first = await world.propagate('prod', streamEvent(newer));
    expect(first.replications[0]).toMatchObject({ targets: [{ action: 'put' }, { action: 'put' }] });
    await expectSucceeded('put', newer.eventID as string);
    // ... then the older one finds the targets already equal to prod, and writes nothing.
    const second = await world.propagate('prod', streamEvent(older));
    expect(second.replications[0]).toMatchObject({ targets: [{ action: 'skipped-newer' }, { action: 'skipped-newer' }] });
    await expectSucceeded('skipped-newer', older.eventID as string);

    const prodItem = (await world.readItem('prod', key)) as Item;
    expect(prodItem['schedule']).toEqual({ S: 'v2' });
    for (const environment of ['staging', 'dev'] as const) {
      expect(await world.readItem(environment, key)).toEqual(prodItem);
    }
  });

  it('replicates an item at DynamoDB’s 400 KB limit unchanged (nothing is added to it)', async () => {
    // 400 KB counts attribute names and values; with its key this item is 24 bytes short of it,
    // where the stamp an earlier version added (about 69 bytes) made it fail in every target.
    const body = 'x'.repeat(409_560);
    const created = await world.writeItem('prod', pipeline('large', { body: { S: body } }));
    const result = await world.propagate('prod', streamEvent(created));
    expect(result.replications[0]).toMatchObject({ targets: [{ action: 'put' }, { action: 'put' }] });
    const prodItem = await world.readItem('prod', keyOf(pipeline('large')));
    for (const environment of ['staging', 'dev'] as const) {
      expect(await world.readItem(environment, keyOf(pipeline('large')))).toEqual(prodItem);
    }
    await expectSucceeded('put', created.eventID as string);
  });

  it('repairs a target item a previous version stamped, and a target edited by hand', async () => {
    const created = await world.writeItem('prod', pipeline('edited', { schedule: { S: 'hourly' } }));
    await world.propagate('prod', streamEvent(created));
    await expectSucceeded('put', created.eventID as string);
    await world.writeItem('dev', pipeline('edited', { schedule: { S: 'manual' }, __replicationSequence: { S: 'f'.repeat(48) } }));
    const again = await world.propagate('prod', streamEvent(created));
    expect(again.replications[0]).toMatchObject({ targets: [{ environment: 'staging', action: 'skipped-newer' }, { environment: 'dev', action: 'put' }] });
    expect((await world.outcomes('dev', 'success')).map(({ body }) => body.action)).toEqual(['put']);
    expect((await world.outcomes('staging', 'success')).map(({ body }) => body.action)).toEqual(['skipped-newer']);
    expect(await world.readItem('dev', keyOf(pipeline('edited')))).toEqual(await world.readItem('prod', keyOf(pipeline('edited'))));
  });

  it('replicates every record of a batch and reports none failed', async () => {
    const records = [];
    for (let index = 0; index < 12; index++) {
      records.push(await world.writeItem('prod', pipeline(`batch-${index}`, { index: { N: String(index) } })));
    }
    const result = await world.propagate('prod', streamEvent(...records));
    expect(result.response as DynamoDBBatchResponse).toEqual({ batchItemFailures: [] });
    expect(result.matched).toHaveLength(12);
    for (let index = 0; index < 12; index++) {
      expect((await world.readItem('staging', keyOf(pipeline(`batch-${index}`))))?.['index']).toEqual({ N: String(index) });
      expect((await world.readItem('dev', keyOf(pipeline(`batch-${index}`))))?.['index']).toEqual({ N: String(index) });
    }
    expect(await world.outcomes('staging', 'success')).toHaveLength(12);
    expect(await world.outcomes('dev', 'success')).toHaveLength(12);
  });
});
