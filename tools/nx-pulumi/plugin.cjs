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
 * (`implicitDependencies`), so prod is deployed and planned after dev and staging.
 */
const { readdirSync } = require('node:fs');
const { dirname, join } = require('node:path');

const STACK_FILE = /^Pulumi\.([A-Za-z0-9_.-]+)\.yaml$/;

/** @param {string} workspaceRoot @param {string} projectRoot */
function stackOf(workspaceRoot, projectRoot) {
  const stacks = readdirSync(join(workspaceRoot, projectRoot))
    .map((file) => STACK_FILE.exec(file)?.[1])
    .filter((stack) => stack !== undefined);
  if (stacks.length !== 1) {
    throw new Error(
      `${projectRoot}: expected exactly one Pulumi.<stack>.yaml next to Pulumi.yaml, found ${stacks.length} (${stacks.join(', ') || 'none'})`,
    );
  }
  return /** @type {string} */ (stacks[0]);
}

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

/** @param {string} projectRoot @param {string} stack */
function targetsFor(projectRoot, stack) {
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
    destroy: pulumi(stack, 'destroy'),
  };
}

/** @type {import('nx/src/project-graph/plugins').CreateNodes} */
const createNodes = [
  'apps/*/Pulumi.yaml',
  (files, _options, context) =>
    files.map((file) => {
      const projectRoot = dirname(file);
      const stack = stackOf(context.workspaceRoot, projectRoot);
      return [file, { projects: { [projectRoot]: { targets: targetsFor(projectRoot, stack) } } }];
    }),
];

module.exports = { createNodes, createNodesV2: createNodes };
