// Splitting one total among many (公摊, pro-rata) by the largest-remainder method, RULES §1.
// Weights are integers (area in 0.0001 ㎡, usage in the meter's smallest unit) and the
// arithmetic is BigInt: total × weight easily exceeds 2^53 for a large estate.

/**
 * Shares of totalFen proportional to weights that sum exactly to totalFen. Each share is the
 * exact proportional share rounded down or up; the leftover fen go to the largest remainders,
 * ties to the larger weight, then to the earlier index — callers pass units in natural code
 * order (3-2-501 before 10-1-101) so "earlier" is the rule's "earlier unit".
 */
export function apportion(totalFen: number, weights: number[]): number[] {
  if (!Number.isSafeInteger(totalFen) || totalFen < 0) {
    throw new RangeError(`total must be a non-negative safe integer of fen, got ${totalFen}`);
  }
  if (weights.length === 0) throw new RangeError('no weights to apportion over');
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) {
      throw new RangeError(`weights must be non-negative safe integers, got ${w}`);
    }
  }
  const ws = weights.map(BigInt);
  const sum = ws.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError('all weights are zero');

  const total = BigInt(totalFen);
  const shares = ws.map((w) => (total * w) / sum);
  const remainders = ws.map((w) => (total * w) % sum);
  let leftover = total - shares.reduce((a, b) => a + b, 0n);

  const order = ws.map((_, i) => i);
  order.sort((i, j) => {
    const ri = remainders[i] ?? 0n;
    const rj = remainders[j] ?? 0n;
    if (ri !== rj) return ri > rj ? -1 : 1;
    const wi = ws[i] ?? 0n;
    const wj = ws[j] ?? 0n;
    if (wi !== wj) return wi > wj ? -1 : 1;
    return i - j;
  });
  // leftover < number of non-zero remainders, so a zero weight never receives a fen.
  for (const i of order) {
    if (leftover === 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return shares.map(Number);
}
