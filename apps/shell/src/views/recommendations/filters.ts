import type { Addressee, Recommendation, RecommendationState } from '@profmon/ui'
import type { LocationQuery } from 'vue-router'

// Keyed by the API's types, so a new addressee or state is a type error here until it is listed.
const ADDRESSEE_ORDER = {
  teachers: 0,
  school_leadership: 1,
  methodical_support: 2,
  municipal_authority: 3,
} satisfies Record<Addressee, number>
const STATE_ORDER = { draft: 0, published: 1, acknowledged: 2, withdrawn: 3 } satisfies Record<
  RecommendationState,
  number
>

/** Every addressee, in the order of seed 001 3.4 (teachers first, the municipal authority last). */
export const ADDRESSEES = Object.keys(ADDRESSEE_ORDER) as Addressee[]
/** Every state, in the order a recommendation goes through them. */
export const STATES = Object.keys(STATE_ORDER) as RecommendationState[]

/** The list's filters as the URL holds them (`?addressee=…&state=…&plugin=…&includeDescendants=false`). */
export interface RecommendationFilter {
  addressee: Addressee | undefined
  state: RecommendationState | undefined
  plugin: string | undefined
  /** Also the units below the current one; on unless the URL says `false`. */
  includeDescendants: boolean
}

const one = (v: LocationQuery[string] | undefined) => (typeof v === 'string' && v ? v : undefined)
const known = <T extends string>(v: string | undefined, list: readonly T[]) =>
  list.includes(v as T) ? (v as T) : undefined

/**
 * Reads the filters from a route's query; unknown values are dropped, not sent.
 *
 * @example
 * filterOf({ addressee: 'teachers', state: 'bogus' }) // { addressee: 'teachers', state: undefined, plugin: undefined, includeDescendants: true }
 */
export function filterOf(query: LocationQuery): RecommendationFilter {
  return {
    addressee: known(one(query.addressee), ADDRESSEES),
    state: known(one(query.state), STATES),
    plugin: one(query.plugin),
    includeDescendants: one(query.includeDescendants) !== 'false',
  }
}

/**
 * The query that keeps a filter in the URL beside the current unit and period (defaults left out).
 *
 * @example
 * queryOf({ addressee: 'teachers', state: undefined, plugin: undefined, includeDescendants: false })
 * // { addressee: 'teachers', state: undefined, plugin: undefined, includeDescendants: 'false' }
 */
export function queryOf(filter: RecommendationFilter): Record<string, string | undefined> {
  return {
    addressee: filter.addressee,
    state: filter.state,
    plugin: filter.plugin,
    includeDescendants: filter.includeDescendants ? undefined : 'false',
  }
}

/**
 * Recommendations grouped by addressee in {@link ADDRESSEES} order, empty groups left out — how
 * the printed list reads.
 *
 * @example
 * groupByAddressee(items).map((g) => g.addressee) // ['teachers', 'municipal_authority']
 */
export function groupByAddressee(
  items: readonly Recommendation[],
): { addressee: Addressee; items: Recommendation[] }[] {
  return ADDRESSEES.map((addressee) => ({ addressee, items: items.filter((r) => r.addressee === addressee) })).filter(
    (g) => g.items.length,
  )
}
