import { sql, type Database, type Kysely } from '@profmon/db'
import type { Aggregation, PartialAggregate, ValueType } from '@profmon/contract'

/** One row of the subtree aggregation: the partial aggregate of an element over a unit's subtree. */
export interface AggregateRow {
  unitId: number
  periodId: number
  elementId: number
  optionId: number
  partial: PartialAggregate
}

/** What the query needs to know of each element: how it is stored and rolled up. */
export interface ElementRule {
  id: number
  valueType: ValueType
  aggregation: Aggregation
  /** The number of reporting org units is used (`orgCount`). */
  counted: boolean
}

export interface AggregateArgs {
  /** The unit asked about: its path and its depth in the tree (region 1). */
  unit: { id: number; path: string; level: number }
  /** `self`: one row set for the unit's subtree; `children`: one per child subtree. */
  level: 'self' | 'children'
  periodIds: number[]
  elements: ElementRule[]
}

/**
 * Aggregates raw values over subtrees in one query: every value of every org unit below the
 * unit (and the unit itself for `self`) is summarised per element and option, grouped by the
 * subtree it belongs to. This is the "aggregate data elements first" half of the roll-up rule;
 * formulas run afterwards in TS.
 *
 * The subtree of a value's org unit is read off its materialized path (`/1/5/123/`: the child of
 * the region `/1/` is the third part) once per org unit, in a subquery, so the plan is the same
 * hash join a hand-written `GROUP BY municipality` gets. Only the aggregates some element's rule
 * needs are computed: `sum` always (booleans are stored as 1/0, so their sum counts the "yes"),
 * the number of reporting units, a count of non-zero values, `min`, `max` only for the elements
 * that use them — each aggregate costs per row.
 *
 * ```sql
 * select o.unit_id, v.element_id, v.option_id, sum(v.value)
 *        [, count(*) filter (where v.element_id = any(…counted…)), max(v.value) filter (…), …]
 * from data_value v
 * join (select id, split_part(path, '/', 3)::int as unit_id from org_unit
 *       where path like '/1/%' and id <> 1 offset 0) o on o.id = v.org_unit_id
 * where v.period_id = … and v.element_id = any(…) and v.value is not null
 * group by 1, 2, 3
 * ```
 */
export async function aggregateSubtrees(db: Kysely<Database>, args: AggregateArgs): Promise<AggregateRow[]> {
  if (!args.periodIds.length || !args.elements.length) return []
  const ids = (pick: (e: ElementRule) => boolean) => args.elements.filter(pick).map((e) => e.id)
  const booleans = new Set(ids((e) => e.valueType === 'boolean'))
  const countIds = ids((e) => e.counted || e.aggregation === 'all')
  const countTrueIds = ids((e) => e.valueType !== 'boolean' && ['count_true', 'any', 'all'].includes(e.aggregation))
  const minIds = ids((e) => e.aggregation === 'min')
  const maxIds = ids((e) => e.aggregation === 'max')
  const optional = [
    ...(countIds.length ? [sql`, count(*) filter (where v.element_id = any(${countIds}::int[])) as n`] : []),
    ...(countTrueIds.length
      ? [sql`, count(*) filter (where v.value <> 0 and v.element_id = any(${countTrueIds}::int[])) as nt`]
      : []),
    ...(minIds.length ? [sql`, min(v.value) filter (where v.element_id = any(${minIds}::int[])) as lo`] : []),
    ...(maxIds.length ? [sql`, max(v.value) filter (where v.element_id = any(${maxIds}::int[])) as hi`] : []),
  ]
  const onePeriod = args.periodIds.length === 1
  const unitOf =
    args.level === 'self'
      ? sql`${sql.lit(args.unit.id)}::int`
      : sql`split_part(path, '/', ${sql.lit(args.unit.level + 2)})::int`
  const result = await sql<{
    unit_id: number
    period_id: number
    element_id: number
    option_id: number
    s: number
    n?: number
    nt?: number
    lo?: number | null
    hi?: number | null
  }>`
    select o.unit_id, ${onePeriod ? sql`${sql.lit(args.periodIds[0]!)}::int` : sql`v.period_id`} as period_id,
           v.element_id, v.option_id, sum(v.value) as s ${sql.join(optional, sql``)}
    from data_value v
    join (
      select id, ${unitOf} as unit_id from org_unit
      where path like ${`${args.unit.path}%`} ${args.level === 'children' ? sql`and id <> ${args.unit.id}` : sql``}
      offset 0
    ) o on o.id = v.org_unit_id
    where v.period_id = any(${args.periodIds}::int[])
      and v.element_id = any(${args.elements.map((e) => e.id)}::int[])
      and v.value is not null
    group by o.unit_id, ${onePeriod ? sql`` : sql`v.period_id, `}v.element_id, v.option_id
  `.execute(db)
  // A group exists only where some org unit reported a value; its exact number of reporting
  // units is computed only for the elements whose formulas or rule use it.
  return result.rows.map((r) => ({
    unitId: r.unit_id,
    periodId: r.period_id,
    elementId: r.element_id,
    optionId: r.option_id,
    partial: {
      count: r.n === undefined || r.n === null || Number(r.n) === 0 ? 1 : Number(r.n),
      sum: r.s,
      countTrue: booleans.has(r.element_id) ? r.s : Number(r.nt ?? 0),
      min: r.lo ?? Infinity,
      max: r.hi ?? -Infinity,
    },
  }))
}
