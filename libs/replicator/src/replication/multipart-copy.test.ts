import { partRanges, S3_COPY_LIMITS } from './multipart-copy';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

describe('partRanges', () => {
  it('covers every byte exactly once, in order, the last part possibly shorter', () => {
    const size = 6 * GiB + 123;
    const ranges = partRanges(size, { partBytes: 512 * MiB });
    expect(ranges[0]).toEqual({ first: 0, last: 512 * MiB - 1 });
    expect(ranges.at(-1)).toEqual({ first: 12 * 512 * MiB, last: size - 1 });
    ranges.slice(1).forEach((range, index) => expect(range.first).toBe((ranges[index]?.last ?? 0) + 1));
    expect(ranges).toHaveLength(13);
  });

  it('never uses parts below S3’s 5 MiB minimum', () => {
    expect(partRanges(12 * MiB, { partBytes: 1 })).toEqual([
      { first: 0, last: 5 * MiB - 1 },
      { first: 5 * MiB, last: 10 * MiB - 1 },
      { first: 10 * MiB, last: 12 * MiB - 1 },
    ]);
  });

  it('grows the parts so that the largest object S3 holds needs at most 10,000 of them', () => {
    const largest = 5 * 1024 * GiB; // S3's maximum object size, 5 TiB
    const ranges = partRanges(largest, { partBytes: 512 * MiB });
    expect(ranges.length).toBeLessThanOrEqual(S3_COPY_LIMITS.maxParts);
    expect(Math.max(...ranges.map(({ first, last }) => last - first + 1))).toBeLessThanOrEqual(S3_COPY_LIMITS.maxPartBytes);
  });
});
