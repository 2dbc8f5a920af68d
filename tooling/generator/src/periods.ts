import type { Database, Kysely } from '@profmon/db'
import type { PeriodSpec } from './options.ts'

/** A period as stored, with its database id. */
export interface StoredPeriod {
  id: number
  code: string
  endsOn: string
}

// DATE is read as a 'YYYY-MM-DD' string (see @profmon/db); a Date, should a parser make one, is a local midnight.
const isoDate = (v: unknown) =>
  v instanceof Date
    ? `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`
    : String(v)

/** Inserts the periods that do not exist yet (by code) and returns all of them in the given order. */
export async function ensurePeriods(db: Kysely<Database>, periods: readonly PeriodSpec[]): Promise<StoredPeriod[]> {
  if (periods.length === 0) return []
  await db
    .insertInto('period')
    .values(periods.map((p) => ({ code: p.code, title: p.title, starts_on: p.startsOn, ends_on: p.endsOn })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute()
  const rows = await db
    .selectFrom('period')
    .select(['id', 'code', 'ends_on'])
    .where(
      'code',
      'in',
      periods.map((p) => p.code),
    )
    .execute()
  const byCode = new Map(rows.map((r) => [r.code, r]))
  return periods.map((p) => {
    const row = byCode.get(p.code)!
    return { id: row.id, code: row.code, endsOn: isoDate(row.ends_on) }
  })
}
