import { sql, type Kysely } from 'kysely'

/**
 * Local indicators and data elements: rows of `indicator` / `data_element` owned by an org unit.
 * Editing a local indicator appends a revision; analytics of a period use the newest revision
 * valid from that period or earlier, so last year's figures keep the formula that made them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Archived definitions stay (their data is kept) but are no longer offered or evaluated.
  await db.schema.alterTable('indicator').addColumn('archived_at', 'timestamptz').execute()
  // The direction (plugin id) a local indicator is grouped under; null = «Местные показатели».
  await db.schema.alterTable('indicator').addColumn('direction', 'text').execute()
  await db.schema.alterTable('data_element').addColumn('archived_at', 'timestamptz').execute()
  await db.schema.createIndex('indicator_owner').on('indicator').column('owner_org_unit_id').execute()
  await db.schema.createIndex('data_element_owner').on('data_element').column('owner_org_unit_id').execute()

  await db.schema
    .createTable('local_indicator_revision')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('revision', 'integer', (c) => c.notNull().check(sql`revision > 0`))
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    // null: valid from the first period on (the first revision of an indicator).
    .addColumn('valid_from_period_id', 'integer', (c) => c.references('period.id'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('local_indicator_revision_key', ['indicator_id', 'revision'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('local_indicator_revision').execute()
  await db.schema.dropIndex('data_element_owner').execute()
  await db.schema.dropIndex('indicator_owner').execute()
  await db.schema.alterTable('data_element').dropColumn('archived_at').execute()
  await db.schema.alterTable('indicator').dropColumn('archived_at').execute()
  await db.schema.alterTable('indicator').dropColumn('direction').execute()
}
