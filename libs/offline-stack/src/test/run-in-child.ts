// Runs one offline stack in this process and reports the outcome through the exit
// code: how the plan runs stacks, used by tests of the failure paths.
import { runStackOffline } from '../run-stack-offline';

const [projectDir, program, references] = process.argv.slice(2);
runStackOffline({ projectDir, stack: 'test', program, stackReferences: JSON.parse(references) }).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result.outputs)}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
