import { sql, type Kysely } from 'kysely'

/**
 * Measures (меры, мероприятия) of the management cycle: what an org unit plans in a period to move
 * its indicators, with who answers for it, the dates, the values it expects, the indicators and
 * recommendations it answers (as arrays), and dated progress entries with their documents. A
 * measure made from a roadmap template keeps the item's code (one per unit, period and item); a
 * region's measure pushed down to a municipality keeps its parent (one copy per unit).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('measure')
    .ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('period.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('plugin_id', 'text')
    .addColumn('indicators', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('recommendations', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'::integer[]`))
    .addColumn('responsible_name', 'text')
    .addColumn('responsible_position', 'text')
    .addColumn('responsible_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('planned', 'in_progress', 'done', 'cancelled')`),
    )
    .addColumn('expected', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('template_item_code', 'text')
    .addColumn('parent_measure_id', 'integer', (c) => c.references('measure.id').onDelete('set null'))
    .addColumn('carried_from', 'integer', (c) => c.references('measure.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('measure_dates', sql`due_on >= starts_on`)
    .execute()
  await sql`create unique index if not exists measure_template_key on measure (org_unit_id, period_id, template_item_code) where template_item_code is not null`.execute(
    db,
  )
  await sql`create unique index if not exists measure_parent_key on measure (parent_measure_id, org_unit_id) where parent_measure_id is not null`.execute(
    db,
  )
  await sql`create index if not exists measure_period_unit on measure (period_id, org_unit_id)`.execute(db)

  await db.schema
    .createTable('measure_progress')
    .ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('measure.id').onDelete('cascade'))
    .addColumn('on_date', 'date', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index if not exists measure_progress_measure on measure_progress (measure_id)`.execute(db)

  await db.schema
    .createTable('measure_document')
    .ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('progress_id', 'integer', (c) => c.notNull().references('measure_progress.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('measure_document').ifExists().execute()
  await db.schema.dropTable('measure_progress').ifExists().execute()
  await db.schema.dropTable('measure').ifExists().execute()
}
