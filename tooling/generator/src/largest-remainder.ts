/**
 * Splits a whole number of units into parts proportional to `weights` that add up to exactly
 * `total` (Hamilton's largest-remainder method). Zero or empty weights split evenly.
 *
 * @example
 * largestRemainder(10, [1, 1, 1]) // [4, 3, 3]
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const n = weights.length
  if (n === 0) return []
  let sum = 0
  for (const w of weights) sum += w > 0 ? w : 0
  const shares = weights.map((w) => (sum > 0 ? ((w > 0 ? w : 0) / sum) * total : total / n))
  const parts = shares.map(Math.floor)
  let left = total - parts.reduce((a, b) => a + b, 0)
  // Stable order on ties (by index) keeps the result deterministic.
  const order = shares.map((s, i) => i).sort((a, b) => shares[b]! - parts[b]! - (shares[a]! - parts[a]!) || a - b)
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]!]!++
  return parts
}
