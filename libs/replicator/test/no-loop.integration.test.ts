import { notificationEvent, streamEvent } from './lambda-events';
import { ACCOUNT_OF, keyOf, useThreeEnvironments } from './three-environments';

const world = useThreeEnvironments();

describe('no replication loop', () => {
  it("the replicator's writes into dev and staging make their monitors emit events the prod rule ignores", async () => {
    const item = { pk: { S: 'pipeline#loop' }, sk: { N: '1' }, owner: { S: 'ingest' } };
    const created = await world.writeItem('prod', item);
    const object = await world.putObject('prod', 'config/loop.json', '{"loop":false}');
    const fromProd = [await world.propagate('prod', streamEvent(created)), await world.propagate('prod', notificationEvent(object))];
    expect(fromProd.map(({ matched }) => matched.length)).toEqual([1, 1]);
    expect(fromProd.flatMap(({ replications }) => replications)).toHaveLength(2);

    for (const environment of ['dev', 'staging'] as const) {
      // What each target's stream and bucket notifications deliver for the replicator's writes.
      const replicatedItem = await world.recordCurrentItem(environment, keyOf(item));
      const env = world.environments[environment];
      const replicatedObject = env.notifications.created('config/loop.json', 14, 'etag');
      // Worst case: the target shares prod's account and bus, so only `environment` tells them apart.
      const results = [
        await world.propagate(environment, streamEvent(replicatedItem), { account: ACCOUNT_OF.prod }),
        await world.propagate(environment, notificationEvent(replicatedObject), { account: ACCOUNT_OF.prod }),
      ];

      for (const { busEvents, matched, replications } of results) {
        expect(busEvents).toEqual([expect.objectContaining({ detail: expect.objectContaining({ environment }) })]);
        expect(matched).toEqual([]);
        expect(replications).toEqual([]);
      }
    }
    // Only prod's two changes were replicated: one outcome per target per change, no more.
    for (const environment of ['dev', 'staging'] as const) {
      expect(await world.outcomes(environment, 'success')).toHaveLength(2);
    }
    expect(await world.unreadMessages()).toEqual({});
  });
});
