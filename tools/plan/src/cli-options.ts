import { parseArgs } from 'node:util';

export interface CliOptions {
  /** Projects to plan, in order; each one's outputs can feed the StackReferences of the next. */
  readonly projectDirs: readonly string[];
  readonly stack?: string;
  readonly program?: string;
  readonly json: boolean;
  readonly verbose: boolean;
  /** Where plans are written, and where dependency plans are read from. */
  readonly outDir: string;
  readonly organization?: string;
  readonly policyConfig?: string;
  readonly configOverrides: Readonly<Record<string, string>>;
  readonly help: boolean;
}

export const USAGE = `Usage: plan --project-dir <dir> [--project-dir <dir>...] [options]

Plans Pulumi stacks offline: runs each project's real program under Pulumi's mock
runtime with its committed stack config, feeds the planned outputs of earlier plans
(read from --out-dir) to its StackReferences, runs the guardrail policies over every
planned resource, prints a summary and writes <out-dir>/<stack>.json.

Options:
  --project-dir <dir>      project with Pulumi.yaml and one Pulumi.<stack>.yaml (repeatable; planned in order)
  --stack <name>           the stack, when the project commits several stack files (one project only)
  --program <file>         entry file of the program (default <project-dir>/index.ts; one project only)
  --json                   print only the plan JSON on stdout (errors still go to stderr)
  --out-dir <dir>          where plans are written and dependency plans are read (default dist/plan)
  --organization <org>     what pulumi.getOrganization() returns (default "organization", as the CLI's
                           self-managed backends)
  --policy-config <file>   guardrail policy config, as for pulumi --policy-pack-config
  --config <key=value>     override a config value, e.g. --config platform:logRetentionDays=30 (repeatable)
  --verbose                print the full error and stack trace on failure
  --help                   this text

Exit codes: 0 planned and guardrails passed; 1 a mandatory guardrail is violated;
2 invalid stack config; 3 the program failed; 64 bad usage.`;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseCliOptions(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'project-dir': { type: 'string', multiple: true },
        stack: { type: 'string' },
        program: { type: 'string' },
        json: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        'out-dir': { type: 'string', default: 'dist/plan' },
        organization: { type: 'string' },
        'policy-config': { type: 'string' },
        config: { type: 'string', multiple: true },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  const projectDirs = values['project-dir'] ?? [];
  if (!values.help && projectDirs.length === 0) {
    throw new UsageError('--project-dir is required');
  }
  if (projectDirs.length > 1 && (values.stack !== undefined || values.program !== undefined)) {
    throw new UsageError('--stack and --program apply to one --project-dir only');
  }
  return {
    projectDirs,
    stack: values.stack,
    program: values.program,
    json: values.json,
    verbose: values.verbose,
    outDir: values['out-dir'],
    organization: values.organization,
    policyConfig: values['policy-config'],
    configOverrides: Object.fromEntries((values.config ?? []).map(parseOverride)),
    help: values.help,
  };
}

function parseOverride(entry: string): [string, string] {
  const separator = entry.indexOf('=');
  if (separator <= 0 || !entry.slice(0, separator).includes(':')) {
    throw new UsageError(`--config ${entry}: expected <namespace:key>=<value>`);
  }
  return [entry.slice(0, separator), entry.slice(separator + 1)];
}
