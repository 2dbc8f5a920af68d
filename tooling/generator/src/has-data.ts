import type { DatabaseHandle } from '@profmon/db'

/**
 * Whether the database holds any org unit: the server seeds demo data only into an empty one.
 *
 * @example
 * if (!(await hasData(handle))) await generateRegion(handle, { municipalities: 12, organizations: 200 })
 */
export async function hasData(handle: DatabaseHandle): Promise<boolean> {
  const row = await handle.db.selectFrom('org_unit').select('id').limit(1).executeTakeFirst()
  return row !== undefined
}
