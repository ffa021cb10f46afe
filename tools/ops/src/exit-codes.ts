import { EnvironmentStackOutputsError } from '@data-platform/env-module';
import { PlanMismatchError } from '@data-platform/replicator';

/** The exit codes every ops command documents (README "Operations"). */
export const EXIT = {
  /** Nothing to do, or done. */
  ok: 0,
  /** Drift found, or some items could not be handled. */
  found: 1,
  /** Bad flags or configuration: nothing was read or changed. */
  usage: 2,
  /** AWS refused or could not be reached. */
  aws: 3,
  /** A defect in ops itself (an exception it did not expect). */
  internal: 70,
} as const;

/** Bad flags: the message names the flag, the value and the rule. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Stack outputs or plans that cannot describe the environments. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE']);

/** An error that came from an AWS call: a service answer, a network failure, or missing credentials. */
export function isAwsError(error: unknown): boolean {
  if (!(error instanceof Error)) {
    return false;
  }
  const { $metadata, code } = error as { $metadata?: unknown; code?: string };
  return (
    $metadata !== undefined ||
    (code !== undefined && NETWORK_ERROR_CODES.has(code)) ||
    ['CredentialsProviderError', 'TimeoutError', 'ProviderError'].includes(error.name)
  );
}

/** The exit code an error ends a command with. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfigurationError || error instanceof EnvironmentStackOutputsError || error instanceof PlanMismatchError) {
    return EXIT.usage;
  }
  return isAwsError(error) ? EXIT.aws : EXIT.internal;
}
