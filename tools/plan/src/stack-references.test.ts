import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDependencyPlan, readDependencyPlans, referencedStacks, stackReferenceOutputs } from './stack-references';

function plansDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plans-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const plan = (organization: string, project: string, stack: string, outputs: object) => ({ kind: 'offline-plan', fullyQualifiedName: `${organization}/${project}/${stack}`, outputs });

describe('readDependencyPlans', () => {
  it('indexes the planned outputs by organization/project/stack, skipping the stack being planned and other JSON', () => {
    const dir = plansDir({
      'dev.json': plan('acme', 'infra-dev', 'dev', { bucketName: 'acme-data-dev' }),
      'staging.json': plan('acme', 'infra-staging', 'staging', { bucketName: 'acme-data-staging' }),
      'prod.json': plan('acme', 'infra-prod', 'prod', { bucketName: 'stale' }),
      'notes.json': { hello: 'world' },
    });
    expect(readDependencyPlans(dir, 'acme/infra-prod/prod')).toEqual({
      outputs: { 'acme/infra-dev/dev': { bucketName: 'acme-data-dev' }, 'acme/infra-staging/staging': { bucketName: 'acme-data-staging' } },
      files: { 'acme/infra-dev/dev': join(dir, 'dev.json'), 'acme/infra-staging/staging': join(dir, 'staging.json') },
    });
  });

  it('has nothing to offer before any plan was written', () => {
    expect(readDependencyPlans(join(tmpdir(), 'no-such-plans-dir'))).toEqual({ outputs: {}, files: {} });
  });

  it('names a plan file that is not JSON', () => {
    const dir = plansDir({ 'dev.json': '{"kind":' });
    expect(() => readDependencyPlans(dir)).toThrow(`${join(dir, 'dev.json')}: not valid JSON`);
  });
});

describe('findDependencyPlan', () => {
  const plans = {
    outputs: { 'organization/infra-dev/dev': { bucketName: 'dev' }, 'organization/infra-staging/staging': { bucketName: 'staging' }, 'a/twice/dev': {}, 'b/twice/dev': {} },
    files: {},
  };

  it('takes the exact name, else the one plan of that project and stack', () => {
    expect(findDependencyPlan(plans, 'organization/infra-dev/dev')).toBe('organization/infra-dev/dev');
    expect(findDependencyPlan(plans, 'acme/infra-dev/dev')).toBe('organization/infra-dev/dev');
    expect(stackReferenceOutputs(plans)['acme/infra-staging/staging']).toEqual({ bucketName: 'staging' });
  });

  it('refuses to guess between plans of several organizations, or a stack never planned', () => {
    expect(findDependencyPlan(plans, 'c/twice/dev')).toBeUndefined();
    expect(stackReferenceOutputs(plans)['acme/infra-prod/prod']).toBeUndefined();
  });
});

describe('referencedStacks', () => {
  it('lists the stacks a program references', () => {
    const resources = [
      { type: 'pulumi:pulumi:StackReference', inputs: { name: 'acme/infra-dev/dev' } },
      { type: 'aws:s3/bucket:Bucket', inputs: { bucket: 'b' } },
    ];
    expect(referencedStacks(resources)).toEqual(['acme/infra-dev/dev']);
  });
});
