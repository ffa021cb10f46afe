import { matchesEventPattern, UnsupportedPatternError } from './event-pattern';

describe('matchesEventPattern (test helper)', () => {
  const event = { source: 'a', account: '1', detail: { version: 1, environment: 'prod', tags: ['x', 'y'] } };

  it.each([
    ['an exact string', { source: ['a'] }, true],
    ['one of several strings', { source: ['b', 'a'] }, true],
    ['a different string', { source: ['b'] }, false],
    ['a nested field', { detail: { environment: ['prod'] } }, true],
    ['a nested field that differs', { detail: { environment: ['dev'] } }, false],
    ['a number', { detail: { version: [1] } }, true],
    ['a number given as a string', { detail: { version: ['1'] } }, false],
    ['a string given as a number', { account: [1] }, false],
    ['an element of an array value', { detail: { tags: ['y'] } }, true],
    ['a missing field', { region: ['eu-west-1'] }, false],
    ['a nested pattern where the event has a scalar', { source: { inner: ['a'] } }, false],
    ['every field at once', { source: ['a'], account: ['1'], detail: { version: [1], environment: ['prod'] } }, true],
    ['every field but one', { source: ['a'], account: ['2'], detail: { version: [1], environment: ['prod'] } }, false],
  ])('%s', (_case, pattern, expected) => {
    expect(matchesEventPattern(pattern, event)).toBe(expected);
  });

  it.each([
    ['prefix', { source: [{ prefix: 'a' }] }],
    ['anything-but', { source: [{ 'anything-but': 'b' }] }],
    ['exists', { detail: { environment: [{ exists: true }] } }],
    ['numeric', { detail: { version: [{ numeric: ['>', 0] }] } }],
    ['a boolean value', { detail: { flag: [true] } }],
    ['an empty array', { source: [] }],
  ])('refuses the %s operator instead of guessing', (_case, pattern) => {
    expect(() => matchesEventPattern(pattern as never, event)).toThrow(UnsupportedPatternError);
  });
});
