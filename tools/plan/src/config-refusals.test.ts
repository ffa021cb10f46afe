import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PlanRun, runPlan, WORKSPACE_ROOT } from './test/run-plan';

// The real apps, each planned from a copy of its committed stack file with one
// line changed, as a user would edit it: every refusal is exit 2 (invalid config)
// with one stderr line naming the key, the value as written and the rule.

type App = 'infra-dev' | 'infra-staging' | 'infra-prod';
const STACK: Record<App, string> = { 'infra-dev': 'dev', 'infra-staging': 'staging', 'infra-prod': 'prod' };

/** A project dir holding the app's Pulumi.yaml and its stack file with `edit` applied. */
function editedApp(app: App, edit: (yaml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), `${app}-`));
  const source = join(WORKSPACE_ROOT, 'apps', app);
  copyFileSync(join(source, 'Pulumi.yaml'), join(dir, 'Pulumi.yaml'));
  const file = `Pulumi.${STACK[app]}.yaml`;
  const edited = edit(readFileSync(join(source, file), 'utf8'));
  writeFileSync(join(dir, file), edited);
  return dir;
}

function replace(from: string | RegExp, to: string): (yaml: string) => string {
  return (yaml) => {
    const next = yaml.replace(from, to);
    if (next === yaml) {
      throw new Error(`the committed stack file no longer contains ${String(from)}`);
    }
    return next;
  };
}

const REFUSALS: readonly (readonly [string, App, (yaml: string) => string, string])[] = [
  ['a company written as YAML null', 'infra-dev', replace('platform:company: acme', 'platform:company: null'), 'platform:company=null is invalid: a stack setting needs a value'],
  ['a company with no value', 'infra-dev', replace('platform:company: acme', 'platform:company:'), 'platform:company has no value: a stack setting needs a value'],
  ['an empty company', 'infra-staging', replace('platform:company: acme', 'platform:company: ""'), 'platform:company="" is invalid: must be 2-20 lowercase letters, digits or hyphens'],
  ['prod’s environment in the dev app', 'infra-dev', replace('platform:environment: dev', 'platform:environment: prod'), 'platform:environment="prod" is invalid: must be dev, the environment of the running stack infra-dev/dev'],
  ['a region that does not exist', 'infra-dev', replace('aws:region: eu-west-1', 'aws:region: eu-wset-1'), 'aws:region="eu-wset-1" is invalid: must be one of the AWS provider\'s regions, such as eu-west-1 (did you mean eu-west-1?)'],
  ['a misspelt namespace', 'infra-staging', replace('platform:company: acme', 'platfrom:company: acme'), 'platfrom:company is not a setting this program reads: its namespace "platfrom" is none of platform, aws, pulumi (did you mean platform:company?)'],
  ['an infinite number', 'infra-prod', replace('platform:logRetentionDays: 90', 'platform:logRetentionDays: .inf'), 'platform:logRetentionDays=.inf is invalid: must be a finite number'],
  ['a NaN inside a map', 'infra-dev', replace('platform:company: acme', 'platform:company: acme\n  platform:monitor:\n    timeoutSeconds: .NaN'), 'platform:monitor.timeoutSeconds=.NaN is invalid: must be a finite number'],
  [
    'an explicitly empty list of replication targets',
    'infra-prod',
    replace(/platform:replicationTargets:\n(\s+- \w+\n)+/, 'platform:replicationTargets: []\n'),
    'platform:replicationTargets=[] is invalid: must list at least one of dev, staging; to run prod without replication (no replicator, no rule), remove platform:replicationTargets from the stack file',
  ],
  ['a `config` written as a list', 'infra-dev', (yaml) => yaml.replace(/^ {2}(\w+:)/gm, '  - $1'), '`config` is a list (written "- aws:region: eu-west-1"); it must be a map of settings'],
];

describe('the plan refuses config that would deploy something else than written', () => {
  let runs: PlanRun[];

  beforeAll(async () => {
    // Two at a time: each is a child process planning one real app.
    runs = [];
    for (let index = 0; index < REFUSALS.length; index += 2) {
      runs.push(
        ...(await Promise.all(
          REFUSALS.slice(index, index + 2).map(([, app, edit]) =>
            runPlan(['--project-dir', editedApp(app, edit), '--program', `apps/${app}/index.ts`, '--out-dir', mkdtempSync(join(tmpdir(), 'plans-'))]),
          ),
        )),
      );
    }
  }, 180_000);

  it.each(REFUSALS.map(([name, , , message], index) => [name, index, message] as const))('%s: exit 2, naming key, value and rule', (_case, index, message) => {
    expect(runs[index]).toMatchObject({ status: 2, stdout: '' });
    expect(runs[index].stderr).toMatch(/^plan infra-[a-z]+-\w+: invalid config: /);
    expect(runs[index].stderr).toContain(message);
    expect(runs[index].stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the plan refuses a prod whose target admits another replicator role', () => {
  /** Plans dev and staging (in parallel, as Nx does) with `overrides`, then prod reading their plans. */
  async function planProdAgainst(overrides: { dev?: string[]; staging?: string[] }): Promise<PlanRun> {
    const plans = mkdtempSync(join(tmpdir(), 'plans-'));
    const targets = await Promise.all(
      (['dev', 'staging'] as const).map((environment) =>
        runPlan(['--project-dir', `apps/infra-${environment}`, ...(overrides[environment] ?? []).flatMap((value) => ['--config', value]), '--out-dir', plans]),
      ),
    );
    expect(targets.map((run) => run.status)).toEqual([0, 0]);
    return runPlan(['--project-dir', 'apps/infra-prod', '--out-dir', plans]);
  }

  it('as invalid config (exit 2), naming both roles and the account to trust, without a serialization prefix', async () => {
    // Prepare, Act: dev in another account that trusts its own account as prod's
    const prod = await planProdAgainst({ dev: ['platform:accountId=222222222222'] });
    // Assess
    expect(prod).toMatchObject({
      status: 2,
      stdout: '',
      stderr:
        'plan infra-prod: invalid config: StackReference organization/infra-dev/dev: the dev environment admits the replicator role ' +
        'arn:aws:iam::222222222222:role/acme-config-replicator-prod, not arn:aws:iam::111111111111:role/acme-config-replicator-prod, ' +
        "the role prod's replicator runs as, so every write into dev would be denied. " +
        'Set platform:replicationSourceAccountId to "111111111111" in that stack and deploy it before prod.\n',
    });
  }, 120_000);

  it('names the company when only the role name differs, in one account too', async () => {
    const prod = await planProdAgainst({ staging: ['platform:company=globex'] });
    expect(prod.status).toBe(2);
    expect(prod.stderr).toBe(
      'plan infra-prod: invalid config: StackReference organization/infra-staging/staging: the staging environment admits the replicator role ' +
        'arn:aws:iam::111111111111:role/globex-config-replicator-prod, not arn:aws:iam::111111111111:role/acme-config-replicator-prod, ' +
        "the role prod's replicator runs as, so every write into staging would be denied. " +
        "Set platform:company to prod's (it names the role) in that stack and deploy it before prod.\n",
    );
  }, 120_000);
});
