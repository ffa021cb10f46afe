import * as z from 'zod/mini';
import type { $ZodType, output } from 'zod/v4/core';
import { parseArn } from './arn';
import { type EnvironmentName, ENVIRONMENT_NAMES } from './environments';
import { DEFAULT_RETRY, type RetrySettings } from './retry-settings';
import { parseWithSchema } from './schema-issue';

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

const SET = 'must be set and non-empty';
const setString = z.string({ error: SET }).check(z.refine((value) => value.trim() !== '', { error: SET }));
const environmentName = z.enum(ENVIRONMENT_NAMES, { error: `must be one of ${ENVIRONMENT_NAMES.join(', ')}` });
const httpUrl = setString.check(z.regex(/^https?:\/\/\S+$/, { error: 'must be an http(s) URL' }));
const keyPrefix = z._default(
  z.string().check(z.regex(/^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*\/$/, { error: 'must be an S3 key prefix ending in "/", such as "config/"' })),
  DEFAULT_CONFIG_PREFIX,
);

/** A whole number in [min, max] written as text; `fallback` when unset. */
function wholeNumber(fallback: number, min: number, max: number) {
  const rule = `must be a whole number from ${min} to ${max}`;
  return z.pipe(
    z.optional(z.string()),
    z.transform((text: string | undefined, context) => {
      const value = text === undefined ? fallback : text.trim() === '' ? Number.NaN : Number(text);
      if (!Number.isInteger(value) || value < min || value > max) {
        context.issues.push({ code: 'custom', message: rule, input: text });
      }
      return value;
    }),
  );
}

const NON_EMPTY = 'must be a non-empty string';
const targetField = z.string({ error: NON_EMPTY }).check(z.minLength(1, { error: NON_EMPTY }));
const snsTopicArn = targetField.check(
  z.refine(
    (value) => {
      const arn = parseArn(value);
      return arn?.service === 'sns' && arn.region !== '' && arn.accountId !== '' && /^[\w-]+$/.test(arn.resource);
    },
    { error: 'must be an SNS topic ARN' },
  ),
);

const replicationTarget = z.object(
  {
    environment: environmentName,
    tableName: targetField,
    bucketName: targetField,
    successTopicArn: snsTopicArn,
    failureTopicArn: snsTopicArn,
  },
  { error: 'must be an object' },
);

const TARGETS_RULE = 'must be a non-empty JSON array of replication targets';

/** REPLICATION_TARGETS: a JSON array of distinct targets, none of them the source itself. */
function replicationTargets(source: EnvironmentName) {
  return z.pipe(
    z.pipe(
      setString,
      z.transform((text: string, context) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          context.issues.push({ code: 'custom', message: 'must be a JSON array of replication targets', input: text });
          return undefined;
        }
      }),
    ),
    z.array(replicationTarget, { error: TARGETS_RULE }).check(
      z.minLength(1, { error: TARGETS_RULE }),
      z.superRefine((targets, context) => {
        const seen = new Set<string>();
        targets.forEach(({ environment }, index) => {
          const rule = environment === source ? `must differ from the source environment ${source}` : seen.has(environment) ? 'must appear only once' : undefined;
          if (rule !== undefined) {
            context.addIssue({ code: 'custom', message: rule, path: [index, 'environment'], input: environment });
          }
          seen.add(environment);
        });
      }),
    ),
  );
}

const V = FUNCTION_VARIABLES;

const monitorSchema = z.object({
  [V.environment]: environmentName,
  [V.eventBusName]: setString,
  [V.configPrefix]: keyPrefix,
  [V.deadLetterQueueUrl]: httpUrl,
});

export function readMonitorSettings(variables: Variables): MonitorSettings {
  const read = parseVariables(monitorSchema, variables);
  return {
    environment: read[V.environment],
    eventBusName: read[V.eventBusName],
    configPrefix: read[V.configPrefix],
    deadLetterQueueUrl: read[V.deadLetterQueueUrl],
  };
}

export function readReplicatorSettings(variables: Variables): ReplicatorSettings {
  const environment = parseVariables(z.object({ [V.environment]: environmentName }), variables)[V.environment];
  const read = parseVariables(
    z.object({
      [V.sourceTableName]: setString,
      [V.sourceBucketName]: setString,
      [V.configPrefix]: keyPrefix,
      [V.deadLetterQueueUrl]: httpUrl,
      [V.targets]: replicationTargets(environment),
      [V.retryMaxAttempts]: wholeNumber(DEFAULT_RETRY.maxAttempts, 1, 20),
      [V.retryBaseDelayMs]: wholeNumber(DEFAULT_RETRY.baseDelayMs, 1, 60_000),
      [V.retryMaxDelayMs]: wholeNumber(DEFAULT_RETRY.maxDelayMs, 1, 120_000),
    }),
    variables,
  );
  const retry: RetrySettings = {
    maxAttempts: read[V.retryMaxAttempts],
    baseDelayMs: read[V.retryBaseDelayMs],
    maxDelayMs: read[V.retryMaxDelayMs],
  };
  if (retry.maxDelayMs < retry.baseDelayMs) {
    throw new FunctionEnvironmentError(V.retryMaxDelayMs, String(retry.maxDelayMs), `must be at least ${V.retryBaseDelayMs} (${retry.baseDelayMs})`);
  }
  return {
    environment,
    sourceTableName: read[V.sourceTableName],
    sourceBucketName: read[V.sourceBucketName],
    configPrefix: read[V.configPrefix],
    deadLetterQueueUrl: read[V.deadLetterQueueUrl],
    targets: read[V.targets],
    retry,
  };
}

/** The first problem names the variable (or a target's field), its value as set, and the rule. */
function parseVariables<Schema extends $ZodType>(schema: Schema, variables: Variables): output<Schema> {
  return parseWithSchema(schema, variables, '', ({ field, value, rule }) => {
    const shown = value === undefined || typeof value === 'string' ? value : JSON.stringify(value);
    return new FunctionEnvironmentError(field.replace(/^\./, ''), shown, rule);
  });
}
