import { Draw, PART_STEP } from './draw.ts'
import type { ElementSpec } from './element-spec.ts'
import { largestRemainder } from './largest-remainder.ts'
import { municipalProfile } from './municipal-profile.ts'
import { hashString, keyedRandom } from './random.ts'
import { ancestorIndex, type UnitTree } from './unit-tree.ts'

/**
 * Values of one element for one period: `units × (options + 1)` numbers, column 0 the total,
 * column `i` the option `optionIds[i - 1]`; NaN where the unit has no data.
 */
export type ElementValues = Float64Array

/** What one period's values depend on besides the elements and the tree. */
export interface PeriodContext {
  seed: number
  /** 0 for the first generated period: the exponent of the trend. */
  periodIndex: number
  missingRate: number
}

const SLOT_MISSING = 101
const SLOT_OUTLIER = 102

/** About one organisation in 250 slips an extra zero into a direction's counts in a year (not the first). */
const OUTLIER_RATE = 0.004
const OUTLIER_SCALE = 10

/** Organisations without school subjects: a kindergarten has no physics teachers, so no subject breakdown. */
const NO_SUBJECTS = new Set(['kindergarten'])
const SUBJECT_DIMENSION = 'subject'

/** The `of` element's values as seen from the units of the element that is a part of it. */
interface Reference {
  values: Float64Array
  width: number
  /** Both are broken down by the same dimension: option `i` is a part of the reference's option `i`. */
  sameDimension: boolean
}

const widthOf = (spec: ElementSpec) => spec.optionIds.length + 1

/**
 * Computes the values of every element for one period, in dependency order (a part after its
 * whole), so that parts never exceed wholes and partitions add up exactly.
 */
export function computePeriod(
  specs: readonly ElementSpec[],
  tree: UnitTree,
  ctx: PeriodContext,
): Map<ElementSpec, ElementValues> {
  const values = new Map<ElementSpec, ElementValues>()
  const projected = new Map<string, Float64Array>()
  const profile = municipalProfile(tree.ids[2]?.length ?? 0, ctx.seed)
  const municipalityOf = (depth: number, u: number) => (depth < 2 ? -1 : ancestorIndex(tree, depth, u, 2))
  // A planted slip: a direction's drawn wholes of the organisation come out ten times too big, their parts with them.
  const planted = (u: number, pluginId: string) =>
    ctx.periodIndex > 0 && keyedRandom(ctx.seed, SLOT_OUTLIER, u, ctx.periodIndex, hashString(pluginId)) < OUTLIER_RATE

  // Per (organisation, plugin, period): nothing reported for the whole plugin.
  const missing = new Map<string, Uint8Array>()
  const missingOf = (pluginId: string) => {
    let flags = missing.get(pluginId)
    if (!flags) {
      const key = hashString(pluginId)
      flags = Uint8Array.from(tree.ids[3]!, (_, u) =>
        keyedRandom(ctx.seed, SLOT_MISSING, key, u, ctx.periodIndex) < ctx.missingRate ? 1 : 0,
      )
      missing.set(pluginId, flags)
    }
    return flags
  }

  // The `of` element's values at this element's depth: a subtree sum from below, the ancestor's from above.
  const reference = (spec: ElementSpec): Reference | undefined => {
    const of = spec.of
    if (!of) return undefined
    const width = widthOf(of)
    const sameDimension = spec.dimension !== null && spec.dimension === of.dimension
    const source = values.get(of)!
    if (of.depth === spec.depth) return { values: source, width, sameDimension }
    const key = `${of.id}@${spec.depth}`
    let projection = projected.get(key)
    if (!projection) {
      const n = tree.ids[spec.depth]!.length
      projection = new Float64Array(n * width).fill(Number.NaN)
      if (of.depth > spec.depth) {
        for (let u = 0; u < tree.ids[of.depth]!.length; u++) {
          const a = ancestorIndex(tree, of.depth, u, spec.depth)
          for (let c = 0; c < width; c++) {
            const v = source[u * width + c]!
            if (Number.isNaN(v)) continue
            const at = a * width + c
            projection[at] = (Number.isNaN(projection[at]!) ? 0 : projection[at]!) + v
          }
        }
      } else {
        for (let u = 0; u < n; u++) {
          const a = ancestorIndex(tree, spec.depth, u, of.depth)
          projection.set(source.subarray(a * width, (a + 1) * width), u * width)
        }
      }
      projected.set(key, projection)
    }
    return { values: projection, width, sameDimension }
  }

  for (const spec of specs) {
    const n = tree.ids[spec.depth]!.length
    const width = widthOf(spec)
    const out = new Float64Array(n * width).fill(Number.NaN)
    const ref = reference(spec)
    const skip = spec.depth === 3 ? missingOf(spec.pluginId) : undefined
    for (let u = 0; u < n; u++) {
      if (skip?.[u]) continue
      // A part of a whole that has no data has no data either.
      if (ref && Number.isNaN(ref.values[u * ref.width]!)) continue
      const factor = profile.factor(municipalityOf(spec.depth, u), spec.pluginId, ctx.periodIndex)
      const draw = new Draw(spec, ctx.seed, u, ctx.periodIndex, {
        rate: spec.of || spec.valueType === 'boolean' ? (spec.lowerIsBetter ? 1 / factor : factor) : 1,
        scale:
          spec.depth === 3 && !spec.of && spec.valueType !== 'boolean' && planted(u, spec.pluginId) ? OUTLIER_SCALE : 1,
      })
      const row = out.subarray(u * width, (u + 1) * width)
      const refRow = ref?.values.subarray(u * ref.width, (u + 1) * ref.width)
      fillUnit(draw, row, refRow, ref?.sameDimension ?? false)
    }
    values.set(spec, out)
  }
  // Kindergartens report subject-broken-down elements as totals only: their options are no data, not 0.
  // Dropped after every element is drawn, so the parts above were still bounded by whole options.
  const kinds = tree.kinds?.[3]
  if (kinds)
    for (const [spec, out] of values) {
      if (spec.depth !== 3 || spec.dimension !== SUBJECT_DIMENSION) continue
      const width = widthOf(spec)
      kinds.forEach((kind, u) => {
        if (NO_SUBJECTS.has(kind)) out.fill(Number.NaN, u * width + 1, (u + 1) * width)
      })
    }
  return values
}

/** Fills one unit's total (`row[0]`) and options (`row[1…]`). */
function fillUnit(draw: Draw, row: Float64Array, ref: Float64Array | undefined, sameDimension: boolean): void {
  const { spec } = draw
  const k = spec.optionIds.length
  const refTotal = ref?.[0]
  const refOf = (o: number) => (sameDimension ? ref![o]! : refTotal)

  if (spec.valueType === 'boolean') {
    const flag = (o: number) => {
      const r = refOf(o)
      return r !== undefined && r <= 0 ? 0 : draw.flag(o)
    }
    if (k === 0) {
      row[0] = flag(0)
      return
    }
    for (let o = 1; o <= k; o++) row[o] = flag(o)
    const options = Array.from(row.subarray(1))
    row[0] = spec.aggregation === 'all' ? Math.min(...options) : Math.max(...options)
    return
  }

  if (k === 0) {
    row[0] = draw.bound(draw.round(draw.amount(0, refTotal), 0), refTotal)
    return
  }

  if (spec.demo.split === 'subsets') {
    // Each option is a subset of the whole (a teacher may have several deficits): the total
    // (those with any) lies between the largest subset and min(sum of subsets, the whole).
    let largest = 0
    let sum = 0
    for (let o = 1; o <= k; o++) {
      const r = refOf(o)
      const v = Math.max(0, draw.bound(draw.round(draw.amount(o, r), o), r))
      row[o] = v
      largest = Math.max(largest, v)
      sum += v
    }
    const upper = refTotal === undefined ? sum : Math.min(sum, refTotal)
    const total = largest + (upper - largest) * draw.union()
    const rounded = spec.valueType === 'integer' ? Math.floor(total) : Math.round(total * 100) / 100
    row[0] = Math.min(upper, Math.max(largest, rounded))
    return
  }

  // A partition: options add up exactly to the total.
  const step = spec.valueType === 'integer' ? 1 : PART_STEP
  if (sameDimension) {
    // Each option is a part of the same option of the whole.
    let total = 0
    for (let o = 1; o <= k; o++) {
      const r = refOf(o)
      // Down to whole steps again: a whole that is not a multiple of the step bounds the part.
      const v = Math.max(0, Math.floor(draw.bound(draw.round(draw.amount(o, r), o, step), r) / step) * step)
      row[o] = v
      total += v
    }
    if (spec.max !== undefined && total > spec.max) {
      // Scaling down keeps every option within its whole (ceil(v × s) ≤ v for s ≤ 1).
      const units = largestRemainder(Math.floor(spec.max / step), Array.from(row.subarray(1)))
      total = 0
      units.forEach((u, i) => {
        row[i + 1] = u * step
        total += u * step
      })
    }
    row[0] = total
    return
  }
  const total = Math.max(0, draw.bound(draw.round(draw.amount(0, refTotal), 0, step), refTotal))
  // Whole steps, rounded down: a bound that is not a multiple of the step is never exceeded.
  const steps = Math.floor(total / step + 1e-9)
  const weights = Array.from({ length: k }, (_, i) => draw.weight(i + 1))
  largestRemainder(steps, weights).forEach((u, i) => (row[i + 1] = u * step))
  row[0] = steps * step
}
