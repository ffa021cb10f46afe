/** The one candidate at most two edits away from a mistyped `value`, if exactly one is the closest. */
export function nearestName(value: string, candidates: readonly string[]): string | undefined {
  const ranked = candidates
    .map((candidate) => [candidate, editDistance(value, candidate)] as const)
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
