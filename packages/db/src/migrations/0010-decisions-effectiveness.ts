import { sql, type Kysely } from 'kysely'

/**
 * The end of the management cycle: the registry of management decisions (управленческие решения —
 * orders, instructions, letters, programme changes, local regulations, recommendations) with their
 * document and the measures, indicators and recommendations they concern; the responsible person's
 * comment on a measure's effectiveness (the verdict itself is computed, never stored); and the
 * `proposed` status of a measure carried into the next period, until a person confirms it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table measure drop constraint if exists measure_status_check`.execute(db)
  await sql`alter table measure add constraint measure_status_check check (status in ('proposed', 'planned', 'in_progress', 'done', 'cancelled'))`.execute(
    db,
  )
  await sql`create unique index if not exists measure_carried_key on measure (carried_from, org_unit_id) where carried_from is not null`.execute(
    db,
  )

  await db.schema
    .createTable('decision')
    .ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('period.id'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('order', 'instruction', 'letter', 'programme_change', 'local_regulation', 'recommendation')`,
        ),
    )
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'date', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('measures', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'::integer[]`))
    .addColumn('indicators', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('recommendations', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'::integer[]`))
    .addColumn('file_name', 'text')
    .addColumn('mime', 'text')
    .addColumn('size', 'integer')
    .addColumn('content', 'bytea')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('decision_document', sql`(content is null) = (file_name is null)`)
    .execute()
  await sql`create index if not exists decision_period_unit on decision (period_id, org_unit_id)`.execute(db)
  await sql`create index if not exists decision_measures on decision using gin (measures)`.execute(db)

  await db.schema
    .createTable('effectiveness_comment')
    .ifNotExists()
    .addColumn('measure_id', 'integer', (c) => c.primaryKey().references('measure.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('effectiveness_comment').ifExists().execute()
  await db.schema.dropTable('decision').ifExists().execute()
  await sql`drop index if exists measure_carried_key`.execute(db)
  await sql`update measure set status = 'planned' where status = 'proposed'`.execute(db)
  await sql`alter table measure drop constraint if exists measure_status_check`.execute(db)
  await sql`alter table measure add constraint measure_status_check check (status in ('planned', 'in_progress', 'done', 'cancelled'))`.execute(
    db,
  )
}
