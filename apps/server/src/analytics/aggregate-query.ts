import { sql, type Database, type Kysely } from '@profmon/db'
import type { PartialAggregate } from '@profmon/contract'

/** One row of the subtree aggregation: the partial aggregate of an element over a unit's subtree. */
export interface AggregateRow {
  unitId: number
  periodId: number
  elementId: number
  optionId: number
  partial: PartialAggregate
}

/**
 * Aggregates raw values over the subtree of each target unit, in one query: every value of
 * every descendant (and the unit itself) is summarised per element and option. This is the
 * "aggregate data elements first" half of the roll-up rule; formulas run afterwards in TS.
 *
 * ```sql
 * select t.id, v.period_id, v.element_id, v.option_id,
 *        count(v.value), sum(v.value), count(*) filter (where v.value <> 0), min(v.value), max(v.value)
 * from org_unit t
 * join org_unit d on d.path like t.path || '%'
 * join data_value v on v.org_unit_id = d.id
 * where t.id in (…) and v.period_id in (…) and v.element_id in (…)
 * group by 1, 2, 3, 4
 * ```
 */
export async function aggregateSubtrees(
  db: Kysely<Database>,
  args: { unitIds: number[]; periodIds: number[]; elementIds: number[] },
): Promise<AggregateRow[]> {
  if (!args.unitIds.length || !args.periodIds.length || !args.elementIds.length) return []
  const result = await sql<{
    unit_id: number
    period_id: number
    element_id: number
    option_id: number
    n: number
    s: number | null
    nt: number
    lo: number | null
    hi: number | null
  }>`
    select t.id as unit_id, v.period_id, v.element_id, v.option_id,
           count(v.value) as n, sum(v.value) as s,
           count(*) filter (where v.value <> 0) as nt,
           min(v.value) as lo, max(v.value) as hi
    from org_unit t
    join org_unit d on d.path like t.path || '%'
    join data_value v on v.org_unit_id = d.id
    where t.id = any(${args.unitIds}::int[])
      and v.period_id = any(${args.periodIds}::int[])
      and v.element_id = any(${args.elementIds}::int[])
      and v.value is not null
    group by t.id, v.period_id, v.element_id, v.option_id
  `.execute(db)
  return result.rows.map((r) => ({
    unitId: r.unit_id,
    periodId: r.period_id,
    elementId: r.element_id,
    optionId: r.option_id,
    partial: {
      count: Number(r.n),
      sum: r.s ?? 0,
      countTrue: Number(r.nt),
      min: r.lo ?? Infinity,
      max: r.hi ?? -Infinity,
    },
  }))
}
