import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'

/** A key where the maintained aggregates and a recomputation disagree. */
export interface AggregateDrift {
  /** `maintained`: only in (or different in) the table; `rebuilt`: only in (or different in) the recomputation. */
  side: 'maintained' | 'rebuilt'
  org_unit_id: number
  period_id: number
  element_id: number
  option_id: number
  n: number
  s: string
  nt: number
  lo: number | null
  hi: number | null
  region_id: number
}

/** The columns a recomputation gives (the table adds the generated `line`). */
const COLUMNS = sql.raw('org_unit_id, period_id, element_id, option_id, n, s, nt, lo, hi, region_id')

/**
 * Recomputes `data_aggregate` from the raw values (the view `data_aggregate_rebuilt` of migration
 * `0012-aggregates`) in one transaction. Writers wait for it (the values are locked against
 * changes meanwhile), so no write is lost between the recomputation and the swap. Readers keep
 * reading the old rows until it commits.
 *
 * @example
 * const { rows, drifted } = await rebuildAggregates(db) // drifted 0: the triggers had kept it exact
 */
export async function rebuildAggregates(db: Kysely<Database>): Promise<{ rows: number; drifted: number }> {
  return db.transaction().execute(async (trx) => {
    await sql`lock table data_value in share mode`.execute(trx)
    const drifted = (await aggregateDrift(trx)).length
    await sql`delete from data_aggregate`.execute(trx)
    const inserted =
      await sql`insert into data_aggregate (${COLUMNS}) select ${COLUMNS} from data_aggregate_rebuilt`.execute(trx)
    return { rows: Number(inserted.numAffectedRows ?? 0), drifted }
  })
}

/**
 * Every key where the maintained table differs from a recomputation from scratch, both ways
 * (empty when they are equal).
 *
 * @example
 * expect(await aggregateDrift(db)).toEqual([])
 */
export async function aggregateDrift(db: Kysely<Database>): Promise<AggregateDrift[]> {
  const result = await sql<AggregateDrift>`
    with maintained as (select ${COLUMNS} from data_aggregate), rebuilt as (select ${COLUMNS} from data_aggregate_rebuilt)
    (select 'maintained' as side, * from (select * from maintained except select * from rebuilt) m)
    union all
    (select 'rebuilt' as side, * from (select * from rebuilt except select * from maintained) r)
    order by org_unit_id, period_id, element_id, option_id, side
  `.execute(db)
  return result.rows
}
