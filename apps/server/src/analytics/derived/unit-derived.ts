import type { Database, Kysely } from '@profmon/db'
import type { Catalog, CatalogElement } from '../../catalog/catalog.ts'
import { countDerived } from './derived-counts.ts'
import { registrySourcedElements, type ElementSource } from './element-sources.ts'

/** A derived data element as the entry form of one org unit shows it. */
export interface DerivedEntry {
  element: string
  /** `registry`: counted from the teacher registry, read-only; `entered`: typed like any other element. */
  source: ElementSource
  /** Registry-sourced only: the counts of the unit's subtree (option null: the total); empty = no data. */
  values: { option: string | null; value: number }[]
  /**
   * Registry-sourced only: how many distinct people are behind the total and where the shell lists
   * the unit's people (the staff page shows personal fields only to the roles allowed to see them).
   */
  people: { count: number; href: string } | null
}

/** A period with the dates a derived count is read on. */
export interface EntryPeriod {
  id: number
  code: string
  starts_on: string | Date
  ends_on: string | Date
  reference_date: string | Date | null
}

const day = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10))

/**
 * The derived elements among `elements` for one org unit and period: where the region's campaign
 * takes each from and, for those counted from the registry, the unit's counts and the number of
 * distinct people behind them. No personal field is read or returned: counts only.
 */
export async function derivedForUnit(
  db: Kysely<Database>,
  catalog: Catalog,
  args: {
    regionId: number
    unit: { id: number; path: string }
    period: EntryPeriod
    elements: readonly CatalogElement[]
  },
): Promise<DerivedEntry[]> {
  const derived = args.elements.filter((e) => e.definition.derived)
  if (!derived.length) return []
  const sourced = new Set(
    ((await registrySourcedElements(db, catalog, args.regionId, [args.period.id])).get(args.period.id) ?? []).map(
      (e) => e.id,
    ),
  )
  const fromRegistry = derived.filter((e) => sourced.has(e.id))
  const dates = {
    id: args.period.id,
    start: day(args.period.starts_on),
    end: day(args.period.ends_on),
    reference: day(args.period.reference_date ?? args.period.starts_on),
  }
  // People behind an element counting events: the same filter counted as distinct people.
  const asPeople = fromRegistry
    .filter((e) => e.definition.derived!.count === 'events')
    .map((e) => ({
      id: e.id,
      definition: {
        ...e.definition,
        derived: { ...e.definition.derived!, count: 'people' as const, breakdown: undefined },
      },
    }))
  const [counts, people] = await Promise.all([
    countDerived(db, catalog, fromRegistry, [args.unit], dates),
    countDerived(db, catalog, asPeople, [args.unit], dates),
  ])
  const href = `/teachers?unit=${args.unit.id}&period=${encodeURIComponent(args.period.code)}`
  return derived.map((e) => {
    if (!sourced.has(e.id)) return { element: e.definition.code, source: 'entered', values: [], people: null }
    const own = counts.filter((c) => c.elementId === e.id)
    const values = own.map((c) => ({
      option: c.optionId === 0 ? null : (catalog.optionsById.get(c.optionId)?.code ?? null),
      value: c.value,
    }))
    const total =
      e.definition.derived!.count === 'events'
        ? (people.find((c) => c.elementId === e.id && c.optionId === 0)?.value ?? 0)
        : (own.find((c) => c.optionId === 0)?.value ?? 0)
    return { element: e.definition.code, source: 'registry', values, people: { count: total, href } }
  })
}
