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
