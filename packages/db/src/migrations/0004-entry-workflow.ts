import { sql, type Kysely } from 'kysely'

/**
 * Entry workflow: one row per org unit, period and direction with its state (draft → submitted →
 * approved, or returned with a comment). Only the current state lives here; every transition is
 * in the audit log, which is the history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('submission')
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('period.id'))
    .addColumn('plugin_id', 'text', (c) => c.notNull().references('plugin.id'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('draft', 'submitted', 'approved', 'returned')`))
    .addColumn('comment', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('submission_pk', ['org_unit_id', 'period_id', 'plugin_id'])
    // A return without a reason leaves the school guessing.
    .addCheckConstraint('submission_return_comment', sql`state <> 'returned' or comment is not null`)
    .execute()
  await db.schema.createIndex('submission_period_plugin').on('submission').columns(['period_id', 'plugin_id']).execute()
}
