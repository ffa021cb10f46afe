import type { ParseArgsConfig } from 'node:util';
import type { OpsClients } from './aws-clients';
import type { Environments } from './environments';
import type { ProgressSink } from './progress';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
export type Flags = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

/** What a command is given: the validated environments, clients, and where to report progress. */
export interface CommandContext {
  readonly flags: Flags;
  readonly environments: () => Promise<Environments>;
  readonly clients: () => OpsClients;
  readonly progress: ProgressSink;
  readonly workspaceRoot: string;
}

/** What a command ends with: its exit code, the table for stdout, the machine report for --json. */
export interface CommandResult {
  readonly exitCode: number;
  readonly text: string;
  readonly report: Readonly<Record<string, unknown>>;
}

export interface Command {
  /** One line for the command list. */
  readonly summary: string;
  /** The command's own flags' help, one per line, aligned like the common ones. */
  readonly usage: string;
  readonly options: OptionsConfig;
  run(context: CommandContext): Promise<CommandResult>;
}
