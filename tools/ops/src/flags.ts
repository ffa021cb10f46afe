import { ENVIRONMENT_NAMES, type EnvironmentName, SOURCE_ENVIRONMENT } from '@data-platform/replication-contract';
import type { Flags } from './command';
import { UsageError } from './exit-codes';

/** The environments that replicate from prod. */
export const TARGET_ENVIRONMENTS = ENVIRONMENT_NAMES.filter((name) => name !== SOURCE_ENVIRONMENT);

/** `--target dev --target staging`; both when absent. */
export function targetsOf(flags: Flags, { required = false } = {}): EnvironmentName[] {
  const given = flags['target'];
  const names = Array.isArray(given) ? (given as string[]) : typeof given === 'string' ? [given] : [];
  if (names.length === 0) {
    if (required) {
      throw new UsageError(`--target is required: one of ${TARGET_ENVIRONMENTS.join(', ')}`);
    }
    return [...TARGET_ENVIRONMENTS];
  }
  for (const name of names) {
    if (!(TARGET_ENVIRONMENTS as readonly string[]).includes(name)) {
      throw new UsageError(`--target ${JSON.stringify(name)} is not a replication target: use ${TARGET_ENVIRONMENTS.join(' or ')} (${SOURCE_ENVIRONMENT} is the source)`);
    }
  }
  return [...new Set(names)] as EnvironmentName[];
}

/** A positive whole number flag such as `--max 100`. */
export function positiveInteger(flags: Flags, name: string): number | undefined {
  const value = flags[name];
  if (value === undefined) {
    return undefined;
  }
  const number = Number(value);
  if (typeof value !== 'string' || !Number.isSafeInteger(number) || number < 1) {
    throw new UsageError(`--${name} ${JSON.stringify(value)} must be a whole number of at least 1`);
  }
  return number;
}

export function stringFlag(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

export function listFlag(flags: Flags, name: string): string[] {
  const value = flags[name];
  return Array.isArray(value) ? [...(value as string[])] : typeof value === 'string' ? [value] : [];
}
