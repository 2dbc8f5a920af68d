import { sql, type Kysely } from 'kysely'

/**
 * Analytical reports (аналитическая справка): one row per ordered report — what was asked (unit,
 * period, format, sections), by whom, where its background job is (queued → running → done or
 * failed, with the sections done so far and the reason of a failure) and, once done, the file
 * itself. The job queue (pg-boss) keeps its own schema; this row is what users see and download,
 * and a retried job overwrites the same row, so one order never yields two files.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report')
    .ifNotExists()
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('period.id'))
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('docx', 'pdf')`))
    .addColumn('sections', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('queued')
        .check(sql`status in ('queued', 'running', 'done', 'failed')`),
    )
    .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_section', 'text')
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('job_id', 'text')
    .addColumn('file_name', 'text')
    .addColumn('size', 'integer')
    .addColumn('content', 'bytea')
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_by_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute()
  await sql`create index if not exists report_unit_period on report (org_unit_id, period_id, requested_at desc)`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report').ifExists().execute()
}
