import { sql, type Database, type Kysely } from '@profmon/db'
import { mergePartials, type PartialAggregate } from '@profmon/contract'

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
  /**
   * The region of every unit asked about, when they share one (a dashboard's units always do):
   * the query then reads that region's partitions only (migration `0015-partition-by-region`).
   */
  regionId?: number
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
 * select (select string_agg(line, ';') from data_aggregate  -- line: `unit,period,element,option,n,s,nt,lo,hi`
 *         where org_unit_id = any(…) and period_id = any(…) and element_id = any(…) and region_id = …) as below,
 *        (select string_agg(concat_ws(',', org_unit_id, …, value), ';') from data_value
 *         where org_unit_id = any(…) and … and value is not null) as own
 * ```
 */
export async function aggregateSubtrees(db: Kysely<Database>, args: AggregateArgs): Promise<AggregateRow[]> {
  return parseAggregateTexts(await readAggregateTexts(db, args))
}

/** The two texts {@link aggregateSubtrees} parses: the data as read, a key for what was parsed from it. */
export interface AggregateTexts {
  below: string | null
  own: string | null
}

/** Reads the texts of {@link aggregateSubtrees} (one round trip). */
export async function readAggregateTexts(db: Kysely<Database>, args: AggregateArgs): Promise<AggregateTexts> {
  if (!args.unitIds.length || !args.periodIds.length || !args.elementIds.length) return { below: null, own: null }
  const where = sql`org_unit_id = any(${args.unitIds}::int[]) and period_id = any(${args.periodIds}::int[])
    and element_id = any(${args.elementIds}::int[])${args.regionId === undefined ? sql`` : sql` and region_id = ${args.regionId}::int`}`
  // Two texts (`unit,period,element,option,…` joined by `;`) instead of a row per aggregate: the
  // embedded engine spends ~30 µs converting each result row, more than the query takes, and even
  // on PostgreSQL one text is half the time of rows or JSON. An aggregate's text is stored with it
  // (`data_aggregate.line`, migration `0015-partition-by-region`): formatting it here took longer. The parts are merged here, not by a
  // GROUP BY: hashing ten thousand keys cost more than reading them.
  const result = await sql<{ below: string | null; own: string | null }>`
    select
      (select string_agg(line, ';') from data_aggregate where ${where}) as below,
      (select string_agg(concat_ws(',', org_unit_id, period_id, element_id, option_id, value), ';')
       from data_value where ${where} and value is not null) as own
  `.execute(db)
  return result.rows[0]!
}

/** Parses the texts of {@link readAggregateTexts} into one partial aggregate per unit, period, element and option. */
export function parseAggregateTexts(texts: AggregateTexts): AggregateRow[] {
  // One flat split of each text (records are `;`-separated, fields `,`-separated, a fixed number
  // per record): no array per record, and the numbers are parsed straight from the pieces.
  const below = texts.below ? texts.below.split(/[,;]/) : []
  const own = texts.own ? texts.own.split(/[,;]/) : []
  // A key exists only where some org unit of the subtree reported a value; booleans are stored
  // as 1/0, so `nt` counts their "yes" as it counts the non-zero numbers of `count_true`. A unit's
  // own value gives its min and max whatever the rule: only `min` and `max` elements read them.
  const rows = new Map<string, AggregateRow>()
  for (let i = 0; i + 8 < below.length; i += 9) {
    const lo = below[i + 7]!
    const hi = below[i + 8]!
    rows.set(`${below[i]}:${below[i + 1]}:${below[i + 2]}:${below[i + 3]}`, {
      unitId: +below[i]!,
      periodId: +below[i + 1]!,
      elementId: +below[i + 2]!,
      optionId: +below[i + 3]!,
      partial: {
        count: +below[i + 4]!,
        sum: +below[i + 5]!,
        countTrue: +below[i + 6]!,
        min: lo ? +lo : Infinity,
        max: hi ? +hi : -Infinity,
      },
    })
  }
  for (let i = 0; i + 4 < own.length; i += 5) {
    const key = `${own[i]}:${own[i + 1]}:${own[i + 2]}:${own[i + 3]}`
    const value = +own[i + 4]!
    const mine = { count: 1, sum: value, countTrue: value !== 0 ? 1 : 0, min: value, max: value }
    const found = rows.get(key)
    if (found) found.partial = mergePartials(found.partial, mine)
    else
      rows.set(key, {
        unitId: +own[i]!,
        periodId: +own[i + 1]!,
        elementId: +own[i + 2]!,
        optionId: +own[i + 3]!,
        partial: mine,
      })
  }
  return [...rows.values()]
}
