import { resource, violations } from '../test/resources';
import { lambdaRuntime } from './lambda-runtime';

const fn = (props: Record<string, unknown>) => resource('aws:lambda/function:Function', 'replicator', props);

describe('lambda-runtime', () => {
  it.each(['nodejs24.x', 'nodejs22.x'])('passes %s', async (runtime) => {
    expect(await violations(lambdaRuntime, [fn({ runtime })])).toEqual([]);
  });

  it.each(['nodejs20.x', 'nodejs18.x', 'python3.13'])('reports %s', async (runtime) => {
    expect(await violations(lambdaRuntime, [fn({ runtime })])).toEqual([
      `Lambda function replicator uses runtime ${runtime}; use a supported Node.js runtime: nodejs22.x, nodejs24.x.`,
    ]);
  });

  it('reports a zip function without a runtime, and skips container images', async () => {
    expect(await violations(lambdaRuntime, [fn({}), fn({ packageType: 'Image', imageUri: 'x' })])).toEqual([
      'Lambda function replicator uses runtime none; use a supported Node.js runtime: nodejs22.x, nodejs24.x.',
    ]);
  });
});
