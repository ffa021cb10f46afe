import { perRegion, regionOfArn, retriedByCaller, retriedBySdk } from './aws-clients';

describe('client configuration', () => {
  it('turns SDK retries off where our loop retries, and keeps them where it does not', () => {
    expect(retriedByCaller()).toEqual({ maxAttempts: 1, requestHandler: { connectionTimeout: 2_000, requestTimeout: 10_000, throwOnRequestTimeout: true } });
    expect(retriedBySdk('us-west-2')).toMatchObject({ region: 'us-west-2', maxAttempts: 3 });
    // No endpoint is ever set: AWS_ENDPOINT_URL(_<SERVICE>) keeps working.
    expect(retriedByCaller('eu-west-1')).not.toHaveProperty('endpoint');
  });

  it('creates one client per region and reuses it', () => {
    const created: (string | undefined)[] = [];
    const clientFor = perRegion((region) => {
      created.push(region);
      return { region };
    });
    expect(clientFor('eu-west-1')).toBe(clientFor('eu-west-1'));
    expect(clientFor(undefined)).not.toBe(clientFor('eu-west-1'));
    expect(created).toEqual(['eu-west-1', undefined]);
  });

  it('reads the region of an ARN', () => {
    expect(regionOfArn('arn:aws:sns:eu-central-1:123456789012:topic')).toBe('eu-central-1');
    expect(regionOfArn('arn:aws-us-gov:sns:us-gov-west-1:123456789012:topic')).toBe('us-gov-west-1');
    expect(regionOfArn('not-an-arn')).toBeUndefined();
  });
});
