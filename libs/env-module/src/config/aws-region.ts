import * as aws from '@pulumi/aws';

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
  const nearest = value === undefined ? undefined : nearestRegion(value);
  return `must be one of the AWS provider's regions, such as eu-west-1${nearest === undefined ? '' : ` (did you mean ${nearest}?)`}`;
}

/** A known region at most two edits away, if exactly one is the closest. */
function nearestRegion(value: string): string | undefined {
  const ranked = AWS_REGIONS.map((region) => [region, editDistance(value, region)] as const)
    .filter(([, distance]) => distance <= 2)
    .sort((a, b) => a[1] - b[1]);
  return ranked.length > 0 && (ranked.length === 1 || ranked[0][1] < ranked[1][1]) ? ranked[0][0] : undefined;
}

/** Levenshtein distance, counting a swap of two neighbours as one edit (`wset` for `west`). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
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
