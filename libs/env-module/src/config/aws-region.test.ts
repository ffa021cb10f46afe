import { isRegionName, partitionOf, regionRule } from './aws-region';

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

  it.each(['eu-wset-1', 'eu-west-9', 'us-north-1', 'xx-east-1'])('rejects %s, shaped like a region but not one the AWS provider knows', (region) => {
    expect(isRegionName(region)).toBe(false);
  });
});

describe('regionRule', () => {
  it('suggests the region a typo is nearest to', () => {
    expect(regionRule('eu-wset-1')).toBe("must be one of the AWS provider's regions, such as eu-west-1 (did you mean eu-west-1?)");
  });

  it('suggests nothing when no region is near, or several are as near', () => {
    expect(regionRule('Frankfurt')).toBe("must be one of the AWS provider's regions, such as eu-west-1");
    expect(regionRule('eu-west-9')).toBe("must be one of the AWS provider's regions, such as eu-west-1");
  });
});

describe('partitionOf', () => {
  it.each([
    ['eu-west-1', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['us-gov-east-1', 'aws-us-gov'],
    ['us-iso-east-1', 'aws-iso'],
    ['us-isob-east-1', 'aws-iso-b'],
    ['us-isof-south-1', 'aws-iso-f'],
    ['eu-isoe-west-1', 'aws-iso-e'],
    ['eusc-de-east-1', 'aws-eusc'],
  ])('puts %s in %s', (region, partition) => {
    expect(partitionOf(region)).toBe(partition);
  });
});
