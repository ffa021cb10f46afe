// The targets the plugin infers for the real apps, and the rules it enforces.
const { spawnSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { createNodesV2 } = require('./plugin.cjs');

const WORKSPACE_ROOT = join(__dirname, '..', '..');
const APPS = ['apps/infra-dev/Pulumi.yaml', 'apps/infra-prod/Pulumi.yaml', 'apps/infra-staging/Pulumi.yaml'];

/** The targets of every app, by project root, as Nx would get them. */
function inferredTargets(workspaceRoot, files) {
  const [, createNodes] = createNodesV2;
  const results = createNodes(files, undefined, { workspaceRoot, nxJsonConfiguration: {} });
  return Object.fromEntries(results.flatMap(([, result]) => Object.entries(result.projects).map(([root, project]) => [root, project.targets])));
}

/** A workspace with one app per entry: root -> { stacks, implicitDependencies }. */
function workspaceWith(apps) {
  const root = mkdtempSync(join(tmpdir(), 'nx-pulumi-'));
  for (const [app, { stacks, implicitDependencies }] of Object.entries(apps)) {
    const dir = join(root, app);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'Pulumi.yaml'), `name: ${app.split('/').pop()}\nruntime: nodejs\n`);
    writeFileSync(join(dir, 'project.json'), JSON.stringify({ name: app.split('/').pop(), implicitDependencies }));
    for (const stack of stacks) {
      writeFileSync(join(dir, `Pulumi.${stack}.yaml`), 'config: {}\n');
    }
  }
  return root;
}

describe('nx-pulumi plugin on the real apps', () => {
  const targets = inferredTargets(WORKSPACE_ROOT, APPS);

  it('gives every app the same targets, for the stack it commits', () => {
    for (const [root, stack] of [['apps/infra-dev', 'dev'], ['apps/infra-staging', 'staging'], ['apps/infra-prod', 'prod']]) {
      expect(Object.keys(targets[root])).toEqual(['build', 'plan', 'preview', 'up', 'refresh', 'destroy']);
      expect(targets[root].plan.options.command).toContain(`--project-dir {projectRoot} --stack ${stack} --out-dir dist/plan`);
      expect(targets[root].destroy.options.command).toBe(`node tools/nx-pulumi/pulumi-cli.cjs destroy --stack ${stack} --cwd {projectRoot}`);
    }
  });

  it('caches build and plan, and never a target that talks to a real stack', () => {
    const cached = Object.entries(targets['apps/infra-prod']).map(([name, target]) => [name, target.cache]);
    expect(cached).toEqual([['build', true], ['plan', true], ['preview', false], ['up', false], ['refresh', false], ['destroy', false]]);
    expect(targets['apps/infra-prod'].plan.outputs).toEqual(['{workspaceRoot}/dist/plan/prod.json']);
  });

  it('plans and deploys after the apps an app reads; destroys after the apps that read it', () => {
    const bundles = { dependencies: true, target: 'bundle' };
    expect(targets['apps/infra-prod'].plan.dependsOn).toEqual(['^plan', bundles]);
    expect(targets['apps/infra-prod'].up.dependsOn).toEqual(['^up', 'build', bundles]);
    expect(targets['apps/infra-prod'].preview.dependsOn).toEqual(['build', bundles]);
    expect(targets['apps/infra-prod'].destroy.dependsOn).toBeUndefined();
    for (const root of ['apps/infra-dev', 'apps/infra-staging']) {
      expect(targets[root].destroy.dependsOn).toEqual([{ projects: ['infra-prod'], target: 'destroy', params: 'forward' }]);
    }
  });

  it('makes Nx run prod destroy first, then staging and dev (the task graph of run-many -t destroy)', () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'destroy-graph-'));
    const file = join(dir, 'graph.json');
    try {
      // Act
      const run = spawnSync('npx', ['nx', 'run-many', '-t', 'destroy', `--graph=${file}`], {
        cwd: WORKSPACE_ROOT,
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
        encoding: 'utf8',
      });
      // Assess
      expect(run.status).toBe(0);
      const graph = JSON.parse(readFileSync(file, 'utf8'));
      expect(graph.tasks.dependencies).toEqual({
        'infra-prod:destroy': [],
        'infra-staging:destroy': ['infra-prod:destroy'],
        'infra-dev:destroy': ['infra-prod:destroy'],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('nx-pulumi plugin rules', () => {
  it('derives the destroy order from implicitDependencies, whatever the apps are called', () => {
    const root = workspaceWith({
      'apps/network': { stacks: ['main'], implicitDependencies: [] },
      'apps/database': { stacks: ['main'], implicitDependencies: ['network'] },
      'apps/service': { stacks: ['main'], implicitDependencies: ['database', 'network', 'some-lib'] },
    });
    try {
      const targets = inferredTargets(root, ['apps/network/Pulumi.yaml', 'apps/database/Pulumi.yaml', 'apps/service/Pulumi.yaml']);
      expect(targets['apps/network'].destroy.dependsOn).toEqual([{ projects: ['database', 'service'], target: 'destroy', params: 'forward' }]);
      expect(targets['apps/database'].destroy.dependsOn).toEqual([{ projects: ['service'], target: 'destroy', params: 'forward' }]);
      expect(targets['apps/service'].destroy.dependsOn).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.each([
    [['dev', 'prod'], 'found 2 (dev, prod)'],
    [[], 'found 0 (none)'],
  ])('refuses an app that commits stack files %j', (stacks, found) => {
    const root = workspaceWith({ 'apps/infra-x': { stacks, implicitDependencies: [] } });
    try {
      expect(() => inferredTargets(root, ['apps/infra-x/Pulumi.yaml'])).toThrow(`apps/infra-x: expected exactly one Pulumi.<stack>.yaml next to Pulumi.yaml, ${found}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
