import { nearestName } from './nearest-name';

describe('nearestName', () => {
  it('finds the one candidate a typo is nearest to, swaps of neighbours counting as one edit', () => {
    expect(nearestName('platfrom', ['platform', 'aws', 'pulumi'])).toBe('platform');
    expect(nearestName('eu-wset-1', ['eu-west-1', 'eu-west-2', 'us-east-1'])).toBe('eu-west-1');
  });

  it('finds none when nothing is near, or two are as near', () => {
    expect(nearestName('Frankfurt', ['eu-central-1', 'eu-west-1'])).toBeUndefined();
    expect(nearestName('eu-west-9', ['eu-west-1', 'eu-west-2'])).toBeUndefined();
  });
});
