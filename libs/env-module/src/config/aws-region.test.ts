import { isRegionName, partitionOf } from './aws-region';

describe('isRegionName', () => {
  it.each(['eu-west-1', 'us-east-2', 'ap-southeast-7', 'us-gov-west-1', 'us-isob-east-1', 'cn-northwest-1', 'eusc-de-east-1'])(
    'accepts %s',
    (region) => {
      expect(isRegionName(region)).toBe(true);
    },
  );

  it.each(['', 'EU-WEST-1', 'eu-west', 'euwest1', 'eu_west_1', 'eu-west-1a', 'eu-west-123', ' eu-west-1'])('rejects "%s"', (region) => {
    expect(isRegionName(region)).toBe(false);
  });
});

describe('partitionOf', () => {
  it.each([
    ['eu-west-1', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['us-gov-east-1', 'aws-us-gov'],
    ['us-iso-east-1', 'aws-iso'],
    ['us-isob-east-1', 'aws-iso-b'],
    ['eusc-de-east-1', 'aws-eusc'],
  ])('puts %s in %s', (region, partition) => {
    expect(partitionOf(region)).toBe(partition);
  });
});
