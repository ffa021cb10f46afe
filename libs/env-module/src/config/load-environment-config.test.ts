import { DEFAULT_RETRY, isEnvironmentName } from '@data-platform/replication-contract';
import { environmentStackOf, type StackIdentity } from '../outputs/environment-stack-reference';
import { EnvironmentConfigError } from './config-reader';
import { ENVIRONMENT_DEFAULTS } from './defaults';
import { loadEnvironmentConfig } from './load-environment-config';

const dev = {
  'aws:region': 'eu-west-1',
  'platform:environment': 'dev',
  'platform:company': 'acme',
  'platform:accountId': '111111111111',
};
const prod = { ...dev, 'platform:environment': 'prod', 'platform:replicationTargets': '["dev","staging"]' };

/** Loads `config` as the stack of the environment it names (dev's, if it names none), unless told which stack runs. */
function load(config: Record<string, string | undefined>, runningStack?: StackIdentity) {
  const environment = config['platform:environment'];
  const stack = runningStack ?? environmentStackOf(environment !== undefined && isEnvironmentName(environment) ? environment : 'dev');
  return loadEnvironmentConfig({ config, organization: 'acme-org', runningStack: stack });
}

describe('loadEnvironmentConfig', () => {
  it('fills every setting a stack leaves out from the one set of defaults', () => {
    expect(load(dev)).toEqual({
      environment: 'dev',
      location: { accountId: '111111111111', region: 'eu-west-1', partition: 'aws' },
      company: 'acme',
      project: 'data-pipeline-platform',
      bucket: ENVIRONMENT_DEFAULTS.bucket,
      table: { deletionProtection: false },
      monitor: { timeoutSeconds: 60, memoryMb: 256 },
      replicator: { timeoutSeconds: 120, memoryMb: 512 },
      logs: { retentionDays: 30 },
      tableStream: ENVIRONMENT_DEFAULTS.tableStream,
      asyncInvoke: { maximumRetryAttempts: 2, maximumEventAgeSeconds: 3_600 },
      deadLetterQueue: { messageRetentionDays: 14 },
      alarms: ENVIRONMENT_DEFAULTS.alarms,
      replicationSourceAccountId: '111111111111',
    });
  });

  it('reads prod replication: targets in order, the org of the running stack, the contract retry', () => {
    const config = load(prod);
    expect(config.table.deletionProtection).toBe(true);
    expect(config.replication).toEqual({
      targets: ['dev', 'staging'],
      stackOrganization: 'acme-org',
      rule: { maximumRetryAttempts: 10, maximumEventAgeSeconds: 3_600 },
      retry: DEFAULT_RETRY,
    });
  });

  it('takes overrides given as maps (numbers or strings of digits) and scalars', () => {
    const config = load({
      ...prod,
      'platform:monitor': '{"timeoutSeconds":"30","memoryMb":512}',
      'platform:logRetentionDays': '90',
      'platform:stackOrganization': 'platform-team',
      'platform:project': 'Data Pipelines',
      'platform:replicatorRetry': '{"maxAttempts":4}',
    });
    expect(config.monitor).toEqual({ timeoutSeconds: 30, memoryMb: 512 });
    expect(config.logs.retentionDays).toBe(90);
    expect(config.project).toBe('Data Pipelines');
    expect(config.replication).toMatchObject({ stackOrganization: 'platform-team', retry: { ...DEFAULT_RETRY, maxAttempts: 4 } });
  });

  it('has no replication in prod when the stack lists no targets', () => {
    expect(load({ ...prod, 'platform:replicationTargets': undefined }).replication).toBeUndefined();
  });

  it('accepts the engine’s own pulumi: settings beside platform: and aws:region', () => {
    expect(load({ ...dev, 'pulumi:disable-default-providers': '["aws"]' }).environment).toBe('dev');
  });

  it('trusts another account as the replication source only where asked', () => {
    expect(load({ ...dev, 'platform:replicationSourceAccountId': '999999999999' }).replicationSourceAccountId).toBe('999999999999');
  });

  it('accepts alarm periods of whole minutes, up to a day in total', () => {
    expect(load({ ...dev, 'platform:alarms': '{"periodSeconds":300,"evaluationPeriods":3}' }).alarms).toMatchObject({ periodSeconds: 300, evaluationPeriods: 3 });
    expect(load({ ...dev, 'platform:alarms': '{"periodSeconds":86400}' }).alarms.periodSeconds).toBe(86_400);
  });

  it('derives the partition from the region', () => {
    expect(load({ ...dev, 'aws:region': 'us-gov-west-1' }).location.partition).toBe('aws-us-gov');
  });

  const longRegion = 'eu-someverylongregionnamethatnobodyhasyet-1';
  it.each<[string, Record<string, string | undefined>, string]>([
    ['a missing environment', { ...dev, 'platform:environment': undefined }, 'platform:environment is required and must be one of dev, staging, prod: set it with `pulumi config set platform:environment <value>`'],
    ['an unknown environment', { ...dev, 'platform:environment': 'qa' }, 'platform:environment="qa" is invalid: must be one of dev, staging, prod'],
    ['a missing region', { ...dev, 'aws:region': undefined }, "aws:region is required and must be one of the AWS provider's regions, such as eu-west-1"],
    ['a region of the wrong shape', { ...dev, 'aws:region': 'Ireland' }, 'aws:region="Ireland" is invalid: must be one of the AWS provider\'s regions, such as eu-west-1'],
    ['a misspelt region', { ...dev, 'aws:region': 'eu-wset-1' }, 'aws:region="eu-wset-1" is invalid: must be one of the AWS provider\'s regions, such as eu-west-1 (did you mean eu-west-1?)'],
    ['a region shaped right that does not exist', { ...dev, 'aws:region': longRegion }, `aws:region="${longRegion}" is invalid: must be one of the AWS provider's regions`],
    ['an empty company', { ...dev, 'platform:company': '' }, 'platform:company="" is invalid: must be 2-20 lowercase letters, digits or hyphens, starting with a letter'],
    ['a misspelt namespace', { ...dev, 'platfrom:company': 'acme' }, 'platfrom:company is not a setting this program reads: its namespace "platfrom" is none of platform, aws, pulumi (did you mean platform:company?)'],
    ['a key of the project’s own namespace', { ...dev, 'infra-dev:company': 'acme' }, 'infra-dev:company is not a setting this program reads: its namespace "infra-dev" is none of platform, aws, pulumi'],
    ['an aws: setting the explicit provider ignores', { ...dev, 'aws:profile': 'dev' }, "aws:profile is not a setting this program reads: the program's AWS provider reads only aws:region from config; give credentials through the environment (AWS_PROFILE, AWS_ACCESS_KEY_ID)"],
    ['an explicitly empty list of targets in prod', { ...prod, 'platform:replicationTargets': '[]' }, 'platform:replicationTargets=[] is invalid: must list at least one of dev, staging; to run prod without replication (no replicator, no rule), remove platform:replicationTargets from the stack file'],
    ['a company with capitals and underscores', { ...dev, 'platform:company': 'Acme_Corp' }, 'platform:company="Acme_Corp" is invalid: must be 2-20 lowercase letters, digits or hyphens, starting with a letter'],
    ['a company starting with a digit', { ...dev, 'platform:company': '1acme' }, 'platform:company="1acme" is invalid: must be 2-20 lowercase letters, digits or hyphens, starting with a letter'],
    ['a company too long', { ...dev, 'platform:company': 'a'.repeat(21) }, `platform:company="${'a'.repeat(21)}" is invalid: must be 2-20 lowercase letters`],
    ['a missing account id', { ...dev, 'platform:accountId': undefined }, 'platform:accountId is required and must be a 12-digit AWS account id'],
    ['an account id that lost its leading zero', { ...dev, 'platform:accountId': '12345678901' }, 'platform:accountId="12345678901" is invalid: must be a 12-digit AWS account id (quote it in YAML so leading zeros survive)'],
    ['a bucket name with a reserved prefix', { ...dev, 'platform:company': 'xn--acme' }, 'bucket name "xn--acme-data-dev-eu-west-1-111111111111" (<platform:company>-data-<platform:environment>-<aws:region>-<platform:accountId>) is invalid: must not start with the reserved prefix "xn--"'],
    ['a bucket name with a reserved prefix (sthree-)', { ...dev, 'platform:company': 'sthree-acme' }, 'is invalid: must not start with the reserved prefix "sthree-"'],
    ['a timeout over 300 s', { ...dev, 'platform:monitor': '{"timeoutSeconds":301}' }, 'platform:monitor.timeoutSeconds=301 is invalid: must be a whole number of seconds from 1 to 300 (this platform allows at most 300 s)'],
    ['a zero timeout', { ...dev, 'platform:monitor': '{"timeoutSeconds":0}' }, 'platform:monitor.timeoutSeconds=0 is invalid: must be a whole number of seconds from 1 to 300'],
    ['a fractional timeout', { ...dev, 'platform:monitor': '{"timeoutSeconds":1.5}' }, 'platform:monitor.timeoutSeconds=1.5 is invalid: must be a whole number of seconds from 1 to 300'],
    ['a replicator timeout over 300 s', { ...prod, 'platform:replicator': '{"timeoutSeconds":900}' }, 'platform:replicator.timeoutSeconds=900 is invalid: must be a whole number of seconds from 1 to 300'],
    ['too little memory', { ...dev, 'platform:monitor': '{"memoryMb":64}' }, 'platform:monitor.memoryMb=64 is invalid: must be a whole number of MB from 128 to 10240'],
    ['too much memory', { ...dev, 'platform:monitor': '{"memoryMb":20000}' }, 'platform:monitor.memoryMb=20000 is invalid: must be a whole number of MB from 128 to 10240'],
    ['memory that is not a number', { ...dev, 'platform:monitor': '{"memoryMb":"lots"}' }, 'platform:monitor.memoryMb="lots" is invalid: must be a whole number of MB from 128 to 10240'],
    ['a retention CloudWatch does not offer', { ...dev, 'platform:logRetentionDays': '45' }, "platform:logRetentionDays=45 is invalid: must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (CloudWatch Logs' retention periods, in days)"],
    ['a retention of 0 (never expire)', { ...dev, 'platform:logRetentionDays': '0' }, 'platform:logRetentionDays=0 is invalid: must be one of 1, 3,'],
    ['a DLQ retention over 14 days', { ...dev, 'platform:deadLetterQueue': '{"messageRetentionDays":15}' }, 'platform:deadLetterQueue.messageRetentionDays=15 is invalid: must be a whole number of days from 1 to 14 (SQS keeps messages at most 14 days)'],
    ['a data expiration of 0 days', { ...dev, 'platform:bucket': '{"dataExpirationDays":0}' }, 'platform:bucket.dataExpirationDays=0 is invalid: must be a whole number of days from 1 to 3650'],
    ['a negative alarm threshold', { ...dev, 'platform:alarms': '{"deadLetterQueueDepthThreshold":-1}' }, 'platform:alarms.deadLetterQueueDepthThreshold=-1 is invalid: must be a whole number from 0 to 100000'],
    ['an alarm period of part of a minute', { ...dev, 'platform:alarms': '{"periodSeconds":45}' }, 'platform:alarms.periodSeconds=45 is invalid: must be a multiple of 60 seconds from 60 to 86400 (AWS/SQS and AWS/Lambda publish their metrics once a minute)'],
    ['a high-resolution alarm period of 10 s', { ...dev, 'platform:alarms': '{"periodSeconds":10}' }, 'platform:alarms.periodSeconds=10 is invalid: must be a multiple of 60 seconds from 60 to 86400'],
    ['a high-resolution alarm period of 30 s', { ...dev, 'platform:alarms': '{"periodSeconds":30}' }, 'platform:alarms.periodSeconds=30 is invalid: must be a multiple of 60 seconds from 60 to 86400'],
    ['an alarm period that is not whole minutes', { ...dev, 'platform:alarms': '{"periodSeconds":90}' }, 'platform:alarms.periodSeconds=90 is invalid: must be a multiple of 60 seconds from 60 to 86400'],
    ['an alarm period over a day', { ...dev, 'platform:alarms': '{"periodSeconds":86460}' }, 'platform:alarms.periodSeconds=86460 is invalid: must be a multiple of 60 seconds from 60 to 86400'],
    ['an alarm window over a day', { ...dev, 'platform:alarms': '{"periodSeconds":3600,"evaluationPeriods":25}' }, 'platform:alarms.evaluationPeriods=25 is invalid: must keep periodSeconds × evaluationPeriods within one day (3600 × 25 > 86400 s)'],
    ['infinite stream retries', { ...dev, 'platform:tableStream': '{"maximumRetryAttempts":-1}' }, 'platform:tableStream.maximumRetryAttempts=-1 is invalid: must be a whole number from 0 to 10000 (infinite retries (-1) would block the stream)'],
    ['more async retries than Lambda allows', { ...dev, 'platform:asyncInvoke': '{"maximumRetryAttempts":3}' }, 'platform:asyncInvoke.maximumRetryAttempts=3 is invalid: must be a whole number from 0 to 2'],
    ['a map that is not a map', { ...dev, 'platform:monitor': '300' }, 'platform:monitor=300 is invalid: must be a map with any of timeoutSeconds, memoryMb'],
    ['a misspelt field', { ...dev, 'platform:monitor': '{"timeout":30}' }, 'platform:monitor.timeout is not a known setting: expected one of timeoutSeconds, memoryMb'],
    ['a misspelt key', { ...dev, 'platform:replicationTarget': '["dev"]' }, 'platform:replicationTarget is not a known setting: expected one of accountId, alarms, asyncInvoke,'],
    ['replication targets outside prod', { ...dev, 'platform:replicationTargets': '["staging"]' }, 'platform:replicationTargets=["staging"] is invalid: only prod replicates; remove it from the dev stack'],
    ['replicator sizing outside prod', { ...dev, 'platform:replicator': '{"memoryMb":1024}' }, 'platform:replicator={"memoryMb":1024} is invalid: only prod replicates; remove it from the dev stack'],
    ['prod as its own target', { ...prod, 'platform:replicationTargets': '["dev","prod"]' }, 'platform:replicationTargets[1]="prod" is invalid: must not be prod: prod is the replication source'],
    ['an unknown target', { ...prod, 'platform:replicationTargets': '["qa"]' }, 'platform:replicationTargets[0]="qa" is invalid: must be one of dev, staging'],
    ['a target listed twice', { ...prod, 'platform:replicationTargets': '["dev","dev"]' }, 'platform:replicationTargets[1]="dev" is invalid: must be listed only once'],
    ['targets that are not a list', { ...prod, 'platform:replicationTargets': 'dev,staging' }, 'platform:replicationTargets="dev,staging" is invalid: must be a list of environment names, such as [dev, staging]'],
    ['a bad stack organization', { ...prod, 'platform:stackOrganization': 'my org' }, 'platform:stackOrganization="my org" is invalid: must be a Pulumi organization name'],
    ['a backoff cap below its base', { ...prod, 'platform:replicatorRetry': '{"baseDelayMs":500,"maxDelayMs":100}' }, 'platform:replicatorRetry.maxDelayMs=100 is invalid: must be at least baseDelayMs (500)'],
    ['a backoff longer than half the timeout', { ...prod, 'platform:replicator': '{"timeoutSeconds":10}' }, 'platform:replicatorRetry={"maxAttempts":6,"baseDelayMs":200,"maxDelayMs":5000} is invalid: its worst-case backoff (6200 ms) must finish within half of platform:replicator.timeoutSeconds (10 s)'],
    ['a replication source set in prod', { ...prod, 'platform:replicationSourceAccountId': '999999999999' }, 'platform:replicationSourceAccountId="999999999999" is invalid: must not be set in prod, the replication source'],
    ['a replication source that is not an account', { ...dev, 'platform:replicationSourceAccountId': 'prod' }, 'platform:replicationSourceAccountId="prod" is invalid: must be a 12-digit AWS account id'],
    ['a Project tag AWS reserves', { ...dev, 'platform:project': 'aws:platform' }, 'platform:project="aws:platform" is invalid: must be an AWS tag value'],
  ])('rejects %s', (_case, config, message) => {
    expect(() => load(config)).toThrow(message);
  });

  it.each<[string, Record<string, string>, StackIdentity, string]>([
    ['prod’s environment in the dev stack', { ...dev, 'platform:environment': 'prod' }, environmentStackOf('dev'), 'platform:environment="prod" is invalid: must be dev, the environment of the running stack infra-dev/dev'],
    ['dev in another environment’s project', dev, { project: 'infra-staging', stack: 'dev' }, 'platform:environment="dev" is invalid: the running stack infra-staging/dev is none of infra-dev/dev, infra-staging/staging, infra-prod/prod, the stacks prod reads'],
    ['dev in a stack of another name', dev, { project: 'infra-dev', stack: 'dev2' }, 'the running stack infra-dev/dev2 is none of infra-dev/dev,'],
  ])('refuses %s', (_case, config, running, message) => {
    expect(() => load(config, running)).toThrow(message);
  });

  it('reports every problem at once, as an EnvironmentConfigError', () => {
    let error: unknown;
    try {
      load({ ...dev, 'platform:company': 'Acme', 'platform:monitor': '{"timeoutSeconds":900}' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvironmentConfigError);
    expect((error as EnvironmentConfigError).problems).toEqual([
      'platform:company="Acme" is invalid: must be 2-20 lowercase letters, digits or hyphens, starting with a letter',
      'platform:monitor.timeoutSeconds=900 is invalid: must be a whole number of seconds from 1 to 300 (this platform allows at most 300 s)',
    ]);
    expect((error as Error).message).toMatch(/^Invalid stack configuration:\n {2}- platform:company="Acme"/);
  });
});
