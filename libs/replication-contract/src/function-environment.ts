import { type EnvironmentName, ENVIRONMENT_NAMES, isEnvironmentName } from './environments';
import { parseArn } from './arn';
import { DEFAULT_RETRY, type RetrySettings } from './retry-settings';

/**
 * The Lambda environment variables the env module sets and the functions read at
 * cold start. Both sides go through this file: `...Variables()` to write,
 * `read...Settings()` to read and validate.
 */
export const FUNCTION_VARIABLES = {
  environment: 'ENVIRONMENT_NAME',
  deadLetterQueueUrl: 'DEAD_LETTER_QUEUE_URL',
  configPrefix: 'CONFIG_PREFIX',
  eventBusName: 'EVENT_BUS_NAME',
  sourceTableName: 'SOURCE_TABLE_NAME',
  sourceBucketName: 'SOURCE_BUCKET_NAME',
  targets: 'REPLICATION_TARGETS',
  retryMaxAttempts: 'RETRY_MAX_ATTEMPTS',
  retryBaseDelayMs: 'RETRY_BASE_DELAY_MS',
  retryMaxDelayMs: 'RETRY_MAX_DELAY_MS',
} as const;

export interface MonitorSettings {
  /** The environment the monitor watches; stamped on every event it emits. */
  readonly environment: EnvironmentName;
  readonly eventBusName: string;
  /** Only objects under this prefix are configuration. */
  readonly configPrefix: string;
  readonly deadLetterQueueUrl: string;
}

/** One environment the replicator writes prod's changes into. */
export interface ReplicationTarget {
  readonly environment: EnvironmentName;
  readonly tableName: string;
  readonly bucketName: string;
  readonly successTopicArn: string;
  readonly failureTopicArn: string;
}

export interface ReplicatorSettings {
  /** The source environment (prod) the replicator reads from. */
  readonly environment: EnvironmentName;
  readonly sourceTableName: string;
  readonly sourceBucketName: string;
  readonly configPrefix: string;
  readonly deadLetterQueueUrl: string;
  readonly targets: readonly ReplicationTarget[];
  readonly retry: RetrySettings;
}

export const DEFAULT_CONFIG_PREFIX = 'config/';

export class FunctionEnvironmentError extends Error {
  constructor(readonly variable: string, readonly value: string | undefined, readonly rule: string) {
    super(`Environment variable ${variable}=${value === undefined ? '(unset)' : JSON.stringify(value)} is invalid: ${rule}`);
    this.name = 'FunctionEnvironmentError';
  }
}

type Variables = Readonly<Record<string, string | undefined>>;

export function monitorVariables(settings: MonitorSettings): Record<string, string> {
  return {
    [FUNCTION_VARIABLES.environment]: settings.environment,
    [FUNCTION_VARIABLES.eventBusName]: settings.eventBusName,
    [FUNCTION_VARIABLES.configPrefix]: settings.configPrefix,
    [FUNCTION_VARIABLES.deadLetterQueueUrl]: settings.deadLetterQueueUrl,
  };
}

export function readMonitorSettings(variables: Variables): MonitorSettings {
  return {
    environment: readEnvironment(variables, FUNCTION_VARIABLES.environment),
    eventBusName: readString(variables, FUNCTION_VARIABLES.eventBusName),
    configPrefix: readPrefix(variables),
    deadLetterQueueUrl: readUrl(variables, FUNCTION_VARIABLES.deadLetterQueueUrl),
  };
}

export function replicatorVariables(settings: ReplicatorSettings): Record<string, string> {
  return {
    [FUNCTION_VARIABLES.environment]: settings.environment,
    [FUNCTION_VARIABLES.sourceTableName]: settings.sourceTableName,
    [FUNCTION_VARIABLES.sourceBucketName]: settings.sourceBucketName,
    [FUNCTION_VARIABLES.configPrefix]: settings.configPrefix,
    [FUNCTION_VARIABLES.deadLetterQueueUrl]: settings.deadLetterQueueUrl,
    [FUNCTION_VARIABLES.targets]: JSON.stringify(settings.targets),
    [FUNCTION_VARIABLES.retryMaxAttempts]: String(settings.retry.maxAttempts),
    [FUNCTION_VARIABLES.retryBaseDelayMs]: String(settings.retry.baseDelayMs),
    [FUNCTION_VARIABLES.retryMaxDelayMs]: String(settings.retry.maxDelayMs),
  };
}

export function readReplicatorSettings(variables: Variables): ReplicatorSettings {
  const environment = readEnvironment(variables, FUNCTION_VARIABLES.environment);
  const targets = readTargets(variables, environment);
  const retry: RetrySettings = {
    maxAttempts: readInteger(variables, FUNCTION_VARIABLES.retryMaxAttempts, DEFAULT_RETRY.maxAttempts, 1, 20),
    baseDelayMs: readInteger(variables, FUNCTION_VARIABLES.retryBaseDelayMs, DEFAULT_RETRY.baseDelayMs, 1, 60_000),
    maxDelayMs: readInteger(variables, FUNCTION_VARIABLES.retryMaxDelayMs, DEFAULT_RETRY.maxDelayMs, 1, 120_000),
  };
  if (retry.maxDelayMs < retry.baseDelayMs) {
    throw new FunctionEnvironmentError(
      FUNCTION_VARIABLES.retryMaxDelayMs,
      String(retry.maxDelayMs),
      `must be at least ${FUNCTION_VARIABLES.retryBaseDelayMs} (${retry.baseDelayMs})`,
    );
  }
  return {
    environment,
    sourceTableName: readString(variables, FUNCTION_VARIABLES.sourceTableName),
    sourceBucketName: readString(variables, FUNCTION_VARIABLES.sourceBucketName),
    configPrefix: readPrefix(variables),
    deadLetterQueueUrl: readUrl(variables, FUNCTION_VARIABLES.deadLetterQueueUrl),
    targets,
    retry,
  };
}

function readTargets(variables: Variables, source: EnvironmentName): ReplicationTarget[] {
  const name = FUNCTION_VARIABLES.targets;
  const raw = readString(variables, name);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new FunctionEnvironmentError(name, raw, 'must be a JSON array of replication targets');
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new FunctionEnvironmentError(name, raw, 'must be a non-empty JSON array of replication targets');
  }
  const seen = new Set<string>();
  return parsed.map((entry: unknown, index) => {
    const where = `${name}[${index}]`;
    if (typeof entry !== 'object' || entry === null) {
      throw new FunctionEnvironmentError(where, JSON.stringify(entry), 'must be an object');
    }
    const fields = entry as Record<string, unknown>;
    const environment = fields['environment'];
    if (!isEnvironmentName(environment)) {
      throw new FunctionEnvironmentError(
        `${where}.environment`,
        String(environment),
        `must be one of ${ENVIRONMENT_NAMES.join(', ')}`,
      );
    }
    if (environment === source) {
      throw new FunctionEnvironmentError(`${where}.environment`, environment, `must differ from the source environment ${source}`);
    }
    if (seen.has(environment)) {
      throw new FunctionEnvironmentError(`${where}.environment`, environment, 'must appear only once');
    }
    seen.add(environment);
    const field = (key: string): string => {
      const value = fields[key];
      if (typeof value !== 'string' || value.length === 0) {
        throw new FunctionEnvironmentError(`${where}.${key}`, value === undefined ? undefined : String(value), 'must be a non-empty string');
      }
      return value;
    };
    const arn = (key: string): string => {
      const value = field(key);
      const parsed = parseArn(value);
      if (parsed?.service !== 'sns' || parsed.region === '' || parsed.accountId === '' || !/^[\w-]+$/.test(parsed.resource)) {
        throw new FunctionEnvironmentError(`${where}.${key}`, value, 'must be an SNS topic ARN');
      }
      return value;
    };
    return {
      environment,
      tableName: field('tableName'),
      bucketName: field('bucketName'),
      successTopicArn: arn('successTopicArn'),
      failureTopicArn: arn('failureTopicArn'),
    };
  });
}

function readString(variables: Variables, name: string): string {
  const value = variables[name];
  if (value === undefined || value.trim() === '') {
    throw new FunctionEnvironmentError(name, value, 'must be set and non-empty');
  }
  return value;
}

function readEnvironment(variables: Variables, name: string): EnvironmentName {
  const value = readString(variables, name);
  if (!isEnvironmentName(value)) {
    throw new FunctionEnvironmentError(name, value, `must be one of ${ENVIRONMENT_NAMES.join(', ')}`);
  }
  return value;
}

function readPrefix(variables: Variables): string {
  const name = FUNCTION_VARIABLES.configPrefix;
  const value = variables[name] ?? DEFAULT_CONFIG_PREFIX;
  if (!/^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*\/$/.test(value)) {
    throw new FunctionEnvironmentError(name, value, 'must be an S3 key prefix ending in "/", such as "config/"');
  }
  return value;
}

function readUrl(variables: Variables, name: string): string {
  const value = readString(variables, name);
  if (!/^https?:\/\/\S+$/.test(value)) {
    throw new FunctionEnvironmentError(name, value, 'must be an http(s) URL');
  }
  return value;
}

function readInteger(variables: Variables, name: string, fallback: number, min: number, max: number): number {
  const value = variables[name];
  if (value === undefined) {
    return fallback;
  }
  const parsed = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new FunctionEnvironmentError(name, value, `must be a whole number from ${min} to ${max}`);
  }
  return parsed;
}
