import { sql, type Database, type DecisionKind, type Kysely, type Transaction } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Catalog } from '../catalog/catalog.ts'
import { catalogFor } from '../catalog/local-definitions.ts'
import { EVIDENCE_MAX_BYTES } from '../collection/evidence/evidence.ts'
import { evidenceKind, storedName } from '../collection/evidence/file-kind.ts'
import { assertFileSize } from '../collection/xlsx/upload-limit.ts'
import { DomainError, invalid, notFound, forbidden, type ErrorDetail } from '../errors.ts'
import { getOrgUnit } from '../org/org-units.ts'
import { findPeriod } from '../org/periods.ts'
import { recommendationLinkProblems } from '../recommendations/links.ts'

/** The kinds of decisions, in the order forms list them. */
export const DECISION_KINDS = [
  'order',
  'instruction',
  'letter',
  'programme_change',
  'local_regulation',
  'recommendation',
] as const satisfies readonly DecisionKind[]

/** A management decision as the API shows it. */
export interface DecisionView {
  id: number
  orgUnit: number
  orgUnitName: string
  period: string
  kind: DecisionKind
  number: string
  date: string
  title: string
  issuer: string
  measures: number[]
  indicators: string[]
  recommendations: number[]
  /** The decision's document (PDF or DOCX), if one is attached. */
  document: { fileName: string; mime: string; size: number } | null
  createdBy: string
  createdAt: string
}

export interface DecisionInput {
  kind?: DecisionKind | undefined
  number?: string | undefined
  date?: string | undefined
  title?: string | undefined
  issuer?: string | undefined
  measures?: number[] | undefined
  indicators?: string[] | undefined
  recommendations?: number[] | undefined
}

export interface NewDecision extends DecisionInput {
  orgUnit: number
  period: string
  kind: DecisionKind
  number: string
  date: string
  title: string
  issuer: string
}

export interface DecisionFilter {
  orgUnit: number
  period?: string | undefined
  kind?: DecisionKind | undefined
  measure?: number | undefined
  indicator?: string | undefined
  /** Words to find in the number, title or issuing body. */
  q?: string | undefined
}

type Db = Kysely<Database> | Transaction<Database>

/** The decision's document: PDF or DOCX, told by the content. */
export interface DecisionUpload {
  bytes: Uint8Array
  fileName: string
  mime: string
}

const DOCUMENT_TYPES = new Set(['pdf', 'docx'])

function baseQuery(db: Db) {
  return db
    .selectFrom('decision as d')
    .innerJoin('org_unit as o', 'o.id', 'd.org_unit_id')
    .innerJoin('period as p', 'p.id', 'd.period_id')
    .select([
      'd.id',
      'd.org_unit_id',
      'd.kind',
      'd.number',
      'd.title',
      'd.issuer',
      'd.measures',
      'd.indicators',
      'd.recommendations',
      'd.file_name',
      'd.mime',
      'd.size',
      'd.created_by',
      'd.created_at',
      'o.name as unit_name',
      'o.path as unit_path',
      'p.code as period_code',
      sql<string>`to_char(d.issued_on, 'YYYY-MM-DD')`.as('issued_on'),
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

function viewOf(r: Row): DecisionView {
  return {
    id: r.id,
    orgUnit: r.org_unit_id,
    orgUnitName: r.unit_name,
    period: r.period_code,
    kind: r.kind,
    number: r.number,
    date: r.issued_on,
    title: r.title,
    issuer: r.issuer,
    measures: r.measures,
    indicators: r.indicators,
    recommendations: r.recommendations,
    document: r.file_name ? { fileName: r.file_name, mime: r.mime!, size: r.size! } : null,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
  }
}

/**
 * The decisions of an org unit (in a period, or all), newest first, found by words in the number,
 * title or issuing body; a unit outside the caller's tree is a 403.
 */
export async function listDecisions(
  db: Kysely<Database>,
  scope: Scope,
  filter: DecisionFilter,
): Promise<DecisionView[]> {
  const unit = await getOrgUnit(db, filter.orgUnit)
  scope.assertCanRead(unit)
  let q = baseQuery(db).where('d.org_unit_id', '=', unit.id)
  if (filter.period) q = q.where('d.period_id', '=', (await findPeriod(db, filter.period)).id)
  if (filter.kind) q = q.where('d.kind', '=', filter.kind)
  if (filter.measure !== undefined) q = q.where(sql<boolean>`${filter.measure}::int = any(d.measures)`)
  if (filter.indicator) q = q.where(sql<boolean>`${filter.indicator}::text = any(d.indicators)`)
  for (const word of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const like = `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
    q = q.where(sql<boolean>`lower(d.number || ' ' || d.title || ' ' || d.issuer) like ${like}`)
  }
  const rows = await q.orderBy('d.issued_on', 'desc').orderBy('d.id', 'desc').execute()
  return rows.map(viewOf)
}

async function readableRow(db: Db, scope: Scope, id: number, lock = false): Promise<Row> {
  let q = baseQuery(db).where('d.id', '=', id)
  if (lock) q = q.forUpdate('d')
  const row = await q.executeTakeFirst()
  if (!row) throw notFound(`decision ${id} does not exist`, 'id')
  if (!scope.canRead({ path: row.unit_path })) throw forbidden(`decision ${id} is outside your org tree`, 'id')
  return row
}

/** One decision the caller sees: 404 when there is none, 403 outside the caller's tree. */
export async function getDecision(db: Db, scope: Scope, id: number): Promise<DecisionView> {
  return viewOf(await readableRow(db, scope, id))
}

/** Decisions that link any of these measures and that the caller may read, for effectiveness views. */
export async function decisionsBehind(
  db: Db,
  scope: Scope,
  measureIds: readonly number[],
): Promise<(DecisionView & { unitPath: string })[]> {
  if (!measureIds.length) return []
  const rows = await baseQuery(db)
    .where(sql<boolean>`d.measures && ${sql.val([...measureIds])}::int[]`)
    .orderBy('d.issued_on')
    .orderBy('d.id')
    .execute()
  return rows.filter((r) => scope.canRead({ path: r.unit_path })).map((r) => ({ ...viewOf(r), unitPath: r.unit_path }))
}

/**
 * Reads and checks an uploaded decision document: at most 20 MB (413), a PDF or a DOCX by its
 * content whatever its name (415).
 */
export async function decisionUpload(file: File): Promise<DecisionUpload> {
  assertFileSize(file, EVIDENCE_MAX_BYTES, 'Документ')
  const bytes = new Uint8Array(await file.arrayBuffer())
  const kind = await evidenceKind(bytes)
  if (!kind || !DOCUMENT_TYPES.has(kind.ext))
    throw new DomainError(
      'unsupported',
      'unsupported_media_type',
      'Документ решения должен быть файлом PDF или DOCX (тип определяется по содержимому, а не по имени)',
      [{ path: 'file', message: 'PDF или DOCX' }],
    )
  return { bytes, fileName: storedName(file.name, kind.ext), mime: kind.mime }
}

/**
 * Checks what a decision links to, every problem at once (400 naming each field): measures the
 * caller sees inside the unit's subtree, indicators the unit sees, recommendations addressed
 * inside the subtree.
 */
async function checkLinks(
  db: Db,
  catalog: Catalog,
  scope: Scope,
  unit: { id: number; path: string },
  links: { measures: number[]; indicators: string[]; recommendations: number[] },
): Promise<void> {
  const details: ErrorDetail[] = []
  if (links.measures.length) {
    const found = await db
      .selectFrom('measure as m')
      .innerJoin('org_unit as o', 'o.id', 'm.org_unit_id')
      .select(['m.id', 'o.path'])
      .where('m.id', 'in', links.measures)
      .execute()
    const byId = new Map(found.map((m) => [m.id, m.path]))
    links.measures.forEach((id, i) => {
      const path = byId.get(id)
      if (path === undefined || !scope.canRead({ path }))
        details.push({ path: `measures[${i}]`, message: `no measure ${id} you can see` })
      else if (!path.startsWith(unit.path))
        details.push({ path: `measures[${i}]`, message: `measure ${id} belongs to a unit outside this one` })
    })
  }
  if (links.indicators.length) {
    const view = await catalogFor(db as Kysely<Database>, catalog, [unit])
    links.indicators.forEach((code, i) => {
      if (!view.indicators.has(code)) details.push({ path: `indicators[${i}]`, message: `unknown indicator "${code}"` })
    })
  }
  details.push(...(await recommendationLinkProblems(db, scope, unit, links.recommendations)))
  if (details.length) throw invalid(details)
}

/** Registers a decision of an org unit where the caller registers decisions (403 elsewhere). */
export async function createDecision(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  input: NewDecision,
  upload?: DecisionUpload,
): Promise<DecisionView> {
  const unit = await getOrgUnit(db, input.orgUnit)
  scope.assertCanWrite(unit, 'decisions')
  const period = await findPeriod(db, input.period)
  const links = {
    measures: [...new Set(input.measures ?? [])],
    indicators: [...new Set(input.indicators ?? [])],
    recommendations: [...new Set(input.recommendations ?? [])],
  }
  await checkLinks(db, catalog, scope, unit, links)
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('decision')
      .values({
        org_unit_id: unit.id,
        period_id: period.id,
        kind: input.kind,
        number: input.number,
        issued_on: input.date,
        title: input.title,
        issuer: input.issuer,
        ...links,
        file_name: upload?.fileName ?? null,
        mime: upload?.mime ?? null,
        size: upload?.bytes.length ?? null,
        content: upload?.bytes ?? null,
        created_by: scope.user.login,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const view = await getDecision(trx, scope, id)
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: 'create',
        entity: 'decision',
        entityKey: String(id),
        orgUnitId: unit.id,
        newValue: view,
      },
    ])
    return view
  })
}

/** Changes a decision's fields and links, and replaces its document when one is uploaded. */
export async function updateDecision(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  id: number,
  input: DecisionInput,
  upload?: DecisionUpload,
): Promise<DecisionView> {
  return db.transaction().execute(async (trx) => {
    const row = await readableRow(trx, scope, id, true)
    scope.assertCanWrite({ id: row.org_unit_id, path: row.unit_path }, 'decisions', 'id')
    const before = viewOf(row)
    const links = {
      measures: input.measures ? [...new Set(input.measures)] : row.measures,
      indicators: input.indicators ? [...new Set(input.indicators)] : row.indicators,
      recommendations: input.recommendations ? [...new Set(input.recommendations)] : row.recommendations,
    }
    await checkLinks(trx, catalog, scope, { id: row.org_unit_id, path: row.unit_path }, links)
    await trx
      .updateTable('decision')
      .set({
        kind: input.kind ?? row.kind,
        number: input.number ?? row.number,
        issued_on: input.date ?? row.issued_on,
        title: input.title ?? row.title,
        issuer: input.issuer ?? row.issuer,
        ...links,
        ...(upload
          ? { file_name: upload.fileName, mime: upload.mime, size: upload.bytes.length, content: upload.bytes }
          : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute()
    const after = await getDecision(trx, scope, id)
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: 'update',
        entity: 'decision',
        entityKey: String(id),
        orgUnitId: row.org_unit_id,
        oldValue: before,
        newValue: after,
      },
    ])
    return after
  })
}

/** Deletes a decision with its document. */
export async function deleteDecision(db: Kysely<Database>, scope: Scope, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await readableRow(trx, scope, id, true)
    scope.assertCanWrite({ id: row.org_unit_id, path: row.unit_path }, 'decisions', 'id')
    await trx.deleteFrom('decision').where('id', '=', id).execute()
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: 'delete',
        entity: 'decision',
        entityKey: String(id),
        orgUnitId: row.org_unit_id,
        oldValue: viewOf(row),
      },
    ])
  })
}

/** The decision's document for a caller who reads its unit; 404 when it has none. */
export async function decisionDocument(db: Kysely<Database>, scope: Scope, id: number) {
  const row = await readableRow(db, scope, id)
  if (!row.file_name) throw notFound(`decision ${id} has no document`, 'id')
  const { content } = await db.selectFrom('decision').select('content').where('id', '=', id).executeTakeFirstOrThrow()
  return { bytes: new Uint8Array(content!), mime: row.mime!, fileName: row.file_name }
}
