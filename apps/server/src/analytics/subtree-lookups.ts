import {
  createAggregateLookup,
  evaluateIndicator,
  type CompiledIndicator,
  type ElementAggregate,
  type EvaluateContext,
  type IndicatorResult,
  type ValueLookup,
} from '@profmon/contract'
import type { Catalog } from '../catalog/catalog.ts'
import { parseAggregateTexts, type AggregateRow, type AggregateTexts } from './aggregate-query.ts'

/**
 * The aggregates of one unit's subtree in one period as a formula lookup, with each formula result
 * kept once computed: a result is a function of the lookup, the compiled indicator and the option.
 */
export class SubtreeLookup {
  private readonly results = new Map<CompiledIndicator, Map<string | null, IndicatorResult>>()
  readonly lookup: ValueLookup

  constructor(lookup: ValueLookup) {
    this.lookup = lookup
  }

  /** `evaluateIndicator` on this subtree; the result is shared, never to be changed. */
  evaluate(compiled: CompiledIndicator, option: string | null, ctx?: EvaluateContext): Readonly<IndicatorResult> {
    let byOption = this.results.get(compiled)
    if (!byOption) this.results.set(compiled, (byOption = new Map()))
    let result = byOption.get(option)
    if (!result) byOption.set(option, (result = Object.freeze(evaluateIndicator(compiled, this.lookup, ctx))))
    return result
  }
}

/** Lookups by unit id, then period id. */
export type SubtreeLookups = ReadonlyMap<number, ReadonlyMap<number, SubtreeLookup>>

/** Parsed texts kept per catalog: a few dashboards' worth (each a few megabytes at most). */
const KEEP = 8
const parsed = new WeakMap<Catalog, { texts: AggregateTexts; lookups: SubtreeLookups }[]>()

/**
 * The lookups of every unit and period in the aggregate texts just read. Parsing and evaluating
 * depend on nothing but the texts and the catalog, so when a request reads exactly the texts an
 * earlier one read (nothing was written in between) it reuses that parse and its formula results:
 * the data is still read on every request, so an answer is never staler than the database. A
 * catalog with local definitions is a new object per request and never shares.
 *
 * @example
 * const lookups = subtreeLookups(catalog, await readAggregateTexts(db, args))
 * lookups.get(munA.id)?.get(period.id)?.evaluate(share.compiled, null)
 */
export function subtreeLookups(catalog: Catalog, texts: AggregateTexts): SubtreeLookups {
  let entries = parsed.get(catalog)
  if (!entries) parsed.set(catalog, (entries = []))
  const at = entries.findIndex((e) => e.texts.below === texts.below && e.texts.own === texts.own)
  if (at >= 0) {
    const [hit] = entries.splice(at, 1)
    entries.unshift(hit!)
    return hit!.lookups
  }
  const lookups = lookupsOfRows(catalog, parseAggregateTexts(texts))
  entries.unshift({ texts, lookups })
  if (entries.length > KEEP) entries.pop()
  return lookups
}

/**
 * The lookups of aggregates already parsed (and, for a region with a registry, with derived counts
 * in place of entered sums): built fresh, never shared, as the counts are not in the texts.
 */
export function lookupsOfRows(catalog: Catalog, rows: readonly AggregateRow[]): SubtreeLookups {
  // Group aggregates per unit and period, and translate ids to codes once.
  const groups = new Map<number, Map<number, ElementAggregate[]>>()
  for (const r of rows) {
    const el = catalog.elementsById.get(r.elementId)
    if (!el) continue
    const option = r.optionId === 0 ? null : (catalog.optionsById.get(r.optionId)?.code ?? null)
    if (r.optionId !== 0 && option === null) continue
    let byPeriod = groups.get(r.unitId)
    if (!byPeriod) groups.set(r.unitId, (byPeriod = new Map()))
    let list = byPeriod.get(r.periodId)
    if (!list) byPeriod.set(r.periodId, (list = []))
    list.push({ element: el.definition.code, option, partial: r.partial })
  }
  const lookups = new Map<number, Map<number, SubtreeLookup>>()
  for (const [unitId, byPeriod] of groups) {
    const out = new Map<number, SubtreeLookup>()
    for (const [periodId, list] of byPeriod)
      out.set(periodId, new SubtreeLookup(createAggregateLookup(catalog.aggregationRules, list)))
    lookups.set(unitId, out)
  }
  return lookups
}
