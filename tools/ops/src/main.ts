// The operator CLI (`npx nx run ops:<command> -- <flags>`); see README "Operations".
import { runOps } from './cli';
import { EXIT } from './exit-codes';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(process.exitCode ?? 0);
  }
  throw error;
});

runOps(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: { isTTY: process.stderr.isTTY === true, write: (text) => process.stderr.write(text) },
  env: process.env,
  workspaceRoot: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = EXIT.internal;
  },
);
