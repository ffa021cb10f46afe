import { olderOrUnstampedCondition, planReplication, stampedByCondition } from './newest-wins';
import { isAtLeastAsNew, readStamp, STAMP_WIDTH, TABLE_ITEM_STAMP_ATTRIBUTE, toSequenceStamp } from './sequence-stamp';

describe('sequence stamps', () => {
  it('pads to a fixed width so string order is numeric order', () => {
    const shorter = toSequenceStamp('999999999999999999999'); // 21 digits
    const longer = toSequenceStamp('100000000000000000000000000'); // 27 digits
    expect(shorter).toHaveLength(STAMP_WIDTH);
    expect(shorter < longer).toBe(true);
    expect(toSequenceStamp('0055AED6DCD90281E5')).toBe('55aed6dcd90281e5'.padStart(STAMP_WIDTH, '0'));
    expect(toSequenceStamp('0')).toBe('0'.repeat(STAMP_WIDTH));
  });

  it.each(['', '12z', '1'.repeat(STAMP_WIDTH + 1)])('refuses %p', (sequence) => {
    expect(() => toSequenceStamp(sequence)).toThrow(/cannot be stamped/);
  });

  it('treats an unreadable stamp on a target as no stamp', () => {
    expect(readStamp('not-a-number')).toBeUndefined();
    expect(readStamp(undefined)).toBeUndefined();
    expect(readStamp('0042')).toBe(toSequenceStamp('42'));
    expect(isAtLeastAsNew(undefined, toSequenceStamp('1'))).toBe(false);
  });
});

describe('planReplication: what to do for one change in one target', () => {
  const change = toSequenceStamp('500');
  it.each([
    ['exists in prod, target never written', true, undefined, 'put'],
    ['exists in prod, target older', true, toSequenceStamp('499'), 'put'],
    ['exists in prod, target from this change', true, toSequenceStamp('500'), 'skipped-newer'],
    ['exists in prod, target newer', true, toSequenceStamp('501'), 'skipped-newer'],
    ['gone from prod, target never written', false, undefined, 'delete'],
    ['gone from prod, target older', false, toSequenceStamp('10'), 'delete'],
    ['gone from prod, target newer', false, toSequenceStamp('9000'), 'skipped-newer'],
  ] as const)('%s -> %s', (_case, sourceExists, targetStamp, action) => {
    expect(planReplication({ sourceExists, targetStamp, changeStamp: change })).toBe(action);
  });

  it('states the same rule as a DynamoDB condition on the reserved attribute', () => {
    expect(olderOrUnstampedCondition(change)).toEqual({
      ConditionExpression: 'attribute_not_exists(#stamp) OR #stamp < :stamp',
      ExpressionAttributeNames: { '#stamp': TABLE_ITEM_STAMP_ATTRIBUTE },
      ExpressionAttributeValues: { ':stamp': { S: change } },
    });
    expect(stampedByCondition(change).ConditionExpression).toBe('#stamp = :stamp');
  });
});
