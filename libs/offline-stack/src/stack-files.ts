import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** What the Pulumi CLI would read from a project directory for one stack. */
export interface StackFiles {
  readonly projectName: string;
  /** Fully-qualified config keys (`aws:region`) to the string the engine passes to the program. */
  readonly config: Readonly<Record<string, string>>;
}

export class StackFileError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'StackFileError';
  }
}

/**
 * Reads `Pulumi.yaml` (project name, project-level config defaults) and
 * `Pulumi.<stack>.yaml` (the committed stack config) the way the CLI does:
 * stack values win, structured values reach the program as JSON strings.
 */
export function readStackFiles(projectDir: string, stack: string): StackFiles {
  const projectFile = join(projectDir, 'Pulumi.yaml');
  const project = readYaml(projectFile);
  const projectName = project['name'];
  if (typeof projectName !== 'string' || projectName === '') {
    throw new StackFileError(projectFile, 'has no project `name`');
  }
  const stackFile = join(projectDir, `Pulumi.${stack}.yaml`);
  const stackConfig = readYaml(stackFile)['config'] ?? {};
  if (typeof stackConfig !== 'object' || stackConfig === null) {
    throw new StackFileError(stackFile, '`config` must be a map');
  }

  const config: Record<string, string> = {};
  for (const [key, declaration] of Object.entries(asMap(project['config']))) {
    const value = isMap(declaration) ? (declaration['value'] ?? declaration['default']) : declaration;
    if (value !== undefined) {
      config[qualify(key, projectName)] = toConfigString(value);
    }
  }
  for (const [key, value] of Object.entries(stackConfig as Record<string, unknown>)) {
    if (isMap(value) && 'secure' in value) {
      throw new StackFileError(stackFile, `${key} is a secret; offline runs cannot decrypt secrets`);
    }
    config[qualify(key, projectName)] = toConfigString(value);
  }
  return { projectName, config };
}

function readYaml(file: string): Record<string, unknown> {
  if (!existsSync(file)) {
    throw new StackFileError(file, 'does not exist');
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new StackFileError(file, `cannot be read: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    // The parser's message goes on with an excerpt of the file; its first line says what and where.
    throw new StackFileError(file, `is not valid YAML: ${(error as Error).message.split('\n')[0].replace(/:$/, '')}`);
  }
  if (!isMap(document)) {
    throw new StackFileError(file, 'is not a YAML map');
  }
  return document;
}

/** Unqualified keys belong to the project's own namespace, as in the CLI. */
function qualify(key: string, projectName: string): string {
  return key.includes(':') ? key : `${projectName}:${key}`;
}

function toConfigString(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asMap(value: unknown): Record<string, unknown> {
  return isMap(value) ? value : {};
}
