import { ENVIRONMENT_NAMES, type EnvironmentName, isEnvironmentName, SOURCE_ENVIRONMENT } from '@data-platform/replication-contract';
import { nameLengthViolations, resourceNames } from '../naming/resource-names';
import { environmentStackOf, type StackIdentity } from '../outputs/environment-stack-reference';
import { backoffFitsTimeout, worstCaseBackoffMs } from '../replication/retry-budget';
import { isRegionName, partitionOf, regionRule } from './aws-region';
import { bucketNameViolation } from './bucket-name-rules';
import { type ConfigSource, ConfigReader, EnvironmentConfigError, type NumberRule, parseJson } from './config-reader';
import { ENVIRONMENT_DEFAULTS } from './defaults';
import { nearestName } from './nearest-name';
import type { EnvironmentConfig, EnvironmentLocation, ReplicationSettings } from './environment-config';

/** The namespace of this platform's settings; `aws:region` is read too. */
export const CONFIG_NAMESPACE = 'platform';

/**
 * The only keys outside `platform:` that a stack file may hold. The program's AWS
 * provider is explicit and takes nothing from `aws:` config but the region (Pulumi
 * reads `aws:*` only into default providers, which are disabled); `pulumi:` keys
 * are the engine's. Any other namespace is a typo (`platfrom:company`) whose value
 * would be silently ignored.
 */
const OTHER_KEYS: Readonly<Record<string, (name: string) => string | undefined>> = {
  aws: (name) =>
    name === 'aws:region'
      ? undefined
      : "the program's AWS provider reads only aws:region from config; give credentials through the environment (AWS_PROFILE, AWS_ACCESS_KEY_ID)",
  pulumi: () => undefined,
};

/** CloudWatch Logs accepts only these retention periods (0, "never expire", is not allowed here). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const COMPANY = { pattern: /^[a-z][a-z0-9-]{1,19}$/, rule: 'must be 2-20 lowercase letters, digits or hyphens, starting with a letter' };
const ACCOUNT_ID = { pattern: /^\d{12}$/, rule: 'must be a 12-digit AWS account id (quote it in YAML so leading zeros survive)' };
const ORGANIZATION = { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, rule: 'must be a Pulumi organization name: letters, digits, dots, hyphens or underscores' };
const TAG_VALUE = { pattern: /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,256}$/u, rule: 'must be an AWS tag value: 1-256 letters, digits, spaces or _ . : / = + - @, not starting with "aws:"' };
const PATH = { pattern: /^\S(.*\S)?$/, rule: 'must be a directory path' };

const FUNCTION_RULES = {
  timeoutSeconds: { min: 1, max: 300, unit: 'seconds', note: 'this platform allows at most 300 s' },
  memoryMb: { min: 128, max: 10_240, unit: 'MB' },
} satisfies Record<string, NumberRule>;

const DAYS = (max: number): NumberRule => ({ min: 1, max, unit: 'days' });

/** Settings by key: the ones read as a map of whole numbers, with their rules. */
const NUMBER_MAPS = {
  bucket: {
    dataExpirationDays: DAYS(3_650),
    noncurrentVersionExpirationDays: DAYS(3_650),
    abortIncompleteMultipartUploadDays: DAYS(365),
  },
  monitor: FUNCTION_RULES,
  replicator: FUNCTION_RULES,
  tableStream: {
    batchSize: { min: 1, max: 10_000 },
    maximumBatchingWindowSeconds: { min: 0, max: 300, unit: 'seconds' },
    maximumRetryAttempts: { min: 0, max: 10_000, note: 'infinite retries (-1) would block the stream' },
    maximumRecordAgeSeconds: { min: 60, max: 604_800, unit: 'seconds' },
  },
  asyncInvoke: {
    maximumRetryAttempts: { min: 0, max: 2 },
    maximumEventAgeSeconds: { min: 60, max: 21_600, unit: 'seconds' },
  },
  deadLetterQueue: { messageRetentionDays: { ...DAYS(14), note: 'SQS keeps messages at most 14 days' } },
  alarms: {
    periodSeconds: { min: 60, max: 86_400, multipleOf: 60, unit: 'seconds', note: 'AWS/SQS and AWS/Lambda publish their metrics once a minute' },
    evaluationPeriods: { min: 1, max: 100 },
    deadLetterQueueDepthThreshold: { min: 0, max: 100_000 },
    functionErrorsThreshold: { min: 0, max: 100_000 },
  },
  replicationRule: {
    maximumRetryAttempts: { min: 0, max: 185 },
    maximumEventAgeSeconds: { min: 60, max: 86_400, unit: 'seconds' },
  },
  replicatorRetry: {
    maxAttempts: { min: 1, max: 20 },
    baseDelayMs: { min: 1, max: 60_000, unit: 'milliseconds' },
    maxDelayMs: { min: 1, max: 120_000, unit: 'milliseconds' },
  },
} satisfies Record<string, Record<string, NumberRule>>;

const SCALAR_KEYS = [
  'environment',
  'company',
  'accountId',
  'project',
  'logRetentionDays',
  'replicationTargets',
  'stackOrganization',
  'replicationSourceAccountId',
  'lambdaBundleRoot',
] as const;

/** Settings that only make sense where the replicator runs. */
const PROD_ONLY_KEYS = ['replicationTargets', 'replicator', 'replicationRule', 'replicatorRetry', 'stackOrganization'] as const;

export const KNOWN_SETTINGS: readonly string[] = [...SCALAR_KEYS, ...Object.keys(NUMBER_MAPS)].sort();

export interface LoadEnvironmentConfigOptions {
  /** Fully-qualified keys to raw values, as `pulumi.runtime.allConfig()` returns them. */
  readonly config: ConfigSource;
  /** The organization of the running stack (`pulumi.getOrganization()`), the default for target stacks. */
  readonly organization: string;
  /** The running stack (`pulumi.getProject()`, `pulumi.getStack()`): `platform:environment` must be the one it is for. */
  readonly runningStack: StackIdentity;
}

/**
 * Reads and validates every setting of one environment before any resource is
 * made. Throws EnvironmentConfigError listing every problem, each naming the key,
 * the value and the rule.
 */
export function loadEnvironmentConfig({ config, organization, runningStack }: LoadEnvironmentConfigOptions): EnvironmentConfig {
  const reader = new ConfigReader(config);
  const key = (name: string): string => `${CONFIG_NAMESPACE}:${name}`;

  for (const name of reader.keys()) {
    checkKnownKey(reader, name);
  }

  const environment = readEnvironment(reader, key('environment'), runningStack);
  const company = reader.requiredString(key('company'), COMPANY.pattern, COMPANY.rule);
  const accountId = reader.requiredString(key('accountId'), ACCOUNT_ID.pattern, ACCOUNT_ID.rule);
  const region = reader.requiredString('aws:region', isRegionName, regionRule(reader.raw('aws:region')));
  const project = reader.optionalString(key('project'), TAG_VALUE.pattern, TAG_VALUE.rule) ?? ENVIRONMENT_DEFAULTS.project;
  const lambdaBundleRoot = reader.optionalString(key('lambdaBundleRoot'), PATH.pattern, PATH.rule);

  const maps = {} as { [K in keyof typeof NUMBER_MAPS]: Record<keyof (typeof NUMBER_MAPS)[K], number> };
  for (const name of Object.keys(NUMBER_MAPS) as (keyof typeof NUMBER_MAPS)[]) {
    const defaults = ENVIRONMENT_DEFAULTS[name] as Readonly<Record<string, number>>;
    (maps as Record<string, unknown>)[name] = reader.numbers(key(name), NUMBER_MAPS[name], defaults);
  }
  const logRetentionDays = readLogRetention(reader, key('logRetentionDays'));
  checkAlarmWindow(reader, key('alarms'), maps.alarms);

  if (environment !== undefined && environment !== SOURCE_ENVIRONMENT) {
    for (const name of PROD_ONLY_KEYS) {
      const raw = reader.raw(key(name));
      if (raw !== undefined) {
        reader.invalid(key(name), parseJson(raw) ?? raw, `only ${SOURCE_ENVIRONMENT} replicates; remove it from the ${environment} stack`);
      }
    }
  }
  const replication =
    environment === SOURCE_ENVIRONMENT
      ? readReplication(reader, key, organization, maps.replicationRule, maps.replicatorRetry, maps.replicator.timeoutSeconds)
      : undefined;
  const replicationSourceAccountId = readReplicationSource(reader, key('replicationSourceAccountId'), environment);

  if (environment !== undefined && company !== undefined && accountId !== undefined && region !== undefined) {
    const names = resourceNames({ company, environment, region, accountId });
    const violation = bucketNameViolation(names.bucket);
    if (violation !== undefined) {
      reader.note(
        `bucket name "${names.bucket}" (<platform:company>-data-<platform:environment>-<aws:region>-<platform:accountId>) is invalid: ${violation}`,
      );
    }
    reader.problems.push(...nameLengthViolations(names).map((problem) => `${problem}: shorten platform:company`));
  }

  if (reader.problems.length > 0 || environment === undefined || company === undefined || accountId === undefined || region === undefined) {
    throw new EnvironmentConfigError(reader.problems);
  }
  const location: EnvironmentLocation = { accountId, region, partition: partitionOf(region) };
  return {
    environment,
    location,
    company,
    project,
    bucket: maps.bucket,
    table: { deletionProtection: environment === 'prod' },
    monitor: maps.monitor,
    replicator: maps.replicator,
    logs: { retentionDays: logRetentionDays },
    tableStream: maps.tableStream,
    asyncInvoke: maps.asyncInvoke,
    deadLetterQueue: maps.deadLetterQueue,
    alarms: maps.alarms,
    replication,
    replicationSourceAccountId: replicationSourceAccountId ?? accountId,
    lambdaBundleRoot,
  };
}

function checkKnownKey(reader: ConfigReader, name: string): void {
  const namespace = name.includes(':') ? name.slice(0, name.indexOf(':')) : '';
  if (namespace === CONFIG_NAMESPACE) {
    if (!KNOWN_SETTINGS.includes(name.slice(CONFIG_NAMESPACE.length + 1))) {
      reader.note(`${name} is not a known setting: expected one of ${KNOWN_SETTINGS.join(', ')}`);
    }
    return;
  }
  const known = [CONFIG_NAMESPACE, ...Object.keys(OTHER_KEYS)];
  const nearest = nearestName(namespace, known);
  const rule = Object.hasOwn(OTHER_KEYS, namespace)
    ? OTHER_KEYS[namespace](name)
    : `its namespace "${namespace}" is none of ${known.join(', ')}` +
      (nearest === undefined ? '' : ` (did you mean ${nearest}${name.slice(namespace.length)}?)`);
  if (rule !== undefined) {
    reader.note(`${name} is not a setting this program reads: ${rule}`);
  }
}

/**
 * Each environment is the project `infra-<env>` with the stack `<env>` (prod's
 * StackReferences rely on it), so `platform:environment` must be the one the
 * running stack is for: a prod value in infra-dev would build a second prod.
 */
function readEnvironment(reader: ConfigReader, key: string, running: StackIdentity): EnvironmentName | undefined {
  const environment = reader.requiredString(key, isEnvironmentName, `must be one of ${ENVIRONMENT_NAMES.join(', ')}`);
  if (environment === undefined) {
    return undefined;
  }
  const shown = (stack: StackIdentity): string => `${stack.project}/${stack.stack}`;
  const expected = ENVIRONMENT_NAMES.find((name) => shown(environmentStackOf(name)) === shown(running));
  if (expected !== environment) {
    const rule =
      expected === undefined
        ? `the running stack ${shown(running)} is none of ${ENVIRONMENT_NAMES.map((name) => shown(environmentStackOf(name))).join(', ')}, the stacks prod reads`
        : `must be ${expected}, the environment of the running stack ${shown(running)}`;
    reader.invalid(key, environment, rule);
    return undefined;
  }
  return environment;
}

function readLogRetention(reader: ConfigReader, key: string): number {
  const raw = reader.raw(key);
  const rule: NumberRule = { min: 1, max: 3_653, allowed: LOG_RETENTION_DAYS, note: "CloudWatch Logs' retention periods, in days" };
  return raw === undefined ? ENVIRONMENT_DEFAULTS.logRetentionDays : reader.number(key, raw, rule, ENVIRONMENT_DEFAULTS.logRetentionDays);
}

/** CloudWatch evaluates an alarm over at most one day in total. */
function checkAlarmWindow(reader: ConfigReader, key: string, alarms: { periodSeconds: number; evaluationPeriods: number }): void {
  const { periodSeconds, evaluationPeriods } = alarms;
  if (periodSeconds * evaluationPeriods > 86_400) {
    reader.invalid(`${key}.evaluationPeriods`, evaluationPeriods, `must keep periodSeconds × evaluationPeriods within one day (${periodSeconds} × ${evaluationPeriods} > 86400 s)`);
  }
}

function readReplication(
  reader: ConfigReader,
  key: (name: string) => string,
  organization: string,
  rule: ReplicationSettings['rule'],
  retry: ReplicationSettings['retry'],
  replicatorTimeoutSeconds: number,
): ReplicationSettings | undefined {
  const targetsKey = key('replicationTargets');
  const listed = reader.stringList(targetsKey, 'must be a list of environment names, such as [dev, staging]');
  const stackOrganization = reader.optionalString(key('stackOrganization'), ORGANIZATION.pattern, ORGANIZATION.rule) ?? organization;

  const retryKey = key('replicatorRetry');
  if (retry.maxDelayMs < retry.baseDelayMs) {
    reader.invalid(`${retryKey}.maxDelayMs`, retry.maxDelayMs, `must be at least baseDelayMs (${retry.baseDelayMs})`);
  } else if (!backoffFitsTimeout(retry, replicatorTimeoutSeconds)) {
    reader.invalid(
      retryKey,
      retry,
      `its worst-case backoff (${worstCaseBackoffMs(retry)} ms) must finish within half of ${key('replicator')}.timeoutSeconds (${replicatorTimeoutSeconds} s)`,
    );
  }

  if (listed === undefined) {
    return undefined;
  }
  if (listed.length === 0) {
    // An empty list looks like a list of targets and silently means none: say so.
    reader.invalid(
      targetsKey,
      listed,
      `must list at least one of ${ENVIRONMENT_NAMES.filter((name) => name !== SOURCE_ENVIRONMENT).join(', ')}; ` +
        `to run ${SOURCE_ENVIRONMENT} without replication (no replicator, no rule), remove ${targetsKey} from the stack file`,
    );
    return undefined;
  }
  const targets: EnvironmentName[] = [];
  listed.forEach((target, index) => {
    const where = `${targetsKey}[${index}]`;
    if (!isEnvironmentName(target)) {
      reader.invalid(where, target, `must be one of ${ENVIRONMENT_NAMES.filter((name) => name !== SOURCE_ENVIRONMENT).join(', ')}`);
    } else if (target === SOURCE_ENVIRONMENT) {
      reader.invalid(where, target, `must not be ${SOURCE_ENVIRONMENT}: ${SOURCE_ENVIRONMENT} is the replication source`);
    } else if (targets.includes(target)) {
      reader.invalid(where, target, 'must be listed only once');
    } else {
      targets.push(target);
    }
  });
  return { targets, stackOrganization, rule, retry };
}

function readReplicationSource(
  reader: ConfigReader,
  key: string,
  environment: EnvironmentName | undefined,
): string | undefined {
  const value = reader.optionalString(key, ACCOUNT_ID.pattern, ACCOUNT_ID.rule);
  if (value !== undefined && environment === SOURCE_ENVIRONMENT) {
    reader.invalid(key, value, `must not be set in ${SOURCE_ENVIRONMENT}, the replication source`);
    return undefined;
  }
  return value;
}
