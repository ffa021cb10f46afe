import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { type EnvironmentStackOutputs, parseEnvironmentStackOutputs } from '@data-platform/env-module';
import { ENVIRONMENT_NAMES, type EnvironmentName } from '@data-platform/replication-contract';
import { ConfigurationError } from './exit-codes';

/** The three deployed environments, as their stacks export them. */
export type Environments = Readonly<Record<EnvironmentName, EnvironmentStackOutputs>>;

/** Runs `pulumi <args>` and returns its stdout, or rejects as `execFile` does; a seam for tests. */
export type PulumiRunner = (args: readonly string[], cwd: string) => Promise<string>;

const execPulumi: PulumiRunner = async (args, cwd) => (await promisify(execFile)('pulumi', [...args], { cwd, maxBuffer: 16 * 1024 * 1024 })).stdout;

async function pulumiOutput(pulumi: PulumiRunner, args: readonly string[], cwd: string): Promise<string> {
  try {
    return await pulumi(args, cwd);
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: string };
    if (code === 'ENOENT') {
      throw new ConfigurationError('the Pulumi CLI is not on PATH: install it and `pulumi login`, or pass --outputs-file <path> with the three stacks\' outputs');
    }
    throw new ConfigurationError(`pulumi ${args.join(' ')} failed: ${(stderr ?? String(error)).trim()}`);
  }
};

/**
 * Where the environments are: the `--outputs-file` JSON (`{"dev": {...}, "staging":
 * {...}, "prod": {...}}`, each the stack's `pulumi stack output --json`), or else the
 * Pulumi CLI's outputs of the committed stacks (apps/infra-<env>, stack <env>). Every
 * stack's outputs are checked against the contract before any AWS call.
 */
export async function loadEnvironments(options: { readonly outputsFile?: string; readonly workspaceRoot: string }, pulumi: PulumiRunner = execPulumi): Promise<Environments> {
  const raw: Partial<Record<EnvironmentName, unknown>> = {};
  let source: (environment: EnvironmentName) => string;
  if (options.outputsFile !== undefined) {
    const file = options.outputsFile;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigurationError(`--outputs-file ${file}: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ConfigurationError(`--outputs-file ${file}: must be a JSON object keyed dev, staging and prod`);
    }
    Object.assign(raw, parsed);
    source = (environment) => `--outputs-file ${file} "${environment}"`;
  } else {
    await Promise.all(
      ENVIRONMENT_NAMES.map(async (environment) => {
        const stdout = await pulumiOutput(pulumi, ['stack', 'output', '--json', '--stack', environment], `${options.workspaceRoot}/apps/infra-${environment}`);
        try {
          raw[environment] = JSON.parse(stdout) as unknown;
        } catch {
          throw new ConfigurationError(`pulumi stack output --json --stack ${environment} printed no JSON: ${stdout.slice(0, 200)}`);
        }
      }),
    );
    source = (environment) => `stack ${environment} (apps/infra-${environment})`;
  }
  const environments = {} as Record<EnvironmentName, EnvironmentStackOutputs>;
  for (const environment of ENVIRONMENT_NAMES) {
    const outputs = raw[environment];
    if (typeof outputs !== 'object' || outputs === null) {
      throw new ConfigurationError(`${source(environment)}: the outputs of the ${environment} stack are missing`);
    }
    environments[environment] = parseEnvironmentStackOutputs(source(environment), environment, outputs as Record<string, unknown>);
  }
  return environments;
}
