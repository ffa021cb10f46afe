import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { type CliOptions, parseCliOptions, USAGE, UsageError } from './cli-options';
import { mandatoryViolations, type PlanDocument } from './plan-document';
import { type PlanInputs, readPlanInputs } from './plan-inputs';
import { planStack } from './plan-stack';
import { DependencyPlans } from './stack-references';
import { countOf, renderSummary } from './summary/summary';

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
  // Every input is checked before any plan is deleted or written.
  let inputs: PlanInputs;
  try {
    inputs = readPlanInputs(options, cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) {
      throw error;
    }
    output.stderr(`plan: ${oneLine(error)}\n`);
    return EXIT.usage;
  }
  const outDir = resolve(cwd, options.outDir);
  const plans: PlanDocument[] = [];
  let exitCode: number = EXIT.planned;
  for (const project of inputs.projects) {
    const label = basename(project.dir);
    const file = join(outDir, `${project.stack}.json`);
    const started = performance.now();
    let plan: PlanDocument;
    try {
      // A failed run must not leave an older plan behind for dependent stacks to read.
      rmSync(file, { force: true });
      plan = await planStack({
        projectDir: project.dir,
        stack: project.stack,
        program: options.program === undefined ? undefined : resolve(cwd, options.program),
        organization: options.organization,
        configOverrides: options.configOverrides,
        dependencies: new DependencyPlans(outDir),
        policyConfig: inputs.policyConfig,
        workspaceRoot: cwd,
      });
      writeFileAtomically(file, `${JSON.stringify(plan, null, 2)}\n`);
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
      const violations = countOf(mandatoryViolations(plan.guardrails.violations).length, 'mandatory violation');
      output.stderr(`plan ${label}: guardrails violated: ${violations} in ${plan.fullyQualifiedName} (see the summary or ${relative(cwd, file)})\n`);
      exitCode = EXIT.guardrailViolated;
    }
  }
  if (options.json) {
    output.stdout(`${JSON.stringify(plans.length === 1 ? plans[0] : plans, null, 2)}\n`);
  }
  return exitCode;
}

/**
 * Writes through a temporary file in the same directory, renamed into place: a
 * stack planned at the same time (Nx plans dev and staging in parallel) never sees
 * a half-written plan. The temporary name does not end in `.json`.
 */
function writeFileAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = join(dirname(file), `.${basename(file, '.json')}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function classify(error: unknown): { kind: string; exitCode: number } {
  const name = error instanceof Error ? error.name : '';
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
