import type { ValueLookup } from '../formula/evaluate.ts'
import type { Aggregation, DataElement } from '../schema/data-element.ts'
import { partialOf, valueOf, mergePartials, type PartialAggregate } from './aggregate.ts'

/**
 * The summary of one data element (and option, `null` = total) over a subtree.
 *
 * @example
 * // two schools' math teachers
 * const math: ElementAggregate = { element: 'deficits.teachers_total', option: 'math', partial: partialOf([4, 2]) }
 */
export interface ElementAggregate {
  element: string
  option: string | null
  partial: PartialAggregate
}

/**
 * One raw value as entered for an org unit (the reference shape for tests and imports).
 *
 * @example
 * const entered: RawValue = { orgUnit: 'S1', element: 'deficits.teachers_total', option: null, value: 10 }
 */
export interface RawValue {
  orgUnit: string
  element: string
  option: string | null
  value: number | null
}

const key = (element: string, option: string | null) => (option === null ? element : `${element}\u0000${option}`)

/**
 * A {@link ValueLookup} over a subtree's aggregates: each element's value follows its
 * aggregation rule; `[*]` sums the options' values; `stat: 'count'` gives the number of
 * reporting org units. Unknown elements and missing aggregates are "no data".
 *
 * @example
 * const rules = new Map<string, Aggregation>([['d.num', 'sum']])
 * const lookup = createAggregateLookup(rules, [{ element: 'd.num', option: null, partial: partialOf([3, 1]) }])
 * lookup('d.num', null) // 4
 */
export function createAggregateLookup(
  elements: readonly Pick<DataElement, 'code' | 'aggregation'>[] | ReadonlyMap<string, Aggregation>,
  aggregates: Iterable<ElementAggregate>,
): ValueLookup {
  // Callers that build many lookups (one per org unit and period) pass the rules map once.
  const rules =
    elements instanceof Map ? elements : new Map((elements as DataElement[]).map((e) => [e.code, e.aggregation]))
  const byKey = new Map<string, PartialAggregate>()
  for (const a of aggregates) {
    const k = key(a.element, a.option)
    const known = byKey.get(k)
    byKey.set(k, known ? mergePartials(known, a.partial) : a.partial)
  }
  // The options of each element, indexed on the first `[*]` (a dashboard asks for many): in the
  // order the aggregates came, so a sum over options adds up exactly as before.
  let byElement: Map<string, PartialAggregate[]> | undefined
  return (code, option, stat = 'value') => {
    const rule = rules.get(code)
    if (!rule) return null
    if (option === '*') {
      const parts = optionsOf(code)
      if (stat === 'count') return parts.length ? Math.max(...parts.map((p) => p.count)) : null
      const values = parts.map((p) => valueOf(rule, p)).filter((v): v is number => v !== null)
      return values.length ? values.reduce((a, b) => a + b, 0) : null
    }
    const p = byKey.get(key(code, option))
    if (!p) return null
    return stat === 'count' ? p.count : valueOf(rule, p)
  }

  function optionsOf(code: string): PartialAggregate[] {
    if (!byElement) {
      byElement = new Map()
      for (const [k, p] of byKey) {
        const cut = k.indexOf('\u0000')
        if (cut < 0) continue
        const element = k.slice(0, cut)
        const list = byElement.get(element)
        if (list) list.push(p)
        else byElement.set(element, [p])
      }
    }
    return byElement.get(code) ?? []
  }
}

/**
 * Aggregates raw values of the org units of one subtree: the reference roll-up that the
 * server's SQL must agree with. Each org unit's value counts once per element and option.
 *
 * @example
 * const lookup = lookupFromValues([{ code: 'd.num', aggregation: 'sum' }], [
 *   { orgUnit: 'A', element: 'd.num', option: null, value: 3 },
 *   { orgUnit: 'B', element: 'd.num', option: null, value: 1 },
 * ])
 * lookup('d.num', null) // 4
 */
export function lookupFromValues(
  elements: readonly Pick<DataElement, 'code' | 'aggregation'>[],
  values: Iterable<RawValue>,
): ValueLookup {
  const groups = new Map<string, { element: string; option: string | null; values: (number | null)[] }>()
  for (const v of values) {
    const k = key(v.element, v.option)
    const g = groups.get(k) ?? { element: v.element, option: v.option, values: [] }
    g.values.push(v.value)
    groups.set(k, g)
  }
  return createAggregateLookup(
    elements,
    [...groups.values()].map((g) => ({ element: g.element, option: g.option, partial: partialOf(g.values) })),
  )
}
