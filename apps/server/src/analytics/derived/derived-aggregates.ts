import type { Database, Kysely, OrgUnit } from '@profmon/db'
import type { Catalog } from '../../catalog/catalog.ts'
import type { AggregateRow } from '../aggregate-query.ts'
import { countDerived } from './derived-counts.ts'
import { registrySourcedElements } from './element-sources.ts'

/** A period with the dates derived counts are read on. */
export interface PeriodDates {
  id: number
  starts_on: string
  ends_on: string
  reference_date: string | null
}

const day = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10))

/**
 * The derived counts the analytics need instead of entered aggregates: for each period whose
 * campaign takes an element from the registry, the count of distinct people (or events) over each
 * requested subtree, as aggregates, with the `period:element` keys they replace; null when the
 * region takes nothing from a registry (the entered aggregates stand).
 */
export async function derivedAggregates(
  db: Kysely<Database>,
  catalog: Catalog,
  args: {
    regionId: number
    units: readonly Pick<OrgUnit, 'id' | 'path'>[]
    periods: readonly PeriodDates[]
    elementIds: ReadonlySet<number>
  },
): Promise<{ replaced: ReadonlySet<string>; rows: AggregateRow[] } | null> {
  const sourced = await registrySourcedElements(
    db,
    catalog,
    args.regionId,
    args.periods.map((p) => p.id),
  )
  if (!sourced.size) return null
  const replaced = new Set<string>()
  const counts = await Promise.all(
    args.periods.map((p) => {
      const elements = (sourced.get(p.id) ?? []).filter((e) => args.elementIds.has(e.id))
      for (const e of elements) replaced.add(`${p.id}:${e.id}`)
      return countDerived(db, catalog, elements, args.units, {
        id: p.id,
        start: day(p.starts_on),
        end: day(p.ends_on),
        reference: day(p.reference_date ?? p.starts_on),
      })
    }),
  )
  if (!replaced.size) return null
  const rows = counts.flat().map((c) => ({
    unitId: c.unitId,
    periodId: c.periodId,
    elementId: c.elementId,
    optionId: c.optionId,
    partial: { count: 1, sum: c.value, countTrue: c.value !== 0 ? 1 : 0, min: c.value, max: c.value },
  }))
  return { replaced, rows }
}

/**
 * Feeds derived elements into the analytics as their aggregates (see {@link derivedAggregates}):
 * the entered aggregates of registry-sourced elements are replaced by the counts, so formulas,
 * targets and statuses treat them like any other element, and Σ/Σ roll-up holds on people, not
 * on schools.
 */
export async function withDerivedAggregates(
  db: Kysely<Database>,
  catalog: Catalog,
  args: Parameters<typeof derivedAggregates>[2],
  rows: AggregateRow[],
): Promise<AggregateRow[]> {
  const derived = await derivedAggregates(db, catalog, args)
  return derived ? replaceDerived(rows, derived) : rows
}

/** The entered aggregates with those of registry-sourced elements replaced by their counts. */
export function replaceDerived(
  rows: readonly AggregateRow[],
  derived: { replaced: ReadonlySet<string>; rows: readonly AggregateRow[] },
): AggregateRow[] {
  return [...rows.filter((r) => !derived.replaced.has(`${r.periodId}:${r.elementId}`)), ...derived.rows]
}
