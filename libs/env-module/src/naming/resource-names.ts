import type { EnvironmentName, LambdaFunctionName } from '@data-platform/replication-contract';

/** What every physical name is made of. */
export interface NamingIdentity {
  readonly company: string;
  readonly environment: EnvironmentName;
  readonly region: string;
  readonly accountId: string;
}

export interface FunctionNames {
  readonly function: string;
  /** Deterministic, so another account's resource policies can name it before it exists. */
  readonly role: string;
  readonly logGroup: string;
  readonly errorsAlarm: string;
}

/** The physical name of every resource of one environment, from one place. */
export interface ResourceNames {
  /** `<company>-data-<env>-<region>-<accountId>`: globally unique, as S3 requires. */
  readonly bucket: string;
  readonly table: string;
  readonly successTopic: string;
  readonly failureTopic: string;
  readonly deadLetterQueue: string;
  readonly encryptionKeyAlias: string;
  readonly replicationRule: string;
  readonly deadLetterQueueDepthAlarm: string;
  /** Matches every alarm of this environment (for the conditions that let CloudWatch use the topic and key). */
  readonly alarmNamePattern: string;
  readonly functions: Readonly<Record<LambdaFunctionName, FunctionNames>>;
}

export function resourceNames({ company, environment, region, accountId }: NamingIdentity): ResourceNames {
  const functionNames = (purpose: string): FunctionNames => {
    const name = `${company}-${purpose}-${environment}`;
    return { function: name, role: name, logGroup: `/aws/lambda/${name}`, errorsAlarm: `${company}-${purpose}-errors-${environment}` };
  };
  return {
    bucket: `${company}-data-${environment}-${region}-${accountId}`,
    table: `${company}-metadata-${environment}`,
    successTopic: `${company}-replication-success-${environment}`,
    failureTopic: `${company}-replication-failure-${environment}`,
    deadLetterQueue: `${company}-replication-dlq-${environment}`,
    encryptionKeyAlias: `alias/${company}-data-platform-${environment}`,
    replicationRule: `${company}-config-replication-${environment}`,
    deadLetterQueueDepthAlarm: `${company}-replication-dlq-depth-${environment}`,
    alarmNamePattern: `${company}-*-${environment}`,
    functions: {
      monitor: functionNames('config-monitor'),
      replicator: functionNames('config-replicator'),
    },
  };
}

/** AWS's length limits on the names above; the company prefix rule keeps their characters valid. */
const LIMITS: readonly (readonly [what: string, pick: (names: ResourceNames) => string, max: number])[] = [
  ['table name', (names) => names.table, 255],
  ['queue name', (names) => names.deadLetterQueue, 80],
  ['topic name', (names) => names.failureTopic, 256],
  ['rule name', (names) => names.replicationRule, 64],
  ['function name', (names) => names.functions.replicator.function, 64],
  ['role name', (names) => names.functions.replicator.role, 64],
];

/** Names longer than AWS allows, as readable problems. */
export function nameLengthViolations(names: ResourceNames): string[] {
  return LIMITS.flatMap(([what, pick, max]) => {
    const name = pick(names);
    return name.length > max ? [`${what} "${name}" must be at most ${max} characters (it has ${name.length})`] : [];
  });
}
