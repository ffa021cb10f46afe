import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Document, isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';

/** What the Pulumi CLI would read from a project directory for one stack. */
export interface StackFiles {
  readonly projectName: string;
  /** Fully-qualified config keys (`aws:region`) to the string the engine passes to the program. */
  readonly config: Readonly<Record<string, string>>;
}

export class StackFileError extends Error {
  constructor(file: string, problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.length === 1 ? `${file}: ${list[0]}` : `${file}:\n${list.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'StackFileError';
  }
}

/**
 * Reads `Pulumi.yaml` (project name, project-level config defaults) and
 * `Pulumi.<stack>.yaml` (the committed stack config) the way the CLI does:
 * stack values win, structured values reach the program as JSON strings.
 * Values that JSON cannot carry or that say nothing (`.inf`, `.nan`, a key with
 * no value) are refused here, where the text they were written as is known:
 * once turned into JSON they would reach the program as `null`.
 */
export function readStackFiles(projectDir: string, stack: string): StackFiles {
  const projectFile = join(projectDir, 'Pulumi.yaml');
  const project = readYaml(projectFile);
  const projectName = project.document.get('name');
  if (typeof projectName !== 'string' || projectName === '') {
    throw new StackFileError(projectFile, 'has no project `name`');
  }
  const projectConfig = configSection(project);

  const stackFile = join(projectDir, `Pulumi.${stack}.yaml`);
  const stackYaml = readYaml(stackFile);
  const stackConfig = configSection(stackYaml);
  const problems = stackConfig.items.flatMap((pair) => valueProblems(String(pair.key), pair.value, true));
  if (problems.length > 0) {
    throw new StackFileError(stackFile, problems);
  }

  const config: Record<string, string> = {};
  for (const [key, declaration] of Object.entries(projectConfig.values)) {
    const value = isPlainMap(declaration) ? (declaration['value'] ?? declaration['default']) : declaration;
    if (value !== undefined) {
      config[qualify(key, projectName)] = toConfigString(value);
    }
  }
  for (const [key, value] of Object.entries(stackConfig.values)) {
    if (isPlainMap(value) && 'secure' in value) {
      throw new StackFileError(stackFile, `${key} is a secret; offline runs cannot decrypt secrets`);
    }
    config[qualify(key, projectName)] = toConfigString(value);
  }
  return { projectName, config };
}

interface YamlFile {
  readonly file: string;
  readonly text: string;
  readonly document: Document;
}

function readYaml(file: string): YamlFile {
  if (!existsSync(file)) {
    throw new StackFileError(file, 'does not exist');
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new StackFileError(file, `cannot be read: ${(error as Error).message}`);
  }
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    // The parser's message goes on with an excerpt of the file; its first line says what and where.
    throw new StackFileError(file, `is not valid YAML: ${document.errors[0].message.split('\n')[0].replace(/:$/, '')}`);
  }
  if (!isMap(document.contents)) {
    throw new StackFileError(file, 'is not a YAML map');
  }
  return { file, text, document };
}

interface ConfigSection {
  readonly items: readonly { readonly key: unknown; readonly value: Node | null }[];
  readonly values: Record<string, unknown>;
}

/** The `config:` map of a file; absent or empty is no config, anything but a map is refused. */
function configSection({ file, text, document }: YamlFile): ConfigSection {
  const node = document.get('config', true) as Node | undefined;
  if (node === undefined || (isScalar(node) && node.value === null)) {
    return { items: [], values: {} };
  }
  if (!isMap(node)) {
    const first = isSeq(node) ? (node.items[0] as Node | undefined) : undefined;
    const written = first === undefined ? '' : ` (written "- ${sourceOf(text, first)}")`;
    throw new StackFileError(
      file,
      `\`config\` is a ${isSeq(node) ? 'list' : 'single value'}${written}; it must be a map of settings, one \`<namespace>:<key>: <value>\` per line, such as \`aws:region: eu-west-1\` (no leading "- ")`,
    );
  }
  const items = node.items.map((pair) => ({ key: isScalar(pair.key) ? pair.key.value : pair.key, value: pair.value as Node | null }));
  return { items, values: node.toJSON() as Record<string, unknown> };
}

/** What JSON cannot carry at `path` (a setting, or a field or item of one), each named with the text as written. */
function valueProblems(path: string, node: Node | null, topLevel: boolean): string[] {
  if (node === null || (isScalar(node) && node.value === null && topLevel)) {
    const rule = 'a stack setting needs a value; set one, or remove the key to use the default';
    const written = node === null ? '' : (node.source ?? '');
    return [written === '' ? `${path} has no value: ${rule}` : `${path}=${written} is invalid: ${rule}`];
  }
  if (isScalar(node)) {
    return typeof node.value === 'number' && !Number.isFinite(node.value)
      ? [`${path}=${node.source ?? String(node.value)} is invalid: must be a finite number (the engine hands config to the program as JSON, which has no infinity or NaN)`]
      : [];
  }
  if (isMap(node)) {
    return node.items.flatMap((pair) => valueProblems(`${path}.${String(isScalar(pair.key) ? pair.key.value : pair.key)}`, pair.value as Node | null, false));
  }
  if (isSeq(node)) {
    return node.items.flatMap((item, index) => valueProblems(`${path}[${index}]`, item as Node | null, false));
  }
  return [];
}

/** The text a node was written as (its first line, if it spans several). */
function sourceOf(text: string, node: Node): string {
  return node.range === undefined || node.range === null ? '' : text.slice(node.range[0], node.range[1]).trim().split('\n')[0];
}

/** Unqualified keys belong to the project's own namespace, as in the CLI. */
function qualify(key: string, projectName: string): string {
  return key.includes(':') ? key : `${projectName}:${key}`;
}

function toConfigString(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
