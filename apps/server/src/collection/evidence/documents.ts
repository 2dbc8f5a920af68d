import type { Evidence, Indicator } from '@profmon/contract'
import type { Database, Kysely } from '@profmon/db'
import type { Scope } from '../../access/scope.ts'
import type { Catalog } from '../../catalog/catalog.ts'
import { DomainError } from '../../errors.ts'
import { regionIdOf } from '../../org/org-units.ts'
import { CollectionPlans } from '../campaigns/collection-plan.ts'

/** A document as the API lists it (never with its content). */
export interface DocumentView {
  id: number
  orgUnit: number
  period: string
  indicator: string
  document: string
  title: string
  fileName: string
  mime: string
  size: number
  uploadedBy: string
  uploadedAt: string
}

/** A presence indicator and the evidence it requires, or a 400 naming what is wrong. */
export function requiredEvidence(
  catalog: Catalog,
  indicator: string,
  document?: string,
): { indicator: Indicator; evidence: Evidence[] } {
  const ind = catalog.indicators.get(indicator)?.compiled.indicator
  if (!ind || ind.kind !== 'presence' || !ind.evidence.length)
    throw new DomainError(
      'invalid',
      'invalid_request',
      `"${indicator}" is not a presence indicator with evidence documents`,
      [{ path: 'indicator', message: `"${indicator}" is not a presence indicator with evidence documents` }],
    )
  if (document !== undefined && !ind.evidence.some((e) => e.code === document))
    throw new DomainError('invalid', 'invalid_request', `"${document}" is not a document "${indicator}" requires`, [
      { path: 'document', message: `one of ${ind.evidence.map((e) => e.code).join(', ')}` },
    ])
  return { indicator: ind, evidence: ind.evidence }
}

/** Lists the documents of a unit and period (optionally of one indicator), newest first. */
export async function listDocuments(
  db: Kysely<Database>,
  catalog: Catalog,
  where: { orgUnit: number; period: { id: number; code: string }; indicator?: string | undefined },
): Promise<DocumentView[]> {
  let q = db
    .selectFrom('document')
    .select([
      'id',
      'org_unit_id',
      'indicator_code',
      'document_code',
      'file_name',
      'mime',
      'size',
      'uploaded_by',
      'uploaded_at',
    ])
    .where('org_unit_id', '=', where.orgUnit)
    .where('period_id', '=', where.period.id)
  if (where.indicator) q = q.where('indicator_code', '=', where.indicator)
  const rows = await q.orderBy('uploaded_at', 'desc').orderBy('id', 'desc').execute()
  return rows.map((r) => ({
    id: r.id,
    orgUnit: r.org_unit_id,
    period: where.period.code,
    indicator: r.indicator_code,
    document: r.document_code,
    title:
      catalog.indicators.get(r.indicator_code)?.compiled.indicator.evidence.find((e) => e.code === r.document_code)
        ?.title.ru ?? r.document_code,
    fileName: r.file_name,
    mime: r.mime,
    size: r.size,
    uploadedBy: r.uploaded_by,
    uploadedAt: new Date(r.uploaded_at as Date | string).toISOString(),
  }))
}

/** A document with its unit's path, or a 404. */
export async function findDocument(db: Kysely<Database>, id: number) {
  const doc = await db
    .selectFrom('document as d')
    .innerJoin('org_unit as u', 'u.id', 'd.org_unit_id')
    .innerJoin('period as p', 'p.id', 'd.period_id')
    .select([
      'd.id',
      'd.org_unit_id',
      'd.period_id',
      'd.indicator_code',
      'd.document_code',
      'd.file_name',
      'd.mime',
      'd.uploaded_by',
      'u.path',
      'p.code as period',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst()
  if (!doc)
    throw new DomainError('not_found', 'not_found', `document ${id} does not exist`, [
      { path: 'id', message: `no document ${id}` },
    ])
  return doc
}

/**
 * Who may delete a document: someone who enters data for its unit and either uploaded it or is
 * the approving level (`Scope.approves`: the level above; for a region, a platform admin) — and only
 * while the unit's data of the indicator's direction is open (see {@link assertDocumentsOpen}):
 * once approved, the document is part of what was approved (return the submission to change it).
 * Pass the deleting transaction: it share-locks the unit, so a concurrent submit or approve waits.
 */
export async function assertCanDelete(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  doc: {
    id: number
    org_unit_id: number
    path: string
    uploaded_by: string
    indicator_code: string
    period_id: number
  },
): Promise<void> {
  const unit = { id: doc.org_unit_id, path: doc.path }
  scope.assertCanWrite(unit, 'data')
  if (doc.uploaded_by !== scope.user.login && !scope.approves(unit))
    throw new DomainError(
      'forbidden',
      'forbidden',
      `document ${doc.id} was uploaded by someone else: only they or the approving level delete it`,
      [{ path: 'id', message: 'uploaded by someone else' }],
    )
  await assertDocumentsOpen(db, catalog, scope, unit, doc.period_id, doc.indicator_code, 'delete')
}

/**
 * Who may attach a document: someone who enters data for the unit, while its data is open (see
 * {@link assertDocumentsOpen}). Pass the inserting transaction: it share-locks the unit, so a
 * concurrent submit or approve waits.
 */
export async function assertCanAttach(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  unit: { id: number; path: string },
  periodId: number,
  indicatorCode: string,
): Promise<void> {
  scope.assertCanWrite(unit, 'data')
  await assertDocumentsOpen(db, catalog, scope, unit, periodId, indicatorCode, 'attach')
}

const LOCK_MESSAGES = {
  attach: {
    approved: 'Данные утверждены: чтобы приложить документ, верните их на доработку',
    submitted: 'Данные отправлены на проверку: приложить документ может только проверяющий уровень',
    deadline: (due: string) => `Срок сбора данных (${due}) истёк: приложить документ может только проверяющий уровень`,
  },
  delete: {
    approved: 'Документ входит в утверждённые данные: чтобы удалить его, верните данные на доработку',
    submitted: 'Данные отправлены на проверку: удалить документ может только проверяющий уровень',
    deadline: (due: string) => `Срок сбора данных (${due}) истёк: удалить документ может только проверяющий уровень`,
  },
}

/**
 * Documents follow the locks of the data they prove (entry-locks.ts): approved data takes no new
 * documents and loses none, from anyone (return it first); submitted data and data past the
 * campaign's monitoring deadline change only by the approving level. 409 `locked` / 403
 * `deadline_passed`, as for values.
 */
async function assertDocumentsOpen(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  unit: { id: number; path: string },
  periodId: number,
  indicatorCode: string,
  action: 'attach' | 'delete',
): Promise<void> {
  const messages = LOCK_MESSAGES[action]
  const path = action === 'attach' ? 'orgUnit' : 'id'
  // Like a value write: a submit or approve of the unit waits for this change, and this for it.
  await db.selectFrom('org_unit').select('id').where('id', '=', unit.id).forShare().execute()
  const pluginId = catalog.indicators.get(indicatorCode)?.pluginId
  const state = pluginId
    ? (
        await db
          .selectFrom('submission')
          .select('state')
          .where('org_unit_id', '=', unit.id)
          .where('period_id', '=', periodId)
          .where('plugin_id', '=', pluginId)
          .executeTakeFirst()
      )?.state
    : undefined
  if (state === 'approved')
    throw new DomainError('conflict', 'locked', messages.approved, [
      { path, message: 'the submission is approved', lock: 'approved' },
    ])
  if (scope.approves(unit)) return
  if (state === 'submitted')
    throw new DomainError('conflict', 'locked', messages.submitted, [
      { path, message: 'the submission is submitted', lock: 'submitted' },
    ])
  const regionId = regionIdOf(unit)
  const due = (await CollectionPlans.load(db, [regionId], [periodId])).overdueSince(regionId, periodId)
  if (due)
    throw new DomainError('forbidden', 'deadline_passed', messages.deadline(due), [
      { path, message: `the monitoring deadline ${due} has passed`, lock: 'deadline', due },
    ])
}
