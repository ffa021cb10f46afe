// @ts-check
// Runs the Pulumi CLI with the given arguments, or explains what is missing.
// `destroy` runs only when the user passed --confirm-destroy (then without
// Pulumi's own prompt, which Nx tasks cannot answer).
const { spawnSync } = require('node:child_process');

const CONFIRM_DESTROY = '--confirm-destroy';
/** Bad usage, as sysexits' EX_USAGE; the plan tool uses the same code. */
const EXIT_USAGE = 64;

/**
 * The Pulumi CLI arguments for the arguments this wrapper was given, or the
 * refusal to print when a destroy was not confirmed.
 * @param {readonly string[]} given
 * @returns {{ args: string[] } | { refusal: string }}
 */
function pulumiArguments(given) {
  if (given[0] !== 'destroy') {
    return { args: [...given] };
  }
  const confirmed = given.some((arg) => arg === CONFIRM_DESTROY || arg === `${CONFIRM_DESTROY}=true`);
  if (!confirmed) {
    const stack = given[given.indexOf('--stack') + 1] ?? '(unknown)';
    return {
      refusal: [
        `destroy refused for stack ${stack}: it deletes every resource of the stack; pass ${CONFIRM_DESTROY} to mean it,`,
        `e.g. npx nx run-many -t destroy -- ${CONFIRM_DESTROY} (prod is destroyed first, then staging and dev).`,
        "Prod's bucket, table and key are protected: release them first (README \"Ordered teardown\").",
        '',
      ].join('\n'),
    };
  }
  return { args: [...given.filter((arg) => !arg.startsWith(CONFIRM_DESTROY)), '--yes'] };
}

function main() {
  const planned = pulumiArguments(process.argv.slice(2));
  if ('refusal' in planned) {
    process.stderr.write(planned.refusal);
    process.exit(EXIT_USAGE);
  }
  const { args } = planned;
  const result = spawnSync('pulumi', args, { stdio: 'inherit' });
  if (result.error && /** @type {NodeJS.ErrnoException} */ (result.error).code === 'ENOENT') {
    process.stderr.write(
      [
        'The Pulumi CLI is not on PATH, so `pulumi ' + args.join(' ') + '` cannot run.',
        'Install it (see README "Deploying to AWS"), log in to a state backend with `pulumi login`,',
        'and make AWS credentials available. Without any of that, `npm run plan` plans all stacks offline.',
        '',
      ].join('\n'),
    );
    process.exit(127);
  }
  process.exit(result.status ?? 1);
}

if (require.main === module) {
  main();
}

module.exports = { CONFIRM_DESTROY, EXIT_USAGE, pulumiArguments };
