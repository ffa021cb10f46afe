import { canonicalItem, sameItem } from './item-equality';

describe('sameItem', () => {
  it('ignores the order of attributes, map entries and set members', () => {
    expect(
      sameItem(
        { a: { S: 'x' }, m: { M: { p: { N: '1' }, q: { SS: ['b', 'a'] } } }, bs: { BS: [Uint8Array.from([2]), Uint8Array.from([1])] } },
        { bs: { BS: [Uint8Array.from([1]), Uint8Array.from([2])] }, m: { M: { q: { SS: ['a', 'b'] }, p: { N: '1' } } }, a: { S: 'x' } },
      ),
    ).toBe(true);
  });

  it.each([
    ['1.50', '1.5'],
    ['0012', '12'],
    ['1e3', '1000'],
    ['-0.0500', '-5E-2'],
    ['0', '-0.000'],
    ['12345678901234567890123456789012345678', '1.2345678901234567890123456789012345678e37'],
  ])('treats the numbers %s and %s as one', (a, b) => {
    expect(sameItem({ n: { N: a } }, { n: { N: b } })).toBe(true);
    expect(sameItem({ n: { NS: [a, '7'] } }, { n: { NS: ['7', b] } })).toBe(true);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a different value', { a: { S: 'x' } }, { a: { S: 'y' } }],
    ['a different type', { a: { S: '1' } }, { a: { N: '1' } }],
    ['an extra attribute', { a: { S: 'x' } }, { a: { S: 'x' }, b: { NULL: true } }],
    ['a list in another order (lists keep their order)', { l: { L: [{ N: '1' }, { N: '2' }] } }, { l: { L: [{ N: '2' }, { N: '1' }] } }],
    ['numbers that differ in the 38th digit', { n: { N: '12345678901234567890123456789012345678' } }, { n: { N: '12345678901234567890123456789012345679' } }],
  ])('tells apart %s', (_case, a, b) => {
    expect(sameItem(a as never, b as never)).toBe(false);
  });

  it('compares absences', () => {
    expect(sameItem(undefined, undefined)).toBe(true);
    expect(sameItem(undefined, { a: { S: 'x' } })).toBe(false);
  });

  it('gives one string per item whatever the order', () => {
    expect(canonicalItem({ b: { BOOL: true }, a: { S: 'x' } })).toBe(canonicalItem({ a: { S: 'x' }, b: { BOOL: true } }));
  });
});
