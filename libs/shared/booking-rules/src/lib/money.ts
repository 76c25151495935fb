/**
 * Money is integer won. Every line amount is computed exactly from integers and rounded once,
 * half up (0.5 won → 1 won), by this function; totals are sums of rounded lines, never re-rounded.
 *
 * Returns round_half_up(product(factors) / divisor) for non-negative integer factors, in BigInt
 * so that minutes × rate × items never loses precision.
 */
export function mulDivRoundHalfUp(factors: number[], divisor: number): number {
  for (const f of [...factors, divisor]) {
    if (!Number.isSafeInteger(f) || f < 0)
      throw new RangeError(`Money arithmetic needs non-negative integers, got ${f}`);
  }
  if (divisor === 0) throw new RangeError('Division by zero');
  const product = factors.reduce((acc, f) => acc * BigInt(f), BigInt(1));
  const d = BigInt(divisor);
  const rounded = (product * BigInt(2) + d) / (d * BigInt(2));
  return Number(rounded);
}
