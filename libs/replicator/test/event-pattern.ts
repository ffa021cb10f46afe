import type { EventPattern } from '@data-platform/replication-contract';

/**
 * EventBridge pattern matching for the operators our patterns use: nested
 * objects and leaf arrays of exact string or number values (a field matches when
 * its value, or any element of its array value, equals one of them). Any other
 * operator (prefix, anything-but, numeric, exists, wildcard, ...) throws, so a
 * pattern that grows one cannot be "matched" by a helper that ignores it.
 */
export function matchesEventPattern(pattern: EventPattern, event: unknown, path = ''): boolean {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    return false;
  }
  const fields = event as Record<string, unknown>;
  return Object.entries(pattern).every(([name, expected]) => {
    const where = path === '' ? name : `${path}.${name}`;
    const actual = fields[name];
    if (Array.isArray(expected)) {
      return matchesLeaf(expected as readonly unknown[], actual, where);
    }
    if (typeof expected === 'object' && expected !== null) {
      return matchesEventPattern(expected as EventPattern, actual, where);
    }
    throw new UnsupportedPatternError(where, expected, 'a pattern field must be an array of values or a nested pattern');
  });
}

export class UnsupportedPatternError extends Error {
  constructor(where: string, value: unknown, reason: string) {
    super(`pattern at ${where}: ${JSON.stringify(value)} is not supported by this matcher (${reason})`);
    this.name = 'UnsupportedPatternError';
  }
}

function matchesLeaf(allowed: readonly unknown[], actual: unknown, where: string): boolean {
  if (allowed.length === 0) {
    throw new UnsupportedPatternError(where, allowed, 'EventBridge rejects an empty array');
  }
  for (const value of allowed) {
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new UnsupportedPatternError(where, value, 'only exact string and number values are implemented');
    }
  }
  const candidates = Array.isArray(actual) ? actual : [actual];
  return candidates.some((candidate) => allowed.some((value) => candidate === value));
}
