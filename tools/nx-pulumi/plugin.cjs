// @ts-check
/**
 * Nx plugin: every `apps/<name>/Pulumi.yaml` is a Pulumi project with exactly one
 * committed stack (`Pulumi.<stack>.yaml`). It gets the same targets, so the three
 * environment apps differ only in their config:
 *
 *   build    bundle index.ts and the libs it imports into bin/index.js (Pulumi.yaml main)
 *   plan     offline plan under Pulumi's mock runtime (no cloud, no CLI), cached
 *   preview / up / refresh / destroy   the Pulumi CLI against the real stack
 *
 * `up` and `plan` depend on the same target of the projects an app depends on
 * (`implicitDependencies`: the stacks it reads through StackReferences), so prod is
 * deployed and planned after dev and staging. `destroy` follows the same edges
 * backwards: an app is torn down only after every app that reads it (prod first).
 * `destroy` runs only with `--confirm-destroy` (pulumi-cli.cjs refuses otherwise).
 */
const { dirname } = require('node:path');
// The committed-stack rule and the dependency edges, shared with the plan tool.
// Nx loads this file before the project graph and its path aliases exist: a path it is.
// eslint-disable-next-line @nx/enforce-module-boundaries
const { dependentsOf, pulumiProject } = require('../../libs/offline-stack/src/pulumi-projects/pulumi-projects.cjs');

/** @param {string} stack @param {string} command */
function pulumi(stack, command) {
  return {
    executor: 'nx:run-commands',
    options: {
      command: `node tools/nx-pulumi/pulumi-cli.cjs ${command} --stack ${stack} --cwd {projectRoot}`,
    },
    cache: false,
  };
}

/** @param {string} projectRoot @param {string} stack @param {readonly string[]} dependents */
function targetsFor(projectRoot, stack, dependents) {
  const lambdaBundles = { dependencies: true, target: 'bundle' };
  return {
    build: {
      executor: '@nx/esbuild:esbuild',
      options: {
        main: `${projectRoot}/index.ts`,
        outputPath: `${projectRoot}/bin`,
        outputFileName: 'index.js',
        tsConfig: `${projectRoot}/tsconfig.json`,
        platform: 'node',
        format: ['cjs'],
        target: 'node20',
        bundle: true,
        // The program's libs are bundled; packages (Pulumi SDKs) load from node_modules.
        thirdParty: false,
        sourcemap: true,
        skipTypeCheck: true,
        generatePackageJson: false,
        deleteOutputPath: true,
        esbuildOptions: { outExtension: { '.js': '.js' } },
      },
      inputs: ['production', '^production'],
      outputs: ['{projectRoot}/bin'],
      cache: true,
    },
    plan: {
      executor: 'nx:run-commands',
      options: {
        command: `node --import tsx tools/plan/src/main.ts --project-dir {projectRoot} --stack ${stack} --out-dir dist/plan`,
        // tsx maps the @data-platform/* aliases through this tsconfig (it extends tsconfig.base.json).
        env: { TSX_TSCONFIG_PATH: 'tools/plan/tsconfig.json' },
      },
      dependsOn: ['^plan', lambdaBundles],
      inputs: [
        'production',
        '^production',
        // The planner, the policies and the mock runtime, without their tests.
        ...['tools/plan/src', 'tools/guardrails/src', 'libs/offline-stack/src'].flatMap((dir) => [
          `{workspaceRoot}/${dir}/**/*`,
          `!{workspaceRoot}/${dir}/**/*.test.ts`,
          `!{workspaceRoot}/${dir}/test/**/*`,
        ]),
        // tsx resolves the @data-platform/* aliases through it.
        '{workspaceRoot}/tools/plan/tsconfig.json',
        // Prod's StackReferences read the plans of dev and staging (not the other
        // outputs of the tasks it depends on, such as the Lambda bundle report).
        { dependentTasksOutputFiles: 'dist/plan/*.json' },
      ],
      outputs: [`{workspaceRoot}/dist/plan/${stack}.json`],
      cache: true,
    },
    preview: { ...pulumi(stack, 'preview'), dependsOn: ['build', lambdaBundles] },
    up: { ...pulumi(stack, 'up --yes'), dependsOn: ['^up', 'build', lambdaBundles] },
    refresh: pulumi(stack, 'refresh --yes'),
    destroy: {
      ...pulumi(stack, 'destroy'),
      // The reverse of `^up`: Nx has no `^` for dependents, so they are named. The
      // confirmation given to `nx run infra-dev:destroy` reaches prod's destroy too.
      ...(dependents.length === 0 ? {} : { dependsOn: [{ projects: [...dependents], target: 'destroy', params: 'forward' }] }),
    },
  };
}

/** @type {import('nx/src/project-graph/plugins').CreateNodesV2} */
const createNodesV2 = [
  'apps/*/Pulumi.yaml',
  (files, _options, context) => {
    const projects = files.map((file) => pulumiProject(context.workspaceRoot, dirname(file)));
    const dependents = dependentsOf(projects);
    return projects.map((project, index) => [
      files[index],
      { projects: { [project.root]: { targets: targetsFor(project.root, project.stack, dependents.get(project.name) ?? []) } } },
    ]);
  },
];

module.exports = { createNodesV2 };
