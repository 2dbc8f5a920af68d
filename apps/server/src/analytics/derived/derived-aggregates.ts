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
 * Feeds derived elements into the analytics as their aggregates: for each period whose campaign
 * takes an element from the registry, the entered aggregates of that element are replaced by the
 * count of distinct people (or events) over each requested subtree — so formulas, targets and
 * statuses treat them like any other element, and Σ/Σ roll-up holds on people, not on schools.
 */
export async function withDerivedAggregates(
  db: Kysely<Database>,
  catalog: Catalog,
  args: {
    regionId: number
    units: readonly Pick<OrgUnit, 'id' | 'path'>[]
    periods: readonly PeriodDates[]
    elementIds: ReadonlySet<number>
  },
  rows: AggregateRow[],
): Promise<AggregateRow[]> {
  const sourced = await registrySourcedElements(
    db,
    catalog,
    args.regionId,
    args.periods.map((p) => p.id),
  )
  if (!sourced.size) return rows
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
  if (!replaced.size) return rows
  const kept = rows.filter((r) => !replaced.has(`${r.periodId}:${r.elementId}`))
  for (const c of counts.flat())
    kept.push({
      unitId: c.unitId,
      periodId: c.periodId,
      elementId: c.elementId,
      optionId: c.optionId,
      partial: { count: 1, sum: c.value, countTrue: c.value !== 0 ? 1 : 0, min: c.value, max: c.value },
    })
  return kept
}
