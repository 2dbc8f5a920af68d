import { sql, type Database, type Kysely } from '@profmon/db'
import { invalid } from '../errors.ts'

/** A reporting period as services use it: id, code, title and last day (ISO). */
export interface PeriodRef {
  id: number
  code: string
  title: string
  endsOn: string
}

/**
 * The period with this code, or an `invalid` error naming the field that gave it.
 *
 * @example
 * const period = await findPeriod(db, '2025-26')            // { id, code, title, endsOn: '2026-08-31' }
 * await findPeriod(db, body.validFrom, 'validFrom')        // 400 naming validFrom when unknown
 */
export async function findPeriod(db: Kysely<Database>, code: string, field = 'period'): Promise<PeriodRef> {
  const period = await db
    .selectFrom('period')
    .select(['id', 'code', 'title', sql<string>`to_char(ends_on, 'YYYY-MM-DD')`.as('endsOn')])
    .where('code', '=', code)
    .executeTakeFirst()
  if (!period) throw invalid([{ path: field, message: `unknown period "${code}"` }])
  return period
}

/**
 * The period right before and right after this one (by dates), if any: the previous period's
 * measures are judged in this one, this period's in the next.
 *
 * @example
 * const { previous, next } = await neighbourPeriods(db, period) // 2024-25 and 2026-27 around 2025-26
 */
export async function neighbourPeriods(
  db: Kysely<Database>,
  period: PeriodRef,
): Promise<{ previous: PeriodRef | undefined; next: PeriodRef | undefined }> {
  const cols = ['id', 'code', 'title', sql<string>`to_char(ends_on, 'YYYY-MM-DD')`.as('endsOn')] as const
  const [previous, next] = await Promise.all([
    db
      .selectFrom('period')
      .select(cols)
      .where(sql<boolean>`ends_on < ${period.endsOn}::date`)
      .orderBy('ends_on', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('period')
      .select(cols)
      .where(sql<boolean>`ends_on > ${period.endsOn}::date`)
      .orderBy('ends_on')
      .limit(1)
      .executeTakeFirst(),
  ])
  return { previous, next }
}
