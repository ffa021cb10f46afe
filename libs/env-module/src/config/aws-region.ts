import * as aws from '@pulumi/aws';
import { nearestName } from './nearest-name';

/**
 * The regions the pinned AWS provider knows (`aws.Region`). A region shaped right
 * but not on this list (`eu-wset-1`) would fail only at deploy time, in the middle
 * of a run; a region AWS adds later needs a provider upgrade first anyway.
 */
export const AWS_REGIONS: readonly string[] = Object.values(aws.Region);

export function isRegionName(value: string): boolean {
  return AWS_REGIONS.includes(value);
}

/** The rule `aws:region` must meet, with the nearest known region when the value looks like a typo of one. */
export function regionRule(value: string | undefined): string {
  const nearest = value === undefined ? undefined : nearestName(value, AWS_REGIONS);
  return `must be one of the AWS provider's regions, such as eu-west-1${nearest === undefined ? '' : ` (did you mean ${nearest}?)`}`;
}

const PARTITIONS: readonly (readonly [prefix: string, partition: string])[] = [
  ['cn-', 'aws-cn'],
  ['us-gov-', 'aws-us-gov'],
  ['us-isob-', 'aws-iso-b'],
  ['us-isof-', 'aws-iso-f'],
  ['us-iso-', 'aws-iso'],
  ['eu-isoe-', 'aws-iso-e'],
  ['eusc-', 'aws-eusc'],
];

/** The ARN partition of a region, so ARNs built here are right outside the commercial partition too. */
export function partitionOf(region: string): string {
  return PARTITIONS.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'aws';
}
