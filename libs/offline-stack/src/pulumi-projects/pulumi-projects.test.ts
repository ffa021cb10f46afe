import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { committedStack, deployOrder, dependentsOf, pulumiProjectsInDeployOrder, type PulumiProject } from './index';

const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');
const project = (name: string, dependencies: string[] = []): PulumiProject => ({ name, root: `apps/${name}`, stack: name, dependencies });

describe('pulumi-projects', () => {
  it('finds the real apps in deploy order, with their committed stacks', () => {
    expect(pulumiProjectsInDeployOrder(WORKSPACE_ROOT)).toEqual([
      { name: 'infra-dev', root: 'apps/infra-dev', stack: 'dev', dependencies: [] },
      { name: 'infra-staging', root: 'apps/infra-staging', stack: 'staging', dependencies: [] },
      { name: 'infra-prod', root: 'apps/infra-prod', stack: 'prod', dependencies: ['infra-dev', 'infra-staging'] },
    ]);
  });

  it('orders every app after the ones it reads, and tears it down after the ones that read it', () => {
    const projects = [project('c', ['b']), project('b', ['a']), project('a'), project('d', ['a'])];
    expect(deployOrder(projects).map(({ name }) => name)).toEqual(['a', 'b', 'c', 'd']);
    expect(Object.fromEntries(dependentsOf(projects))).toEqual({ a: ['b', 'd'], b: ['c'], c: [], d: [] });
  });

  it('refuses a cycle, naming it', () => {
    expect(() => deployOrder([project('a', ['b']), project('b', ['a'])])).toThrow('Pulumi apps depend on each other in a cycle: a -> b -> a');
  });

  it('takes the one committed stack file, and refuses several', () => {
    const dir = mkdtempSync(join(tmpdir(), 'committed-stack-'));
    try {
      mkdirSync(join(dir, 'app'));
      writeFileSync(join(dir, 'app', 'Pulumi.yaml'), 'name: app\n');
      writeFileSync(join(dir, 'app', 'Pulumi.qa.yaml'), 'config: {}\n');
      expect(committedStack(join(dir, 'app'))).toBe('qa');
      writeFileSync(join(dir, 'app', 'Pulumi.uat.yaml'), 'config: {}\n');
      expect(() => committedStack(join(dir, 'app'), 'apps/app')).toThrow('apps/app: expected exactly one Pulumi.<stack>.yaml next to Pulumi.yaml, found 2 (qa, uat)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
