/**
 * A sequential seeded PRNG (mulberry32): uniform numbers in [0, 1). Used where the order of
 * draws is fixed, e.g. planning the org tree.
 *
 * @example
 * const next = mulberry32(1)
 * next() // 0.6270739405881613, every time
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** murmur3's finaliser: spreads every input bit over the whole 32-bit word. */
function fmix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * A uniform number in [0, 1) that depends only on its integer key parts. Values are drawn by
 * key (seed, element, unit, period, …) rather than from one stream, so a value does not change
 * when another plugin is installed or elements are visited in another order.
 *
 * @example
 * keyedRandom(1, elementKey, unitIndex, SLOT_RATE) // stable for this element and unit
 */
export function keyedRandom(...parts: number[]): number {
  let h = 0x9747b28c
  for (const p of parts) h = fmix(h ^ Math.imul(p | 0, 0x9e3779b1) ^ Math.imul((p / 4294967296) | 0, 0x85ebca77))
  return fmix(h ^ parts.length) / 4294967296
}

/** FNV-1a hash of a string: a stable integer key for a code. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}
