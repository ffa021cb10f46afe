// destroy needs the user's explicit confirmation; everything else passes through.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { pulumiArguments } = require('./pulumi-cli.cjs');

describe('pulumi-cli', () => {
  it('refuses destroy without --confirm-destroy, naming the stack and the flag', () => {
    const run = spawnSync(process.execPath, [join(__dirname, 'pulumi-cli.cjs'), 'destroy', '--stack', 'prod', '--cwd', 'apps/infra-prod'], { encoding: 'utf8' });
    expect(run.status).toBe(64);
    expect(run.stderr).toContain('destroy refused for stack prod: it deletes every resource of the stack; pass --confirm-destroy to mean it');
  });

  it('passes a confirmed destroy to Pulumi without its prompt', () => {
    expect(pulumiArguments(['destroy', '--stack', 'dev', '--confirm-destroy'])).toEqual({ args: ['destroy', '--stack', 'dev', '--yes'] });
    expect(pulumiArguments(['destroy', '--stack', 'dev', '--confirm-destroy=true'])).toEqual({ args: ['destroy', '--stack', 'dev', '--yes'] });
  });

  it('passes other commands through unchanged', () => {
    expect(pulumiArguments(['up', '--yes', '--stack', 'dev'])).toEqual({ args: ['up', '--yes', '--stack', 'dev'] });
  });
});
