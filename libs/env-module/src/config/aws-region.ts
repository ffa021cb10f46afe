/**
 * AWS region names: a 2-4 letter area, one to three words, a number
 * (`eu-west-1`, `us-gov-west-1`, `us-isob-east-1`, `eusc-de-east-1`).
 */
const REGION_SHAPE = /^[a-z]{2,4}(-[a-z]+){1,3}-\d{1,2}$/;

export function isRegionName(value: string): boolean {
  return REGION_SHAPE.test(value);
}

const PARTITIONS: readonly (readonly [prefix: string, partition: string])[] = [
  ['cn-', 'aws-cn'],
  ['us-gov-', 'aws-us-gov'],
  ['us-isob-', 'aws-iso-b'],
  ['us-iso-', 'aws-iso'],
  ['eusc-', 'aws-eusc'],
];

/** The ARN partition of a region, so ARNs built here are right outside the commercial partition too. */
export function partitionOf(region: string): string {
  return PARTITIONS.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'aws';
}
