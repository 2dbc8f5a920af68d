import type { ElementSpec } from './element-spec.ts'
import { hashString, keyedRandom } from './random.ts'

/** Slots keep the independent draws of one element and unit apart. */
const SLOT = { size: 1, base: 2, rate: 3, noise: 4, round: 5, weight: 6, union: 7, stable: 8, flip: 9 } as const

/** Without a hint: integers 0…50, numbers 0…100, booleans true with 0.6. */
const DEFAULT_RANGE = { integer: [0, 50], number: [0, 100] } as const
const DEFAULT_SHARE = [0.1, 0.9] as const
const DEFAULT_CHANCE = 0.6
/** ±3 % from year to year around the unit's trend line. */
const NOISE = 0.06
/** A boolean flips against its trend line now and then. */
const FLIP_CHANCE = 0.05
/** Parts of a breakdown of a `number` element are multiples of 1/4: their sum is exact in binary floating point. */
export const PART_STEP = 0.25

/**
 * Draws the values of one element for one unit and period. Stable draws (size, base, rate,
 * weights) depend on the unit but not on the period, so a unit keeps its profile over the years
 * and the trend shows; noise and rounding depend on the period.
 */
export class Draw {
  readonly spec: ElementSpec
  readonly seed: number
  readonly unit: number
  readonly period: number
  readonly growth: number
  /** The municipality's factor on rates and chances (the demo's lagging, improving, worsening ones). */
  readonly rate: number
  /** A factor on drawn wholes: 10 for a planted slip of an extra zero. */
  readonly scale: number

  constructor(spec: ElementSpec, seed: number, unit: number, period: number, tweak = { rate: 1, scale: 1 }) {
    this.spec = spec
    this.seed = seed
    this.unit = unit
    this.period = period
    this.growth = (1 + (spec.demo.trend ?? 0)) ** period
    this.rate = tweak.rate
    this.scale = tweak.scale
  }

  private r(slot: number, option: number, perPeriod = false): number {
    const { seed, spec, unit, period } = this
    return keyedRandom(seed, spec.key, spec.depth, unit, slot, option, perPeriod ? period + 1 : 0)
  }

  private noise(option: number): number {
    return 1 + (this.r(SLOT.noise, option, true) - 0.5) * NOISE
  }

  /** The unit's relative size in [0, 1), shared by all elements: a big school is big everywhere. */
  private size(): number {
    return keyedRandom(this.seed, SLOT.size, this.spec.depth, this.unit)
  }

  private position(slot: number, option: number): number {
    // Options vary around the unit's own draw, so a unit keeps one profile across options.
    const own = this.r(slot, 0)
    return option === 0 ? own : 0.5 * own + 0.5 * this.r(slot, option)
  }

  /**
   * An unrounded amount for option `option` (0 = total): a share of `ref` when the element is a
   * part of another, else a value in its range; with the trend applied and bounded.
   */
  amount(option: number, ref: number | undefined): number {
    const { demo, valueType, min, max } = this.spec
    let value: number
    if (ref !== undefined && !(demo.range && !demo.share)) {
      const [lo, hi] = demo.share ?? DEFAULT_SHARE
      value = ref * (lo + (hi - lo) * this.position(SLOT.rate, option)) * this.rate
    } else {
      const fallback = DEFAULT_RANGE[valueType === 'number' ? 'number' : 'integer']
      const [lo, hi] = demo.range ?? [min ?? fallback[0], max ?? Math.max(min ?? fallback[0], fallback[1])]
      const t = option === 0 ? 0.6 * this.size() + 0.4 * this.r(SLOT.base, 0) : this.position(SLOT.base, option)
      value = (lo + (hi - lo) * t) * this.scale
    }
    value *= this.growth * this.noise(option)
    return this.bound(value, ref)
  }

  /** Keeps a value within the element's min/max and, above all, within the whole it is part of. */
  bound(value: number, ref: number | undefined): number {
    const { min, max, valueType } = this.spec
    const whole = valueType === 'integer' ? Math.floor : (v: number) => v
    if (max !== undefined && value > max) value = whole(max)
    if (min !== undefined && value < min) value = valueType === 'integer' ? Math.ceil(min) : min
    if (ref !== undefined && value > ref) value = whole(ref)
    return value
  }

  /**
   * Rounds to the element's precision: integers stochastically (unbiased, so sums over many
   * small units keep the intended share), numbers to `step` (default 0.01).
   */
  round(value: number, option: number, step?: number): number {
    if (this.spec.valueType === 'integer') return Math.floor(value + this.r(SLOT.round, option, true))
    // Multiplying by the inverse (100, 4) keeps results like 12.35 free of float residue.
    const inverse = 1 / (step ?? 0.01)
    return Math.round(value * inverse) / inverse
  }

  /** Weight of an option in a partition: the dimension's common profile, varied per unit and year. */
  weight(option: number): number {
    const popularity = 0.2 + keyedRandom(this.seed, hashString(this.spec.dimension ?? ''), option)
    return popularity * (0.5 + this.r(SLOT.weight, option)) * (0.9 + 0.2 * this.r(SLOT.weight, option, true))
  }

  /** Where the total of subsets lies between the largest subset (0) and the sum of subsets (1). */
  union(): number {
    return 0.3 + 0.4 * this.r(SLOT.union, 0, true)
  }

  /** A boolean as 1/0: true with the element's chance (grown by its trend), mostly stable per unit. */
  flag(option: number): number {
    const chance = Math.min(1, Math.max(0, (this.spec.demo.chance ?? DEFAULT_CHANCE) * this.growth * this.rate))
    const stable = this.r(SLOT.stable, option) < chance
    const flipped = this.r(SLOT.flip, option, true) < FLIP_CHANCE
    return stable !== flipped ? 1 : 0
  }
}
