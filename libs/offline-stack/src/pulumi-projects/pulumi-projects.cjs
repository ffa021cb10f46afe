// @ts-check
/**
 * Which stack a Pulumi app is, and in which order the apps deploy: ONE source for
 * the Nx plugin (tools/nx-pulumi, plain CommonJS, loaded by Nx without a build)
 * and the plan tool (TypeScript, through ./index.ts).
 *
 * - An app commits exactly one `Pulumi.<stack>.yaml` next to `Pulumi.yaml`: that
 *   file is the app's stack. Several (or none) is an error: which one `up` would
 *   deploy must not depend on directory order.
 * - An app's `implicitDependencies` (project.json) are the stacks it reads through
 *   StackReferences: they deploy before it and are torn down after it.
 */
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const STACK_FILE = /^Pulumi\.([A-Za-z0-9_.-]+)\.yaml$/;

class CommittedStackError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'CommittedStackError';
  }
}

/**
 * The stack of the app in `projectDir` (the one `Pulumi.<stack>.yaml` it commits).
 * @param {string} projectDir
 * @param {string} [shownAs] how the directory is named in the error (default: as given)
 * @returns {string}
 */
function committedStack(projectDir, shownAs = projectDir) {
  const stacks = readdirSync(projectDir)
    .map((file) => STACK_FILE.exec(file)?.[1])
    .filter((stack) => stack !== undefined)
    .sort();
  if (stacks.length !== 1) {
    throw new CommittedStackError(
      `${shownAs}: expected exactly one Pulumi.<stack>.yaml next to Pulumi.yaml, found ${stacks.length} (${stacks.join(', ') || 'none'})`,
    );
  }
  return /** @type {string} */ (stacks[0]);
}

/**
 * @typedef {{ name: string, root: string, stack: string, dependencies: string[] }} PulumiProject
 *   name: the Nx project name; root: relative to the workspace; dependencies: the
 *   Nx names of the projects whose stacks it reads (its project.json implicitDependencies).
 */

/**
 * The Pulumi app at `root` (relative to `workspaceRoot`).
 * @param {string} workspaceRoot @param {string} root
 * @returns {PulumiProject}
 */
function pulumiProject(workspaceRoot, root) {
  const dir = join(workspaceRoot, root);
  const projectFile = join(dir, 'project.json');
  /** @type {{ name?: unknown, implicitDependencies?: unknown }} */
  const project = existsSync(projectFile) ? JSON.parse(readFileSync(projectFile, 'utf8')) : {};
  const name = typeof project.name === 'string' ? project.name : root.split('/').pop() ?? root;
  const dependencies = Array.isArray(project.implicitDependencies)
    ? project.implicitDependencies.filter((dependency) => typeof dependency === 'string' && !dependency.startsWith('!'))
    : [];
  return { name, root, stack: committedStack(dir, root), dependencies };
}

/**
 * Every Pulumi app under `apps/` of a workspace, in deploy order: each after the
 * apps it depends on (ties by name, so the order is the same on every machine).
 * @param {string} workspaceRoot
 * @returns {PulumiProject[]}
 */
function pulumiProjectsInDeployOrder(workspaceRoot) {
  const appsDir = join(workspaceRoot, 'apps');
  const roots = existsSync(appsDir)
    ? readdirSync(appsDir)
        .filter((entry) => existsSync(join(appsDir, entry, 'Pulumi.yaml')))
        .map((entry) => `apps/${entry}`)
    : [];
  return deployOrder(roots.map((root) => pulumiProject(workspaceRoot, root)));
}

/**
 * Projects sorted so each comes after the ones it depends on; dependencies that
 * are not Pulumi apps are ignored. Throws on a cycle.
 * @param {readonly PulumiProject[]} projects
 * @returns {PulumiProject[]}
 */
function deployOrder(projects) {
  const byName = new Map(projects.map((project) => [project.name, project]));
  /** @type {PulumiProject[]} */
  const ordered = [];
  /** @type {Set<string>} */
  const done = new Set();
  /** @param {PulumiProject} project @param {string[]} path */
  const visit = (project, path) => {
    if (done.has(project.name)) {
      return;
    }
    if (path.includes(project.name)) {
      throw new Error(`Pulumi apps depend on each other in a cycle: ${[...path, project.name].join(' -> ')}`);
    }
    for (const dependency of [...project.dependencies].sort()) {
      const known = byName.get(dependency);
      if (known !== undefined) {
        visit(known, [...path, project.name]);
      }
    }
    done.add(project.name);
    ordered.push(project);
  };
  [...projects].sort((a, b) => a.name.localeCompare(b.name)).forEach((project) => visit(project, []));
  return ordered;
}

/**
 * For each project, the Pulumi apps that depend on it: what must be torn down
 * before it (the reverse of the edges `up` follows).
 * @param {readonly PulumiProject[]} projects
 * @returns {Map<string, string[]>}
 */
function dependentsOf(projects) {
  const names = new Set(projects.map((project) => project.name));
  /** @type {Map<string, string[]>} */
  const dependents = new Map(projects.map((project) => [project.name, []]));
  for (const project of projects) {
    for (const dependency of project.dependencies) {
      if (names.has(dependency)) {
        dependents.get(dependency)?.push(project.name);
      }
    }
  }
  for (const list of dependents.values()) {
    list.sort();
  }
  return dependents;
}

module.exports = { STACK_FILE, CommittedStackError, committedStack, pulumiProject, pulumiProjectsInDeployOrder, deployOrder, dependentsOf };
