/**
 * Benjamini–Hochberg adjusted p-values (q-values), as R's `p.adjust(p, "BH")`: controls the false
 * discovery rate across a family of tests. Returned in the order of the input.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => b.p - a.p || a.index - b.index);
  const adjusted = new Array<number>(m);
  let running = 1;
  order.forEach(({ p, index }, position) => {
    const rank = m - position;
    running = Math.min(running, (p * m) / rank);
    adjusted[index] = Math.min(1, running);
  });
  return adjusted;
}
