import { sql, type Kysely } from 'kysely'

/**
 * What a campaign collects: the directions collected in the period (null: every direction the
 * region has enabled) and, per data element, the org level it is entered at when the region moves
 * it from the manifest's default (`{ "staffing.vacancies": "municipality" }`).
 *
 * Submissions also cover the owner's local data elements (`plugin_id` 'local', which has no
 * plugin row), so their plugin reference becomes a plain text checked by the API.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('campaign')
    .addColumn('collected_plugins', sql`text[]`)
    .execute()
  await db.schema
    .alterTable('campaign')
    .addColumn('entry_levels', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute()
  await sql`alter table submission drop constraint if exists submission_plugin_id_fkey`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('campaign').dropColumn('entry_levels').dropColumn('collected_plugins').execute()
  await sql`alter table submission add constraint submission_plugin_id_fkey foreign key (plugin_id) references plugin (id)`.execute(
    db,
  )
}
