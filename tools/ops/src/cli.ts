import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type OpsClients, createOpsClients } from './aws-clients';
import type { Command, Flags, OptionsConfig } from './command';
import { drift } from './commands/drift';
import { type Environments, loadEnvironments, type PulumiRunner } from './environments';
import { EXIT, exitCodeOf, UsageError } from './exit-codes';
import type { ProgressSink } from './progress';

const COMMANDS: Readonly<Record<string, Command>> = { drift };

const COMMON_OPTIONS: OptionsConfig = {
  'outputs-file': { type: 'string' },
  json: { type: 'string' },
  help: { type: 'boolean', default: false },
};

const COMMON_USAGE = `  --outputs-file <path>    the stacks' outputs as {"dev": {...}, "staging": {...}, "prod": {...}}
                           (default: \`pulumi stack output --json\` of apps/infra-<env>)
  --json <path>            also write the full report as JSON to <path>
  --help                   this text`;

const EXIT_CODES = 'Exit codes: 0 nothing to do or done; 1 drift found or some items failed; 2 usage or configuration error; 3 AWS error.';

export function usage(name?: string): string {
  const command = name === undefined ? undefined : COMMANDS[name];
  if (command === undefined || name === undefined) {
    const list = Object.entries(COMMANDS).map(([key, value]) => `  ${key.padEnd(9)}${value.summary}`);
    return `Usage: ops <command> [flags]   (npx nx run ops:<command> -- [flags])\n\nCommands:\n${list.join('\n')}\n\n${EXIT_CODES}\n`;
  }
  return `Usage: ops ${name} [flags]   (npx nx run ops:${name} -- [flags])\n\n${command.summary}.\n\nFlags:\n${command.usage}\n${COMMON_USAGE}\n\n${EXIT_CODES}\n`;
}

export interface OpsIo {
  stdout(text: string): void;
  readonly stderr: ProgressSink;
  readonly env: NodeJS.ProcessEnv;
  readonly workspaceRoot: string;
  /** Seams for tests. */
  readonly pulumi?: PulumiRunner;
  readonly clients?: () => OpsClients;
}

function parseFlags(command: Command, argv: readonly string[]): Flags {
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: { ...COMMON_OPTIONS, ...command.options } }).values as Flags;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs `ops <command> [flags]`; returns the process exit code. Never throws. */
export async function runOps(argv: readonly string[], io: OpsIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr.write(`ops: unknown command ${JSON.stringify(name)}\n${usage()}`);
    return EXIT.usage;
  }
  let clients: OpsClients | undefined;
  try {
    const flags = parseFlags(command, rest);
    if (flags['help'] === true) {
      io.stdout(usage(name));
      return EXIT.ok;
    }
    let environments: Promise<Environments> | undefined;
    const result = await command.run({
      flags,
      workspaceRoot: io.workspaceRoot,
      progress: io.stderr,
      environments: () => (environments ??= loadEnvironments({ outputsFile: flags['outputs-file'] as string | undefined, workspaceRoot: io.workspaceRoot }, io.pulumi)),
      clients: () => (clients ??= io.clients?.() ?? createOpsClients(io.env)),
    });
    io.stdout(result.text);
    const jsonPath = flags['json'];
    if (typeof jsonPath === 'string') {
      writeFileSync(jsonPath, `${JSON.stringify({ command: name, exitCode: result.exitCode, ...result.report }, null, 2)}\n`);
    }
    return result.exitCode;
  } catch (error) {
    const code = exitCodeOf(error);
    const message = error instanceof Error ? error.message : String(error);
    if (code === EXIT.internal) {
      io.stderr.write(`ops ${name}: unexpected failure: ${error instanceof Error ? (error.stack ?? message) : message}\n`);
    } else {
      io.stderr.write(`ops ${name}: ${message}${code === EXIT.usage && error instanceof UsageError ? `\n\n${usage(name)}` : '\n'}`);
    }
    return code;
  } finally {
    clients?.destroy();
  }
}
