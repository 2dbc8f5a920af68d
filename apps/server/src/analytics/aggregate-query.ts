import type { Database, Kysely } from '@profmon/db'
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
 * half of the roll-up rule; formulas run afterwards in TS. The rows come from `data_aggregate`,
 * which triggers keep equal to a recomputation in every writing transaction (migration
 * `0012-aggregates`), so a dashboard reads one row per unit, element and option instead of
 * scanning the subtree's values — and a value written is in the next answer.
 *
 * ```sql
 * select org_unit_id, period_id, element_id, option_id, n, s, nt, lo, hi
 * from data_aggregate
 * where org_unit_id in (…) and period_id in (…) and element_id in (…)
 * ```
 */
export async function aggregateSubtrees(db: Kysely<Database>, args: AggregateArgs): Promise<AggregateRow[]> {
  if (!args.unitIds.length || !args.periodIds.length || !args.elementIds.length) return []
  const rows = await db
    .selectFrom('data_aggregate')
    .select(['org_unit_id', 'period_id', 'element_id', 'option_id', 'n', 's', 'nt', 'lo', 'hi'])
    .where('org_unit_id', 'in', args.unitIds)
    .where('period_id', 'in', args.periodIds)
    .where('element_id', 'in', args.elementIds)
    .execute()
  // A row exists only where some org unit of the subtree reported a value; booleans are stored
  // as 1/0, so `nt` counts their "yes" as it counts the non-zero numbers of `count_true`.
  return rows.map((r) => ({
    unitId: r.org_unit_id,
    periodId: r.period_id,
    elementId: r.element_id,
    optionId: r.option_id,
    partial: {
      count: r.n,
      sum: Number(r.s),
      countTrue: r.nt,
      min: r.lo ?? Infinity,
      max: r.hi ?? -Infinity,
    },
  }))
}
