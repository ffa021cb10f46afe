import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import type { PlanDocument } from './plan-document';
import { DOWNSTREAM, type PlanRun, runPlan, UPSTREAM, WORKSPACE_ROOT } from './test/run-plan';

const UPSTREAM_BUCKET = 'fixture-data-dev-111111111111';
const outDir = () => mkdtempSync(join(tmpdir(), 'plan-'));
const readPlan = (dir: string, stack: string) => JSON.parse(readFileSync(join(dir, `${stack}.json`), 'utf8')) as PlanDocument;

describe('plan CLI on fixture stacks', () => {
  const plans = outDir();
  let upstream: PlanRun;
  let downstream: PlanRun;

  beforeAll(async () => {
    upstream = await runPlan(['--project-dir', UPSTREAM, '--out-dir', plans]);
    downstream = await runPlan(['--project-dir', DOWNSTREAM, '--out-dir', plans, '--json']);
  }, 60_000);

  it('prints a summary marked as planned and writes the plan', () => {
    expect(upstream).toMatchObject({ status: 0, stderr: '' });
    expect(upstream.stdout).toContain('PLAN organization/plan-fixture-upstream/dev   PLANNED values (offline, Pulumi mock runtime): nothing deployed, nothing read from AWS\n');
    expect(upstream.stdout).toContain('│  ├─ aws:dynamodb:Table  fixture-dev-metadata\n│  │       table fixture-metadata-dev\n');
    expect(upstream.stdout).toContain(`\nOutputs\n  environment  dev\n  bucketName   ${UPSTREAM_BUCKET}\n`);
    expect(upstream.stdout).toMatch(/\nGuardrails \(data-platform-guardrails, \d+ policies\): PASSED, 0 mandatory violations\n/);
    expect(upstream.stdout).toMatch(/\nPlanned organization\/plan-fixture-upstream\/dev in \d+ ms; wrote .*dev\.json\n/);
  });

  it('writes JSON with planned resources, outputs and the guardrail verdict', () => {
    const plan = readPlan(plans, 'dev');
    expect(Object.keys(plan)).toEqual(['kind', 'valuesAre', 'note', 'project', 'stack', 'organization', 'fullyQualifiedName', 'location', 'config', 'stackReferences', 'resources', 'outputs', 'guardrails']);
    expect(plan).toMatchObject({
      kind: 'offline-plan',
      valuesAre: 'planned',
      fullyQualifiedName: 'organization/plan-fixture-upstream/dev',
      location: { accountId: '111111111111', region: 'eu-west-1', partition: 'aws', accountIsPlaceholder: false },
      config: { 'fixture:environment': 'dev' },
      stackReferences: [],
      outputs: { bucketName: UPSTREAM_BUCKET, bucketArn: `arn:aws:s3:::${UPSTREAM_BUCKET}` },
      guardrails: { policyPack: 'data-platform-guardrails', passed: true, violations: [] },
    });
    expect(plan.resources.find((resource) => resource.type === 'aws:lambda/function:Function')).toMatchObject({
      urn: 'urn:pulumi:dev::plan-fixture-upstream::plan-fixture:index:Environment$aws:lambda/function:Function::fixture-dev-worker',
      parent: 'urn:pulumi:dev::plan-fixture-upstream::plan-fixture:index:Environment::fixture-dev',
      provider: 'aws',
      taggable: true,
      inputs: { code: { archive: { assets: { 'index.mjs': { asset: { text: 'export const handler = async () => {};' } } } } } },
      state: { arn: 'arn:aws:lambda:eu-west-1:111111111111:function:fixture-worker-dev', tagsAll: { Environment: 'dev', Project: 'plan-fixture', ManagedBy: 'pulumi' } },
    });
  });

  it('feeds the upstream plan to the StackReference, so its names and ARNs reach policies and environment', () => {
    expect(downstream).toMatchObject({ status: 0, stderr: '' });
    const plan = JSON.parse(downstream.stdout) as PlanDocument;
    expect(plan).toEqual(readPlan(plans, 'prod'));
    expect(plan.stackReferences).toEqual([{ name: 'organization/plan-fixture-upstream/dev', plan: relative(WORKSPACE_ROOT, join(plans, 'dev.json')) }]);
    const role = plan.resources.find((resource) => resource.type === 'aws:iam/role:Role');
    const policy = JSON.parse(String((role?.inputs['inlinePolicies'] as { policy: string }[])[0].policy));
    expect(policy.Statement).toContainEqual({ Sid: 'WriteTarget0', Effect: 'Allow', Action: ['s3:PutObject'], Resource: [`arn:aws:s3:::${UPSTREAM_BUCKET}/config/*`] });
    const worker = plan.resources.find((resource) => resource.type === 'aws:lambda/function:Function');
    expect(worker?.state['environment']).toEqual({ variables: { TARGET_BUCKETS: UPSTREAM_BUCKET } });
  });

  it('writes each plan in place, leaving no temporary files behind', () => {
    expect(readdirSync(plans).sort()).toEqual(['dev.json', 'prod.json']);
  });

  it('is deterministic: the same code and config give the same file', async () => {
    const again = outDir();
    await runPlan(['--project-dir', UPSTREAM, '--out-dir', again, '--json']);
    expect(readFileSync(join(again, 'dev.json'), 'utf8')).toBe(readFileSync(join(plans, 'dev.json'), 'utf8'));
  }, 30_000);
});

describe('plan CLI failures', () => {
  const runs: Record<string, { dir: string; run: PlanRun }> = {};
  const brokenYaml = mkdtempSync(join(tmpdir(), 'broken-yaml-'));
  writeFileSync(join(brokenYaml, 'Pulumi.yaml'), 'name: broken\nruntime: nodejs\n');
  writeFileSync(join(brokenYaml, 'Pulumi.dev.yaml'), 'config:\n  broken:greeting: "\\q"\n');
  const EARLIER_PLAN = '{"kind":"offline-plan","note":"from an earlier run"}\n';

  beforeAll(async () => {
    const cases: Record<string, string[]> = {
      invalidConfig: ['--project-dir', UPSTREAM, '--config', 'fixture:timeoutSeconds=900'],
      missingStackFile: ['--project-dir', UPSTREAM, '--stack', 'qa'],
      throwing: ['--project-dir', UPSTREAM, '--config', 'fixture:failInApply=true'],
      violated: ['--project-dir', UPSTREAM, '--config', 'fixture:billingMode=PROVISIONED'],
      noUpstreamPlan: ['--project-dir', DOWNSTREAM],
      usage: ['--project-dir'],
      disabledByConfig: ['--project-dir', UPSTREAM, '--config', 'fixture:billingMode=PROVISIONED', '--policy-config', 'tools/plan/src/test/billing-disabled.json'],
      invalidYaml: ['--project-dir', brokenYaml],
      missingProjectDir: ['--project-dir', 'tools/plan/src/test/nowhere'],
      badPolicyConfig: ['--project-dir', UPSTREAM, '--policy-config', 'tools/plan/src/test/upstream/Pulumi.yaml'],
    };
    await Promise.all(
      Object.entries(cases).map(async ([name, args]) => {
        const dir = outDir();
        writeFileSync(join(dir, 'dev.json'), EARLIER_PLAN);
        runs[name] = { dir, run: await runPlan([...args, '--out-dir', dir]) };
      }),
    );
  }, 60_000);

  it('exits 2 with one line naming the key, the value and the rule when config is invalid', () => {
    expect(runs['invalidConfig'].run).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'plan upstream: invalid config: Invalid stack configuration: fixture:timeoutSeconds=900 is invalid: must be at most 300\n',
    });
    expect(existsSync(join(runs['invalidConfig'].dir, 'dev.json'))).toBe(false);
  });

  it('exits 2 when the stack has no committed config file', () => {
    expect(runs['missingStackFile'].run.status).toBe(2);
    expect(runs['missingStackFile'].run.stderr).toMatch(/^plan upstream: invalid config: .*Pulumi\.qa\.yaml: does not exist\n$/);
  });

  it('exits 2 when a stack file is not valid YAML, naming the file and the problem', () => {
    expect(runs['invalidYaml'].run.status).toBe(2);
    expect(runs['invalidYaml'].run.stderr).toBe(
      `plan ${basename(brokenYaml)}: invalid config: ${join(brokenYaml, 'Pulumi.dev.yaml')}: is not valid YAML: Invalid escape sequence \\q at line 2, column 21\n`,
    );
  });

  it('exits 3 with the error when the program throws, even inside an apply', () => {
    expect(runs['throwing'].run).toMatchObject({ status: 3, stderr: 'plan upstream: program failed: fixture: the worker ARN was rejected inside an apply\n' });
  });

  it('exits 3 when a referenced stack has not been planned', () => {
    const { run } = runs['noUpstreamPlan'];
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^plan downstream: program failed: .*StackReference organization\/plan-fixture-upstream\/dev: no outputs for that stack \(plan or deploy it first\)\n$/);
  });

  it('exits 1 when a mandatory guardrail is violated, and still writes the plan', () => {
    const { dir, run } = runs['violated'];
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`plan upstream: guardrails violated: 1 mandatory violation in organization/plan-fixture-upstream/dev (see the summary or ${relative(WORKSPACE_ROOT, join(dir, 'dev.json'))})\n`);
    expect(run.stdout).toContain(
      '  [mandatory] dynamodb-on-demand-billing: DynamoDB table fixture-dev-metadata uses billing mode PROVISIONED; it must be PAY_PER_REQUEST (on-demand).  (aws:dynamodb:Table fixture-dev-metadata)\n',
    );
    expect(readPlan(dir, 'dev').guardrails).toMatchObject({ passed: false, violations: [{ policyName: 'dynamodb-on-demand-billing', enforcementLevel: 'mandatory' }] });
  });

  it('takes enforcement levels from --policy-config, as pulumi --policy-pack-config does', () => {
    expect(runs['disabledByConfig'].run).toMatchObject({ status: 0, stderr: '' });
  });

  it('exits 64 with the usage on bad arguments', () => {
    expect(runs['usage'].run.status).toBe(64);
    expect(runs['usage'].run.stderr).toMatch(/^plan: Option '--project-dir' argument is ambiguous\.\n(.+\n)*Usage: plan --project-dir/);
  });

  it('exits 64 when a project dir does not exist', () => {
    expect(runs['missingProjectDir'].run).toMatchObject({ status: 64, stdout: '', stderr: 'plan: --project-dir tools/plan/src/test/nowhere: no such directory\n' });
  });

  it('exits 64 on a policy config that is not JSON, before it deletes or writes any plan', () => {
    const { dir, run } = runs['badPolicyConfig'];
    expect(run.status).toBe(64);
    expect(run.stderr).toMatch(/^plan: --policy-config .*Pulumi\.yaml: .*JSON.*\n$/);
    expect(readFileSync(join(dir, 'dev.json'), 'utf8')).toBe(EARLIER_PLAN);
  });

  it('deletes the earlier plan of a stack whose plan failed', () => {
    expect(existsSync(join(runs['throwing'].dir, 'dev.json'))).toBe(false);
  });
});
