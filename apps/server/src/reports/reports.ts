import { sql, type Database, type Kysely, type ReadReplica, type ReportStatus } from '@profmon/db'
import { rolesOf } from '../access/current-user.ts'
import { Scope } from '../access/scope.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { LOCAL_GROUP, type Catalog } from '../catalog/catalog.ts'
import { DomainError, invalid, notFound } from '../errors.ts'
import type { JobQueue } from '../jobs/queue.ts'
import type { Logger } from '../logger.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'
import { findPeriod } from '../org/periods.ts'
import { buildReportModel, type Progress } from './build.ts'
import { ReportCharts } from './chart-pool.ts'
import { loadReportContext, type ReportSections } from './context.ts'
import { DocxLayout, renderDocx } from './render-docx.ts'
import { renderPdf } from './render-pdf.ts'
import { date } from './words.ts'

/** The queue the report jobs go through. */
export const REPORT_QUEUE = 'report'

export type ReportFormat = 'docx' | 'pdf'

export const REPORT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
}

/** An ordered report as the API shows it (without the file). */
export interface ReportView {
  id: number
  orgUnit: number
  orgUnitName: string
  period: string
  periodTitle: string
  format: ReportFormat
  sections: ReportSections
  status: ReportStatus
  /** Sections done of all (`total` 0 until the job starts); `section` is the one in work. */
  progress: { done: number; total: number; section: string | null }
  /** Why the job failed. */
  error: string | null
  /** Bytes of the finished file. */
  size: number | null
  fileName: string | null
  requestedBy: string
  requestedAt: string
  finishedAt: string | null
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('report as r')
    .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
    .innerJoin('period as p', 'p.id', 'r.period_id')
    .select([
      'r.id',
      'r.org_unit_id',
      'r.format',
      'r.sections',
      'r.status',
      'r.progress_done',
      'r.progress_total',
      'r.progress_section',
      'r.error',
      'r.size',
      'r.file_name',
      'r.requested_by',
      'r.requested_at',
      'r.finished_at',
      'o.name as unit_name',
      'o.path as unit_path',
      'p.code as period_code',
      'p.title as period_title',
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

function viewOf(r: Row): ReportView {
  return {
    id: r.id,
    orgUnit: r.org_unit_id,
    orgUnitName: r.unit_name,
    period: r.period_code,
    periodTitle: r.period_title,
    format: r.format,
    sections: r.sections as ReportSections,
    status: r.status,
    progress: { done: r.progress_done, total: r.progress_total, section: r.progress_section },
    error: r.error,
    size: r.size,
    fileName: r.file_name,
    requestedBy: r.requested_by,
    requestedAt: iso(r.requested_at)!,
    finishedAt: iso(r.finished_at),
  }
}

async function readableRow(db: Kysely<Database>, scope: Scope, id: number): Promise<Row> {
  const row = await baseQuery(db).where('r.id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`report ${id} does not exist`, 'id')
  scope.assertCanRead({ id: row.org_unit_id, path: row.unit_path }, 'id')
  return row
}

export interface ReportOrder {
  orgUnit: number
  period: string
  format: ReportFormat
  sections?: ReportSections | undefined
}

/**
 * Orders a report: whoever reads the unit may. The row and its job are written in one
 * transaction (with the audit entry), so an order is never left without a job or the reverse.
 */
export async function requestReport(
  db: Kysely<Database>,
  catalog: Catalog,
  jobs: JobQueue,
  scope: Scope,
  order: ReportOrder,
): Promise<ReportView> {
  const unit = await getOrgUnit(db, order.orgUnit)
  scope.assertCanRead(unit)
  const period = await findPeriod(db, order.period)
  const sections = order.sections ?? {}
  // A direction the region has switched off is refused now, not found missing in the finished file.
  const shown = [...(await enabledPluginIds(db, catalog, regionIdOf(unit))), LOCAL_GROUP]
  const unknown = (sections.plugins ?? []).flatMap((p, i) =>
    shown.includes(p)
      ? []
      : [{ path: `sections.plugins.${i}`, message: `the direction "${p}" is not enabled for this region` }],
  )
  if (unknown.length) throw invalid(unknown)
  await jobs.prepare(REPORT_QUEUE)
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('report')
      .values({
        org_unit_id: unit.id,
        period_id: period.id,
        format: order.format,
        sections: JSON.stringify(sections),
        requested_by: scope.user.name,
        requested_by_user_id: scope.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const jobId = await jobs.send(REPORT_QUEUE, { reportId: row.id }, trx)
    await trx.updateTable('report').set({ job_id: jobId }).where('id', '=', row.id).execute()
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: 'request',
        entity: 'report',
        entityKey: String(row.id),
        orgUnitId: unit.id,
        newValue: { period: period.code, format: order.format, sections },
      },
    ])
    return row.id
  })
  return viewOf(await readableRow(db, scope, id))
}

/** One report the caller may read: 404 when there is none, 403 outside the caller's tree. */
export async function getReport(db: Kysely<Database>, scope: Scope, id: number): Promise<ReportView> {
  return viewOf(await readableRow(db, scope, id))
}

/** The reports of a unit (of a period when given), newest first. */
export async function listReports(
  db: Kysely<Database>,
  scope: Scope,
  q: { orgUnit: number; period?: string | undefined },
): Promise<ReportView[]> {
  const unit = await getOrgUnit(db, q.orgUnit)
  scope.assertCanRead(unit)
  let query = baseQuery(db).where('r.org_unit_id', '=', unit.id)
  if (q.period) query = query.where('r.period_id', '=', (await findPeriod(db, q.period)).id)
  return (await query.orderBy('r.requested_at', 'desc').orderBy('r.id', 'desc').limit(200).execute()).map(viewOf)
}

/** The finished file; a report not done yet is a 409 naming its status. */
export async function reportFile(db: Kysely<Database>, scope: Scope, id: number) {
  const row = await readableRow(db, scope, id)
  if (row.status !== 'done')
    throw new DomainError('conflict', 'report_not_ready', `report ${id} is ${row.status}, not done`, [
      { path: 'id', message: `the report is ${row.status}` },
    ])
  const file = await db.selectFrom('report').select(['content']).where('id', '=', id).executeTakeFirstOrThrow()
  return { fileName: row.file_name!, type: REPORT_TYPES[row.format], content: file.content! }
}

/**
 * Builds and renders a report — what a report job does, without the queue (the benchmark calls it
 * too): the context from the analytics, the model section by section, then the DOCX or PDF.
 *
 * @example
 * const { bytes, fileName } = await produceReport({ db, catalog }, scope, { orgUnit: 1, period: '2025-26', format: 'docx' }, 'Иванова М. П.')
 */
export async function produceReport(
  deps: { db: Kysely<Database>; catalog: Catalog },
  scope: Scope,
  order: ReportOrder,
  preparedBy: string,
  progress?: Progress,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const ctx = await loadReportContext(deps.db, deps.catalog, scope, {
    orgUnit: order.orgUnit,
    period: order.period,
    sections: order.sections ?? {},
  })
  const title = `Аналитическая справка — ${ctx.unit.name} — ${ctx.period.title}`
  // Each section's charts are drawn in the chart workers while the next sections are built.
  const charts = order.format === 'docx' ? new ReportCharts('png') : new ReportCharts('svg')
  // The DOCX is laid out section by section as they come; the PDF's layout is pdfmake's, at the end.
  const docx = charts.format === 'png' ? new DocxLayout(charts) : undefined
  const model = await buildReportModel(
    ctx,
    {
      heading: 'Аналитическая справка',
      orgUnit: ctx.unit.name,
      period: ctx.period.title,
      date: date(new Date().toISOString().slice(0, 10)),
      preparedBy,
      fileName: title,
    },
    progress,
    (blocks) => (docx ? docx.add(blocks) : charts.start(blocks)),
  )
  const bytes = docx ? await renderDocx(model, docx) : await renderPdf(model, charts as ReportCharts<'svg'>)
  // The name keeps its Russian words; «2025/2026» becomes «2025-2026», other characters file systems refuse «_».
  return { bytes, fileName: `${title.replace(/\//g, '-').replace(/[\\:*?"<>|]/g, '_')}.${order.format}` }
}

/** The requester's scope as it is now: a job acts with the rights its requester still has. */
export async function scopeOf(db: Kysely<Database>, userId: number | null, jobId: string): Promise<Scope> {
  const user = userId
    ? await db.selectFrom('app_user').select(['id', 'login', 'name']).where('id', '=', userId).executeTakeFirst()
    : undefined
  if (!user) throw new DomainError('forbidden', 'forbidden', 'the user who ordered the report no longer exists')
  const roles = (await rolesOf(db, [user.id])).get(user.id) ?? []
  return new Scope({ ...user, roles, via: { kind: 'job', jobId } })
}

/** What a report job needs; `onSection` lets tests observe (or interrupt) a running job. */
export interface ReportJobDeps {
  db: Kysely<Database>
  catalog: Catalog
  log: Logger
  /** The hot standby (DATABASE_READ_URL): the report reads its figures there once it has caught up. */
  readReplica?: ReadReplica | undefined
  onSection?: (reportId: number, done: number, total: number) => Promise<void>
}

/**
 * Runs one report job: claims the row (a report already done or failed is left alone, so a job
 * delivered twice renders once), builds the model section by section while recording progress,
 * renders the file and stores it on the same row. A retried job (its worker died) overwrites that
 * row: one order gives exactly one file. A failure is recorded with its reason, for the user.
 */
export async function runReportJob(deps: ReportJobDeps, reportId: number, jobId: string): Promise<void> {
  const { db } = deps
  const claimed = await db
    .updateTable('report')
    .set({ status: 'running', attempts: sql`attempts + 1`, started_at: new Date(), error: null })
    .where('id', '=', reportId)
    .where('status', 'in', ['queued', 'running'])
    .returning(['id', 'org_unit_id', 'period_id', 'format', 'sections', 'requested_by', 'requested_by_user_id'])
    .executeTakeFirst()
  if (!claimed) return
  try {
    const scope = await scopeOf(db, claimed.requested_by_user_id, jobId)
    const period = await db
      .selectFrom('period')
      .select('code')
      .where('id', '=', claimed.period_id)
      .executeTakeFirstOrThrow()
    const replica = deps.readReplica
    const recordProgress = async (done: number, total: number, section: string) => {
      await deps.onSection?.(reportId, done, total)
      await db
        .updateTable('report')
        .set({ progress_done: done, progress_total: total, progress_section: section })
        .where('id', '=', reportId)
        .execute()
    }
    const produce = () =>
      produceReport(
        deps,
        scope,
        {
          orgUnit: claimed.org_unit_id,
          period: period.code,
          format: claimed.format,
          sections: claimed.sections as ReportSections,
        },
        claimed.requested_by,
        // Progress is a write: on the primary, also while the figures are read on the standby.
        replica ? (...a) => replica.onPrimary(() => recordProgress(...a)) : recordProgress,
      )
    // The figures are read on the standby when it has everything committed before the job began
    // (it usually lags by milliseconds), else on the primary: a report is never older than its order.
    const { bytes, fileName } =
      replica && (await replica.caughtUp(1_000)) ? await replica.onStandby(produce) : await produce()
    await db
      .updateTable('report')
      .set({
        status: 'done',
        content: bytes,
        size: bytes.length,
        file_name: fileName,
        progress_done: sql`progress_total`,
        progress_section: null,
        finished_at: new Date(),
      })
      .where('id', '=', reportId)
      .execute()
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    deps.log.warn({ err: e, reportId }, 'report job failed')
    await db
      .updateTable('report')
      .set({ status: 'failed', error: message, finished_at: new Date() })
      .where('id', '=', reportId)
      .execute()
  }
}

/** The reason a report gets when its job ended without it (the server stopped on every attempt). */
export const ABANDONED_REASON = 'the server stopped while making the report, on every attempt; order it again'

/**
 * Ends reports whose job is over while the report is not: the worker died on the job's last
 * attempt (a crash, `kill -9`), pg-boss expired that attempt and failed the job, and no code of
 * ours ran to say so — the report would stay `running` forever. Such a report becomes `failed`
 * with {@link ABANDONED_REASON}; so does one whose job is gone. Idempotent; returns how many.
 */
export async function settleAbandonedReports(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    update report r set status = 'failed', error = ${ABANDONED_REASON}, finished_at = now()
     where r.status in ('queued', 'running')
       and r.job_id is not null
       and not exists (
         select 1 from pgboss.job j
          where j.id::text = r.job_id and j.state in ('created', 'retry', 'active')
       )
    returning r.id
  `.execute(db)
  return rows.length
}

/**
 * Starts this replica's report worker. On the embedded database (one process) a report job left
 * `active` by a crash is retried at once; on PostgreSQL (replicas) pg-boss retries it when it
 * expires. Reports whose job ended without them are settled now and every `settleEverySeconds`.
 */
export async function startReportWorker(
  jobs: JobQueue,
  deps: ReportJobDeps,
  settleEverySeconds = 60,
): Promise<() => void> {
  if (jobs.engine === 'pglite') {
    const orphans = await jobs.recoverOrphans(REPORT_QUEUE, 'the server stopped during the job')
    if (orphans) deps.log.warn({ orphans }, 'report jobs interrupted by a crash are retried')
  }
  await jobs.work<{ reportId: number }>(REPORT_QUEUE, (data, job) => runReportJob(deps, data.reportId, job.id))
  const settle = async () => {
    try {
      const n = await settleAbandonedReports(deps.db)
      if (n) deps.log.warn({ reports: n }, 'reports whose job ended without them are marked failed')
    } catch (err) {
      deps.log.warn({ err }, 'settling abandoned reports failed')
    }
  }
  await settle()
  const timer = setInterval(() => void settle(), settleEverySeconds * 1000)
  timer.unref()
  return () => clearInterval(timer)
}
