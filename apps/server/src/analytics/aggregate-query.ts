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

export interface AggregateArgs {
  /** The units asked about; each stands for its whole subtree (itself and every descendant). */
  unitIds: number[]
  periodIds: number[]
  elementIds: number[]
}

/**
 * Reads the partial aggregates of elements over subtrees: the "aggregate data elements first"
 * half of the roll-up rule; formulas run afterwards in TS. A subtree is its unit's row of
 * `data_aggregate` (the descendants' values, kept equal to a recomputation by triggers in every
 * writing transaction: migration `0012-aggregates`) merged with the unit's own values — so a
 * dashboard reads about one row per unit, element and option instead of scanning the subtree, and
 * a value written is in the next answer.
 *
 * ```sql
 * select json_agg(…) from (
 *   select u, p, e, o, sum(n), sum(s), sum(nt), min(lo), max(hi) from (
 *     select … from data_aggregate where org_unit_id = any(…) and period_id = any(…) and element_id = any(…)
 *     union all
 *     select … from data_value where org_unit_id = any(…) and … and value is not null
 *   ) parts group by u, p, e, o) r
 * ```
 */
export async function aggregateSubtrees(db: Kysely<Database>, args: AggregateArgs): Promise<AggregateRow[]> {
  if (!args.unitIds.length || !args.periodIds.length || !args.elementIds.length) return []
  const units = sql`${args.unitIds}::int[]`
  const periods = sql`${args.periodIds}::int[]`
  const elements = sql`${args.elementIds}::int[]`
  // One JSON text instead of a row per aggregate: the embedded engine spends ~30 µs converting
  // each result row, more than the query itself takes (3,000 rows: 90 ms as rows, 10 ms as JSON).
  const result = await sql<{ rows: string }>`
    select coalesce(json_agg(json_build_array(u, p, e, o, n, s, nt, lo, hi)), '[]')::text as rows
    from (
      select u, p, e, o, sum(n)::int as n, sum(s) as s, sum(nt)::int as nt, min(lo) as lo, max(hi) as hi
      from (
        select org_unit_id as u, period_id as p, element_id as e, option_id as o, n, s, nt, lo, hi
        from data_aggregate
        where org_unit_id = any(${units}) and period_id = any(${periods}) and element_id = any(${elements})
        union all
        select org_unit_id, period_id, element_id, option_id, 1, value::numeric, (value <> 0)::int, value, value
        from data_value
        where org_unit_id = any(${units}) and period_id = any(${periods}) and element_id = any(${elements})
          and value is not null
      ) parts
      group by u, p, e, o
    ) r
  `.execute(db)
  const rows = JSON.parse(result.rows[0]!.rows) as Tuple[]
  // A group exists only where some org unit of the subtree reported a value; booleans are stored
  // as 1/0, so `nt` counts their "yes" as it counts the non-zero numbers of `count_true`. A unit's
  // own value gives its min and max whatever the rule: only `min` and `max` elements read them.
  return rows.map(([unitId, periodId, elementId, optionId, n, s, nt, lo, hi]) => ({
    unitId,
    periodId,
    elementId,
    optionId,
    partial: { count: n, sum: s, countTrue: nt, min: lo ?? Infinity, max: hi ?? -Infinity },
  }))
}

type Tuple = [number, number, number, number, number, number, number, number | null, number | null]
