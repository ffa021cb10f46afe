// The real apps: all three stacks planned in order, as `npx nx run-many -t plan`
// does, must pass every mandatory guardrail, and prod must be wired to the planned
// dev and staging stacks. Needs the Lambda bundles (the test target depends on
// replicator:bundle).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanDocument } from './plan-document';
import { type PlanRun, runPlan } from './test/run-plan';

const STACKS = ['dev', 'staging', 'prod'] as const;
let run: PlanRun;
let plans: Record<(typeof STACKS)[number], PlanDocument>;

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'plan-apps-'));
  run = await runPlan([...STACKS.flatMap((stack) => ['--project-dir', `apps/infra-${stack}`]), '--out-dir', outDir, '--json']);
  const [dev, staging, prod] = run.status === 0 || run.status === 1 ? (JSON.parse(run.stdout) as PlanDocument[]) : [];
  plans = { dev, staging, prod };
}, 60_000);

describe('the planned dev, staging and prod stacks', () => {
  it('plan without errors', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it.each(STACKS)('%s passes every mandatory guardrail', (stack) => {
    expect(plans[stack].guardrails.violations.filter((violation) => violation.enforcementLevel === 'mandatory')).toEqual([]);
    expect(plans[stack].guardrails.passed).toBe(true);
  });

  it('feeds the dev and staging plans to the prod StackReferences', () => {
    expect(plans.prod.stackReferences.map((reference) => reference.name)).toEqual(['organization/infra-dev/dev', 'organization/infra-staging/staging']);
  });

  it('puts the planned dev and staging bucket, table and topic ARNs into the prod plan', () => {
    const prod = JSON.stringify(plans.prod.resources);
    for (const target of [plans.dev, plans.staging]) {
      for (const key of ['bucketArn', 'tableArn', 'successTopicArn', 'failureTopicArn']) {
        expect(prod).toContain(String(target.outputs[key]));
      }
    }
  });
});
