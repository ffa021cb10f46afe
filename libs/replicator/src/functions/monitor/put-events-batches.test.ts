import type { ConfigurationChangedEntry } from '@data-platform/replication-contract';
import { entrySize, MAX_BYTES_PER_CALL, planBatches } from './put-events-batches';

const entry = (detailBytes: number): ConfigurationChangedEntry => ({
  Source: 's',
  DetailType: 'dt',
  Detail: 'x'.repeat(detailBytes),
  EventBusName: 'default',
  Resources: ['arn'],
  Time: new Date(0),
});

describe('PutEvents batching', () => {
  it('counts an entry as EventBridge does: 14 bytes of time plus UTF-8 text', () => {
    expect(entrySize(entry(10))).toBe(14 + 1 + 2 + 10 + 3);
    expect(entrySize({ ...entry(0), Detail: 'é' })).toBe(14 + 1 + 2 + 2 + 3);
  });

  it('puts at most 10 entries in a call, in order', () => {
    const items = Array.from({ length: 25 }, (_, index) => ({ entry: entry(10), index }));
    const batches = planBatches(items);
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
    expect(batches.flat().map(({ index }) => index)).toEqual(items.map(({ index }) => index));
  });

  it('starts a new call before 256 KB would be exceeded', () => {
    const items = [100_000, 100_000, 100_000, 10].map((bytes, index) => ({ entry: entry(bytes), index }));
    const batches = planBatches(items);
    expect(batches.map((batch) => batch.map(({ index }) => index))).toEqual([[0, 1], [2, 3]]);
    for (const batch of batches) {
      expect(batch.reduce((total, item) => total + entrySize(item.entry), 0)).toBeLessThanOrEqual(MAX_BYTES_PER_CALL);
    }
  });

  it('sends an entry over the limit alone, for the API to refuse', () => {
    const batches = planBatches([{ entry: entry(10) }, { entry: entry(MAX_BYTES_PER_CALL) }, { entry: entry(10) }]);
    expect(batches.map((batch) => batch.length)).toEqual([1, 1, 1]);
  });
});
