import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { type OfflineStackOptions, type OfflineStackResult, runStackOffline } from './run-stack-offline';
import { loadProgramInJestIsolation } from './testing';

const fixture = join(__dirname, 'test', 'fixture');
const upstream = { 'organization/upstream/dev': { bucketName: 'upstream-bucket' } };

function run(options: Partial<OfflineStackOptions> = {}): Promise<OfflineStackResult> {
  return runStackOffline({ projectDir: fixture, stack: 'test', stackReferences: upstream, loadProgram: loadProgramInJestIsolation, ...options });
}

// Every isolated load brings a fresh copy of the Pulumi SDK, which adds a process exit listener.
process.setMaxListeners(50);

describe('runStackOffline', () => {
  it('returns the stack outputs, resolved through components, references, config and invokes', async () => {
    const result = await run();
    expect(result.outputs).toEqual({
      bucketArn: 'arn:aws:s3:::fixture-bucket',
      topicArn: expect.stringMatching(/^arn:aws:sns:eu-west-1:111111111111:store-topic-[0-9a-f]{7}$/),
      upstreamBucket: 'upstream-bucket',
      greeting: 'hello',
      memoryMb: 256,
      accountId: '111111111111',
    });
    expect(result.invokes.map((invoke) => invoke.token)).toEqual(['aws:index/getCallerIdentity:getCallerIdentity']);
  });

  it('captures every resource with its inputs and parent, including ones no output depends on', async () => {
    const { resources } = await run();
    const byName = new Map(resources.map((resource) => [resource.name, resource]));
    expect(byName.get('store')).toMatchObject({ type: 'fixture:index:Store', custom: false, parent: undefined });
    expect(byName.get('store-bucket')).toMatchObject({
      type: 'aws:s3/bucket:Bucket',
      parent: 'fixture:index:Store::store',
      inputs: { bucket: 'fixture-bucket' },
    });
    expect(byName.get('unreferenced')).toMatchObject({
      type: 'aws:sqs/queue:Queue',
      inputs: { messageRetentionSeconds: 60 },
      state: { url: expect.stringMatching(/^https:\/\/sqs\.eu-west-1\.amazonaws\.com\/111111111111\/unreferenced-[0-9a-f]{7}$/) },
    });
  });

  it('marks taggable types and plans tagsAll from the provider default tags, as AWS does', async () => {
    const { resources } = await run();
    const byName = new Map(resources.map((resource) => [resource.name, resource]));
    expect(byName.get('store-bucket')).toMatchObject({
      taggable: true,
      provider: 'aws',
      state: { tagsAll: { Environment: 'test', Purpose: 'fixture' } },
    });
    expect(byName.get('store-versioning')).toMatchObject({ taggable: false, provider: 'aws' });
    expect(byName.get('store-versioning')?.state).not.toHaveProperty('tagsAll');
    // On the default provider, whose default tags would come from stack config (not modelled).
    expect(byName.get('unreferenced')).toMatchObject({ taggable: true, provider: undefined, state: { tagsAll: {} } });
  });

  it('looks StackReference outputs up through a function, when given one, by the name the program uses', async () => {
    const asked: string[] = [];
    const result = await run({
      stackReferences: (name) => {
        asked.push(name);
        return name === 'organization/upstream/dev' ? { bucketName: 'looked-up-bucket' } : undefined;
      },
    });
    expect(asked).toEqual(['organization/upstream/dev']);
    expect(result.outputs['upstreamBucket']).toBe('looked-up-bucket');
  });

  it('is deterministic', async () => {
    const [first, second] = [await run(), await run()];
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('applies config overrides over the committed stack config', async () => {
    const result = await run({ configOverrides: { 'platform:greeting': 'hi' } });
    expect(result.outputs['greeting']).toBe('hi');
  });

  // A failing program leaves rejected promises that nobody awaits; Jest would
  // blame them on the test, so failures are run in a child process, as the plan does.
  it.each([
    ['a StackReference to a stack it has no outputs for', 'index.ts', '{}', 'StackReference organization/upstream/dev: no outputs for that stack (plan or deploy it first)'],
    ['an invoke it has no planned answer for', '../invoke-program.ts', JSON.stringify(upstream), 'unexpected invoke aws:ec2/getAmi:getAmi'],
    ['an error raised inside an apply', '../apply-error-program.ts', JSON.stringify(upstream), 'memoryMb must be at most 10240'],
    ['an apply that throws with nothing exported depending on it', '../unexported-apply-error-program.ts', '{}', 'tag value must be at most 256 characters'],
    ['an unreadable StackReference that nothing waits on', '../unused-reference-program.ts', '{}', 'StackReference organization/missing/dev: no outputs for that stack'],
  ])('fails on %s', (_case, program, references, message) => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'test', 'run-in-child.ts'), fixture, join(fixture, program), references],
      { encoding: 'utf8', env: { ...process.env, TSX_TSCONFIG_PATH: join(__dirname, '..', 'tsconfig.json') } },
    );
    expect(child.status).toBe(1);
    expect(child.stderr).toContain(message);
  });

  it('runs stacks one after another without leaking state between them', async () => {
    const first = await run({ configOverrides: { 'platform:greeting': 'first' } });
    const second = await run({ stack: 'test', configOverrides: { 'platform:greeting': 'second' } });
    expect([first.outputs['greeting'], second.outputs['greeting']]).toEqual(['first', 'second']);
    expect(second.resources).toHaveLength(first.resources.length);
  });
});
