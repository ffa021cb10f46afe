import { resource, violations } from '../test/resources';
import { lambdaTimeout } from './lambda-timeout';

const fn = (props: Record<string, unknown>) => resource('aws:lambda/function:Function', 'monitor', { runtime: 'nodejs24.x', ...props });

describe('lambda-timeout', () => {
  it.each([[{ timeout: 300 }], [{ timeout: 30 }], [{}]])('passes %j (Lambda defaults to 3 s)', async (props) => {
    expect(await violations(lambdaTimeout, [fn(props)])).toEqual([]);
  });

  it('reports a timeout above 300 s', async () => {
    expect(await violations(lambdaTimeout, [fn({ timeout: 301 })])).toEqual(['Lambda function monitor has a timeout of 301 s; the platform allows at most 300 s.']);
  });

  it('takes the limit from the policy config', async () => {
    expect(await violations(lambdaTimeout, [fn({ timeout: 120 })], { 'lambda-timeout': { maxTimeoutSeconds: 60 } })).toEqual([
      'Lambda function monitor has a timeout of 120 s; the platform allows at most 60 s.',
    ]);
  });
});
