import { ops, plannedOutputs, scratchDir, writeJson } from '../test/run-ops';

const noAws = () => {
  throw new Error('no AWS call may happen here');
};

describe('ops CLI', () => {
  it('lists the commands and the exit codes', async () => {
    const { exitCode, stdout } = await ops(['--help']);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('drift');
    expect(stdout).toContain('Exit codes: 0 nothing to do or done; 1 drift found or some items failed; 2 usage or configuration error; 3 AWS error.');
  });

  it('prints a command\'s flags with --help', async () => {
    const { exitCode, stdout } = await ops(['drift', '--help']);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('--outputs-file <path>');
    expect(stdout).toContain('--plan-dir <dir>');
  });

  it('refuses an unknown command or flag with exit 2', async () => {
    await expect(ops(['drfit'])).resolves.toMatchObject({ exitCode: 2, stderr: expect.stringContaining('unknown command "drfit"') });
    await expect(ops(['drift', '--bogus'], { clients: noAws })).resolves.toMatchObject({ exitCode: 2, stderr: expect.stringContaining("Unknown option '--bogus'") });
  });

  it('says how to proceed when the Pulumi CLI is missing', async () => {
    const { exitCode, stderr } = await ops(['drift'], { clients: noAws });
    expect(exitCode).toBe(2);
    expect(stderr).toContain('the Pulumi CLI is not on PATH');
    expect(stderr).toContain('--outputs-file');
  });

  it('names the stack, the output and the rule of an invalid outputs file, before any AWS call', async () => {
    // Prepare
    const outputs = plannedOutputs();
    outputs['staging'] = { ...outputs['staging'], tableArn: 'arn:aws:dynamodb:eu-west-1:111111111111:table/someone-elses' };
    const file = writeJson(scratchDir(), 'outputs.json', outputs);

    // Act
    const { exitCode, stderr } = await ops(['drift', '--outputs-file', file], { clients: noAws });

    // Assess
    expect(exitCode).toBe(2);
    expect(stderr).toContain(`--outputs-file ${file} "staging"`);
    expect(stderr).toContain('output "tableArn"');
    expect(stderr).toContain('must be the ARN of table acme-metadata-staging');
  });

  it('refuses an outputs file without one of the environments', async () => {
    const { prod } = plannedOutputs();
    const file = writeJson(scratchDir(), 'outputs.json', { prod });
    const { exitCode, stderr } = await ops(['drift', '--outputs-file', file], { clients: noAws });
    expect(exitCode).toBe(2);
    expect(stderr).toContain('the outputs of the dev stack are missing');
  });

  it('maps a refused AWS call to exit 3', async () => {
    // Prepare: every call is refused the way AWS refuses one.
    const denied = Object.assign(new Error('User is not authorized to perform: dynamodb:DescribeTable'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
    const refusing = { send: () => Promise.reject(denied) };
    const clients = () => ({ bulk: { dynamodb: () => refusing, s3: refusing }, destroy: () => undefined }) as never;
    const file = writeJson(scratchDir(), 'outputs.json', plannedOutputs());

    // Act
    const { exitCode, stderr } = await ops(['drift', '--outputs-file', file], { clients });

    // Assess
    expect(exitCode).toBe(3);
    expect(stderr).toContain('not authorized to perform: dynamodb:DescribeTable');
  });
});
