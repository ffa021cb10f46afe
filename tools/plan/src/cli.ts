import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { PolicyPackConfig } from '@pulumi/policy';
import { type CliOptions, parseCliOptions, USAGE, UsageError } from './cli-options';
import type { PlanDocument } from './plan-document';
import { committedStack, planStack, PlanUsageError } from './plan-stack';
import { readDependencyPlans } from './stack-references';
import { renderSummary } from './summary/summary';

export const EXIT = { planned: 0, guardrailViolated: 1, invalidConfig: 2, programFailed: 3, usage: 64 } as const;

export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Runs the plan CLI; returns the process exit code. */
export async function runCli(argv: readonly string[], output: CliOutput, cwd = process.cwd()): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliOptions(argv);
  } catch (error) {
    output.stderr(`plan: ${(error as Error).message}\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (options.help) {
    output.stdout(`${USAGE}\n`);
    return EXIT.planned;
  }
  const outDir = resolve(cwd, options.outDir);
  const plans: PlanDocument[] = [];
  let exitCode: number = EXIT.planned;
  for (const projectDir of options.projectDirs.map((dir) => resolve(cwd, dir))) {
    const label = basename(projectDir);
    const started = performance.now();
    let plan: PlanDocument;
    try {
      const stack = options.stack ?? committedStack(projectDir);
      const file = join(outDir, `${stack}.json`);
      // A failed run must not leave an older plan behind for dependent stacks to read.
      rmSync(file, { force: true });
      plan = await planStack({
        projectDir,
        stack,
        program: options.program === undefined ? undefined : resolve(cwd, options.program),
        organization: options.organization,
        configOverrides: options.configOverrides,
        dependencies: readDependencyPlans(outDir),
        policyConfig: options.policyConfig === undefined ? undefined : readPolicyConfig(resolve(cwd, options.policyConfig)),
        workspaceRoot: cwd,
      });
      mkdirSync(outDir, { recursive: true });
      writeFileSync(file, `${JSON.stringify(plan, null, 2)}\n`);
      if (!options.json) {
        output.stdout(renderSummary(plan));
        output.stdout(`\nPlanned ${plan.fullyQualifiedName} in ${Math.round(performance.now() - started)} ms; wrote ${relative(cwd, file)}\n\n`);
      }
    } catch (error) {
      const failure = classify(error);
      output.stderr(`plan ${label}: ${failure.kind}: ${oneLine(error)}\n`);
      if (options.verbose) {
        output.stderr(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      }
      return failure.exitCode;
    }
    plans.push(plan);
    if (!plan.guardrails.passed) {
      const count = plan.guardrails.violations.filter((violation) => violation.enforcementLevel === 'mandatory').length;
      output.stderr(`plan ${label}: guardrails violated: ${count} mandatory violation${count === 1 ? '' : 's'} in ${plan.fullyQualifiedName} (see the summary or ${relative(cwd, join(outDir, `${plan.stack}.json`))})\n`);
      exitCode = EXIT.guardrailViolated;
    }
  }
  if (options.json) {
    output.stdout(`${JSON.stringify(plans.length === 1 ? plans[0] : plans, null, 2)}\n`);
  }
  return exitCode;
}

function readPolicyConfig(file: string): PolicyPackConfig {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PolicyPackConfig;
  } catch (error) {
    throw new UsageError(`--policy-config ${file}: ${(error as Error).message}`);
  }
}

function classify(error: unknown): { kind: string; exitCode: number } {
  const name = error instanceof Error ? error.name : '';
  if (error instanceof UsageError || error instanceof PlanUsageError) {
    return { kind: 'usage', exitCode: EXIT.usage };
  }
  // StackFileError (offline-stack) for the files; *ConfigError for a program's own validation of its config.
  if (name === 'StackFileError' || name.endsWith('ConfigError')) {
    return { kind: 'invalid config', exitCode: EXIT.invalidConfig };
  }
  return { kind: 'program failed', exitCode: EXIT.programFailed };
}

/** A multi-line error message on one line: its lines joined with "; ". */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split('\n')
    .map((text) => text.trim().replace(/^- /, ''))
    .filter((text) => text !== '');
  return lines.reduce((joined, text, index) => (index === 0 ? text : `${joined}${joined.endsWith(':') ? ' ' : '; '}${text}`), '');
}
