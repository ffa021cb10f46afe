import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaredInfrastructure, findInfrastructureDrift, type PlanOfStack } from '@data-platform/replicator';
import { type DeployedAnswers, deployedAnswers, locationOf, mockedAws, plannedStack } from '@data-platform/replicator/testing';
import { ENVIRONMENT_NAMES, type EnvironmentName } from '@data-platform/replication-contract';
import type { OpsClients } from '../src/aws-clients';
import { ops, plannedOutputs, scratchDir, WORKSPACE_ROOT, writeJson } from './run-ops';

/** The stacks' outputs as deployed: the committed stacks' planned outputs with the key ids AWS chose. */
function deployedOutputs() {
  const outputs = plannedOutputs();
  for (const name of ENVIRONMENT_NAMES) {
    outputs[name] = { ...outputs[name], encryptionKeyArn: locationOf(name).encryptionKeyArn };
  }
  return outputs;
}

/** `ops drift` over three environments AWS answers for as the fixture says, after `seed` changes them. */
async function drift(seed: (answers: Record<EnvironmentName, DeployedAnswers>) => void, extra: string[] = []) {
  const answers = { dev: deployedAnswers('dev'), staging: deployedAnswers('staging'), prod: deployedAnswers('prod') };
  seed(answers);
  const aws = mockedAws(answers);
  const clients = (): OpsClients => ({ bulk: { dynamodb: () => aws.dynamodb, s3: aws.s3 }, destroy: () => undefined }) as unknown as OpsClients;
  const dir = scratchDir();
  for (const name of ENVIRONMENT_NAMES) {
    writeJson(dir, `${name}.json`, plannedStack(name));
  }
  const outputsFile = writeJson(dir, 'outputs.json', deployedOutputs());
  return ops(['drift', '--outputs-file', outputsFile, '--plan-dir', dir, ...extra], { clients });
}

describe('ops drift: infrastructure', () => {
  it('reports no drift and exits 0 when every environment is as planned', async () => {
    const { exitCode, stdout } = await drift(() => undefined);
    expect(stdout).toContain('Infrastructure: no drift');
    expect(exitCode).toBe(0);
  });

  it('names the environment, the setting and both values of an out-of-band change, exits 1 and writes the report', async () => {
    // Prepare: someone turned off point-in-time recovery in dev by hand.
    const seed = (answers: Record<EnvironmentName, DeployedAnswers>) => {
      answers.dev.backups = { ContinuousBackupsStatus: 'DISABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } };
    };

    // Act
    const { exitCode, stdout } = await drift(seed);

    // Assess
    expect(exitCode).toBe(1);
    expect(stdout).toMatch(/dev\s+table acme-metadata-dev\s+pointInTimeRecovery\s+declared\s+on\s+off/);
  });

  it('writes every finding whole to --json', async () => {
    const dir = scratchDir();
    const report = join(dir, 'report.json');
    const { exitCode } = await drift((answers) => {
      delete answers.staging.bucketTags?.['ManagedBy'];
    }, ['--json', report]);
    expect(exitCode).toBe(1);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual({
      command: 'drift',
      exitCode: 1,
      infrastructure: [
        { environment: 'staging', resource: 'bucket acme-data-staging-eu-west-1-111111111111', setting: 'tag ManagedBy', comparedWith: 'declared', expected: 'pulumi' },
      ],
    });
  });

  it('refuses to compare without the plans of this commit, before any AWS call', async () => {
    const outputsFile = writeJson(scratchDir(), 'outputs.json', deployedOutputs());
    const empty = scratchDir();
    const { exitCode, stderr } = await ops(['drift', '--outputs-file', outputsFile, '--plan-dir', empty], {
      clients: () => {
        throw new Error('no AWS call may happen here');
      },
    });
    expect(exitCode).toBe(2);
    expect(stderr).toContain(`--plan-dir ${empty} has no dev.json`);
  });
});

describe('the committed stacks', () => {
  it('declare the same shared table and bucket settings in every environment', () => {
    // The offline plans of this commit (dist/plan): if one environment's program declared another
    // schema, lifecycle or encryption than prod's, drift would report it on every deploy.
    const declared = ENVIRONMENT_NAMES.map((name) => {
      const plan = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'dist/plan', `${name}.json`), 'utf8')) as PlanOfStack & { outputs: Parameters<typeof declaredInfrastructure>[1] };
      return declaredInfrastructure(plan, plan.outputs);
    });
    expect(findInfrastructureDrift({ live: declared })).toEqual([]);
  });
});
