// @ts-check
// Runs the Pulumi CLI with the given arguments, or explains what is missing.
const { spawnSync } = require('node:child_process');

const args = process.argv.slice(2);
const result = spawnSync('pulumi', args, { stdio: 'inherit' });
if (result.error && /** @type {NodeJS.ErrnoException} */ (result.error).code === 'ENOENT') {
  process.stderr.write(
    [
      'The Pulumi CLI is not on PATH, so `pulumi ' + args.join(' ') + '` cannot run.',
      'Install it (see README "Deploying to AWS"), log in to a state backend with `pulumi login`,',
      'and make AWS credentials available. Without any of that, `npx nx run-many -t plan` plans all stacks offline.',
      '',
    ].join('\n'),
  );
  process.exit(127);
}
process.exit(result.status ?? 1);
