import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'

/**
 * The version of what the analytics of a region read (migration `0016-analytics-version`): the
 * region's values and everything else, as one key (`<everything>.<region>`). Read it *before* the
 * data: an answer computed afterwards is at least as new as the key, so a reader who sees the same
 * key later may be given that answer.
 *
 * @example
 * const key = await analyticsVersion(db, regionId) // "42.17"
 */
export async function analyticsVersion(db: Kysely<Database>, regionId: number): Promise<string> {
  const { rows } = await sql<{ everything: string | null; region: string | null }>`
    select max(version) filter (where scope = 0) as everything,
           max(version) filter (where scope = ${regionId}::int) as region
    from analytics_version where scope in (0, ${regionId}::int)
  `.execute(db)
  return `${rows[0]?.everything ?? 0}.${rows[0]?.region ?? 0}`
}
