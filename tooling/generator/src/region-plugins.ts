import { sql, type Database, type Kysely } from '@profmon/db'

/** Enables every active plugin for the region. */
export async function enableActivePlugins(db: Kysely<Database>, regionId: number): Promise<void> {
  await sql`
    insert into region_plugin (region_id, plugin_id, enabled)
    select ${regionId}, id, true from plugin where status = 'active'
    on conflict (region_id, plugin_id) do nothing
  `.execute(db)
}
