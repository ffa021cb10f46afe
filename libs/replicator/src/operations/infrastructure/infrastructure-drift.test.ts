import type { EnvironmentName } from '@data-platform/replication-contract';
import { type DeployedAnswers, deployedAnswers, locationOf, mockedAws, plannedStack } from '../../../test/deployed-environment';
import { declaredInfrastructure, PlanMismatchError } from './declared-infrastructure';
import { findInfrastructureDrift } from './infrastructure-drift';
import { readLiveInfrastructure } from './live-infrastructure';

const ENVIRONMENTS: EnvironmentName[] = ['dev', 'staging', 'prod'];

async function driftOf(change: (answers: Record<EnvironmentName, DeployedAnswers>) => void, { withPlans = true, plans = plannedStack } = {}) {
  const answers = { dev: deployedAnswers('dev'), staging: deployedAnswers('staging'), prod: deployedAnswers('prod') };
  change(answers);
  const aws = mockedAws(answers);
  const live = await Promise.all(ENVIRONMENTS.map((environment) => readLiveInfrastructure(aws, locationOf(environment))));
  const declared = withPlans ? ENVIRONMENTS.map((environment) => declaredInfrastructure(plans(environment), locationOf(environment))) : undefined;
  return findInfrastructureDrift({ live, ...(declared === undefined ? {} : { declared }) });
}

describe('infrastructure drift', () => {
  it('finds nothing when every environment is as declared, whatever order and spelling AWS answers in', async () => {
    await expect(driftOf(() => undefined)).resolves.toEqual([]);
  });

  it('names an out-of-band change once, against the declaration, with both values', async () => {
    const findings = await driftOf((answers) => {
      answers.dev.backups = { ContinuousBackupsStatus: 'DISABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } };
    });
    expect(findings).toEqual([
      { environment: 'dev', resource: 'table acme-metadata-dev', setting: 'pointInTimeRecovery', comparedWith: 'declared', expected: 'on', actual: 'off' },
    ]);
  });

  it('reports a rule added by hand, a changed policy statement, a removed tag and a changed index, each as its own setting', async () => {
    const findings = await driftOf((answers) => {
      const staging = answers.staging;
      staging.lifecycleRules = [...(staging.lifecycleRules ?? []), { ID: 'archive', Status: 'Enabled', Filter: { Prefix: 'config/' }, Transitions: [{ Days: 1, StorageClass: 'GLACIER' }] }];
      staging.policy = (staging.policy ?? '').replace('"Deny"', '"Allow"');
      delete staging.bucketTags?.['ManagedBy'];
      const index = staging.table.GlobalSecondaryIndexes?.[0];
      if (index !== undefined) index.Projection = { ProjectionType: 'KEYS_ONLY' };
    });
    const bucket = 'bucket acme-data-staging-eu-west-1-111111111111';
    expect(findings.map(({ environment, resource, setting, expected, actual }) => ({ environment, resource, setting, expected, actual }))).toEqual([
      {
        environment: 'staging',
        resource: 'table acme-metadata-staging',
        setting: 'global secondary index by-entity-type',
        expected: 'entityType HASH, pk RANGE; projection ALL',
        actual: 'entityType HASH, pk RANGE; projection KEYS_ONLY',
      },
      { environment: 'staging', resource: bucket, setting: 'lifecycle rule archive', actual: '{"filter":{"prefix":"config/"},"status":"Enabled","transitions":[{"days":"1","storageClass":"GLACIER"}]}' },
      {
        environment: 'staging',
        resource: bucket,
        setting: 'policy statement DenyInsecureTransport',
        expected: expect.stringContaining('"Effect":"Deny"'),
        actual: expect.stringContaining('"Effect":"Allow"'),
      },
      { environment: 'staging', resource: bucket, setting: 'tag ManagedBy', expected: 'pulumi' },
    ]);
  });

  it('without plans, compares the settings every environment shares with prod and ignores the ones that differ by design', async () => {
    const findings = await driftOf(
      (answers) => {
        answers.dev.table.BillingModeSummary = { BillingMode: 'PROVISIONED' };
        answers.dev.versioning = 'Suspended';
      },
      { withPlans: false },
    );
    // Deletion protection (prod only), names, keys, policies and tags differ by design.
    expect(findings).toEqual([
      { environment: 'dev', resource: 'table acme-metadata-dev', setting: 'billingMode', comparedWith: 'prod', expected: 'PAY_PER_REQUEST', actual: 'PROVISIONED' },
      { environment: 'dev', resource: 'bucket acme-data-dev-eu-west-1-111111111111', setting: 'versioning', comparedWith: 'prod', expected: 'Enabled', actual: 'Suspended' },
    ]);
  });

  it('reads settings S3 reports as not configured as values: no lifecycle, no public access block, no policy, no tags', async () => {
    const findings = await driftOf((answers) => {
      Object.assign(answers.dev, { lifecycleRules: undefined, publicAccessBlock: undefined, policy: undefined, bucketTags: undefined, versioning: undefined });
    });
    const bucket = findings.filter((finding) => finding.resource.startsWith('bucket'));
    expect(bucket.map((finding) => [finding.setting, finding.actual])).toEqual([
      ['lifecycle rule expire-noncurrent-versions', undefined],
      ['lifecycle rule expire-pipeline-data', undefined],
      ['policy statement DenyInsecureTransport', undefined],
      ['publicAccessBlock', 'BlockPublicAcls off, IgnorePublicAcls off, BlockPublicPolicy off, RestrictPublicBuckets off'],
      ['tag Environment', undefined],
      ['tag ManagedBy', undefined],
      ['tag Project', undefined],
      ['versioning', 'never enabled'],
    ]);
  });

  it('names a key other than the environment key the stack exports', async () => {
    const findings = await driftOf((answers) => {
      answers.prod.encryption = { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'arn:aws:kms:eu-west-1:111111111111:key/other' }, BucketKeyEnabled: true }] };
    });
    expect(findings).toEqual([
      expect.objectContaining({ environment: 'prod', setting: 'encryptionKey', expected: locationOf('prod').encryptionKeyArn, actual: 'arn:aws:kms:eu-west-1:111111111111:key/other' }),
    ]);
  });

  it("compares a table's resource policy by statement: one the program declares and AWS no longer holds is named", async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'AdmitProdReplicator', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:role/acme-config-replicator-prod' }, Action: ['dynamodb:PutItem'], Resource: locationOf('dev').tableArn }],
    });
    const withTablePolicy = (environment: EnvironmentName) => {
      const plan = plannedStack(environment);
      if (environment !== 'dev') return plan;
      return { ...plan, resources: [...plan.resources, { type: 'aws:dynamodb/resourcePolicy:ResourcePolicy', inputs: { resourceArn: locationOf('dev').tableArn, policy }, state: {} }] };
    };
    await expect(driftOf((answers) => (answers.dev.tablePolicy = policy), { plans: withTablePolicy })).resolves.toEqual([]);
    await expect(driftOf(() => undefined, { plans: withTablePolicy })).resolves.toEqual([
      {
        environment: 'dev',
        resource: 'table acme-metadata-dev',
        setting: 'policy statement AdmitProdReplicator',
        comparedWith: 'declared',
        expected: expect.stringContaining('"Action":["dynamodb:PutItem"]'),
      },
    ]);
  });
});

describe('readLiveInfrastructure', () => {
  it('reads a bucket only if it is owned by the account the stack is deployed in', async () => {
    const aws = mockedAws({ dev: deployedAnswers('dev') });
    await expect(readLiveInfrastructure(aws, { ...locationOf('dev'), accountId: '222222222222' })).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});

describe('declaredInfrastructure', () => {
  it('refuses a plan made for another account or region than the deployed stack', () => {
    expect(() => declaredInfrastructure(plannedStack('dev'), { ...locationOf('dev'), accountId: '222222222222' })).toThrow(
      new PlanMismatchError(
        "the plan of dev is for account 111111111111 in eu-west-1, the dev stack is deployed in account 222222222222 in eu-west-1: plan this commit with the deployed stack's config",
      ),
    );
  });

  it("refuses a plan that does not declare the table the stack's outputs name", () => {
    expect(() => declaredInfrastructure(plannedStack('dev'), { ...locationOf('dev'), tableName: 'acme-metadata-renamed' })).toThrow(/declares no table acme-metadata-renamed/);
  });
});
