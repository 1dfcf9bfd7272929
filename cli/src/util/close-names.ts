/** "Did you mean": the known names closest to a mistyped one (edit distance, case ignored). */

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** Up to `max` names within a third of the input's length in edits, or containing it; closest first. */
export function closeNames(input: string, names: Iterable<string>, max = 5): string[] {
  const wanted = input.toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  return [...new Set(names)]
    .map((name) => {
      const lower = name.toLowerCase();
      const d = lower.includes(wanted) || wanted.includes(lower) ? 0.5 : distance(wanted, lower);
      return { name, d };
    })
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d || x.name.localeCompare(y.name))
    .slice(0, max)
    .map((x) => x.name);
}
