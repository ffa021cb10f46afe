import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DependencyPlans } from './stack-references';

function plansDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plans-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const plan = (organization: string, project: string, stack: string, outputs: object) => ({
  kind: 'offline-plan',
  project,
  stack,
  organization,
  fullyQualifiedName: `${organization}/${project}/${stack}`,
  outputs,
});

describe('DependencyPlans', () => {
  it('gives a StackReference the outputs of <stack>.json when that is the plan it names, and lists the files it read', () => {
    const dir = plansDir({
      'dev.json': plan('acme', 'infra-dev', 'dev', { bucketName: 'acme-data-dev' }),
      'staging.json': plan('acme', 'infra-staging', 'staging', { bucketName: 'acme-data-staging' }),
    });
    const plans = new DependencyPlans(dir);
    expect(plans.outputsOf('acme/infra-staging/staging')).toEqual({ bucketName: 'acme-data-staging' });
    expect(plans.outputsOf('acme/infra-dev/dev')).toEqual({ bucketName: 'acme-data-dev' });
    expect(plans.files()).toEqual([
      { name: 'acme/infra-staging/staging', file: join(dir, 'staging.json') },
      { name: 'acme/infra-dev/dev', file: join(dir, 'dev.json') },
    ]);
  });

  it('takes the plan of the same project and stack under another organization', () => {
    const plans = new DependencyPlans(plansDir({ 'dev.json': plan('organization', 'infra-dev', 'dev', { bucketName: 'dev' }) }));
    expect(plans.outputsOf('acme/infra-dev/dev')).toEqual({ bucketName: 'dev' });
    expect(plans.files().map(({ name }) => name)).toEqual(['acme/infra-dev/dev']);
  });

  it('has no outputs for a stack never planned, the plan of another project, a JSON file that is not a plan, or a name that is not org/project/stack', () => {
    const plans = new DependencyPlans(
      plansDir({ 'dev.json': plan('acme', 'infra-dev', 'dev', {}), 'notes.json': { hello: 'world' }, 'null.json': 'null' }),
    );
    expect(plans.outputsOf('acme/infra-prod/prod')).toBeUndefined();
    expect(plans.outputsOf('acme/other-project/dev')).toBeUndefined();
    expect(plans.outputsOf('acme/infra-dev/notes')).toBeUndefined();
    expect(plans.outputsOf('acme/infra-dev/null')).toBeUndefined();
    expect(plans.outputsOf('dev')).toBeUndefined();
    expect(plans.outputsOf('acme/infra-dev/dev/extra')).toBeUndefined();
    expect(plans.files()).toEqual([]);
    expect(new DependencyPlans(join(tmpdir(), 'no-such-plans-dir')).outputsOf('acme/infra-dev/dev')).toBeUndefined();
  });

  it('reads only the plan a StackReference names, never the others', () => {
    // staging.json half-written by a plan of staging running at the same moment: never read.
    const dir = plansDir({ 'dev.json': plan('acme', 'infra-dev', 'dev', { bucketName: 'dev' }), 'staging.json': '{"kind":' });
    expect(new DependencyPlans(dir).outputsOf('acme/infra-dev/dev')).toEqual({ bucketName: 'dev' });
  });

  it('names a referenced plan file that is not JSON', () => {
    const dir = plansDir({ 'dev.json': '{"kind":' });
    expect(() => new DependencyPlans(dir).outputsOf('acme/infra-dev/dev')).toThrow(`${join(dir, 'dev.json')}: not valid JSON`);
  });
});
