import type { Database, Kysely } from '@profmon/db'
import type { Scope } from '../../access/scope.ts'
import { appendAudit } from '../../audit/audit-log.ts'
import type { Catalog } from '../../catalog/catalog.ts'
import { DomainError } from '../../errors.ts'
import { getOrgUnit, regionIdOf } from '../../org/org-units.ts'
import { findPeriod } from '../../org/periods.ts'
import { enabledPluginIds } from '../../plugins/enabled.ts'
import { assertFileSize } from '../xlsx/upload-limit.ts'
import { assertCanAttach, assertCanDelete, findDocument, listDocuments, requiredEvidence } from './documents.ts'
import { evidenceKind, storedName } from './file-kind.ts'

/** 20 MB: a scanned order of a few dozen pages. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024

/**
 * The evidence of a unit and period (optionally one indicator): the documents attached and, per
 * presence indicator of the enabled directions, the required documents with how many are attached.
 */
export async function evidenceOf(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  q: { orgUnit: number; period: string; indicator?: string | undefined },
) {
  const unit = await getOrgUnit(db, q.orgUnit)
  scope.assertCanRead(unit)
  const period = await findPeriod(db, q.period)
  if (q.indicator) requiredEvidence(catalog, q.indicator)
  const documents = await listDocuments(db, catalog, { orgUnit: unit.id, period, indicator: q.indicator })
  const enabled = new Set(await enabledPluginIds(db, catalog, regionIdOf(unit)))
  const required = [...catalog.indicators.values()]
    .filter((i) => enabled.has(i.pluginId) && (!q.indicator || i.compiled.indicator.code === q.indicator))
    .flatMap(({ compiled: { indicator } }) =>
      indicator.kind === 'presence'
        ? indicator.evidence.map((e) => ({
            indicator: indicator.code,
            document: e.code,
            title: e.title.ru,
            attached: documents.filter((d) => d.indicator === indicator.code && d.document === e.code).length,
          }))
        : [],
    )
  return { documents, required }
}

/**
 * Attaches a document (PDF, DOCX, XLSX, PNG or JPEG by content, at most 20 MB) to a presence
 * indicator of a unit and period; follows the entry locks; audited in the same transaction.
 */
export async function attachDocument(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  form: { orgUnit: number; period: string; indicator: string; document: string },
  file: File,
) {
  const unit = await getOrgUnit(db, form.orgUnit)
  scope.assertCanWrite(unit, 'data')
  assertFileSize(file, EVIDENCE_MAX_BYTES, 'Документ')
  const period = await findPeriod(db, form.period)
  requiredEvidence(catalog, form.indicator, form.document)
  const bytes = new Uint8Array(await file.arrayBuffer())
  const kind = await evidenceKind(bytes)
  if (!kind)
    throw new DomainError(
      'unsupported',
      'unsupported_media_type',
      'Документ должен быть файлом PDF, DOCX, XLSX, PNG или JPEG (тип определяется по содержимому, а не по имени)',
      [{ path: 'file', message: 'PDF, DOCX, XLSX, PNG или JPEG' }],
    )
  const fileName = storedName(file.name, kind.ext)
  const row = await db.transaction().execute(async (trx) => {
    await assertCanAttach(trx, catalog, scope, unit, period.id, form.indicator)
    const inserted = await trx
      .insertInto('document')
      .values({
        org_unit_id: unit.id,
        period_id: period.id,
        indicator_code: form.indicator,
        document_code: form.document,
        file_name: fileName,
        mime: kind.mime,
        size: bytes.length,
        content: bytes,
        uploaded_by: scope.user.login,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: 'create',
        entity: 'document',
        entityKey: `${form.indicator}|${form.document}|${unit.id}|${period.code}|${inserted.id}`,
        orgUnitId: unit.id,
        newValue: { fileName, mime: kind.mime, size: bytes.length },
      },
    ])
    return inserted
  })
  const [document] = (await listDocuments(db, catalog, { orgUnit: unit.id, period, indicator: form.indicator })).filter(
    (d) => d.id === row.id,
  )
  return { document: document! }
}

/** A document's bytes with its stored name and type, for a caller who reads its unit. */
export async function documentContent(db: Kysely<Database>, scope: Scope, id: number) {
  const doc = await findDocument(db, id)
  scope.assertCanRead({ id: doc.org_unit_id, path: doc.path }, 'id')
  const file = await db.selectFrom('document').select('content').where('id', '=', doc.id).executeTakeFirstOrThrow()
  return { bytes: new Uint8Array(file.content), mime: doc.mime, fileName: doc.file_name }
}

/** Deletes a document (its uploader or the approving level, while the data is open); audited. */
export async function deleteDocument(db: Kysely<Database>, catalog: Catalog, scope: Scope, id: number): Promise<void> {
  const doc = await findDocument(db, id)

  await db.transaction().execute(async (trx) => {
    await assertCanDelete(trx, catalog, scope, doc)
    await trx.deleteFrom('document').where('id', '=', doc.id).execute()
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: 'delete',
        entity: 'document',
        entityKey: `${doc.indicator_code}|${doc.document_code}|${doc.org_unit_id}|${doc.period}|${doc.id}`,
        orgUnitId: doc.org_unit_id,
        oldValue: { fileName: doc.file_name, mime: doc.mime },
      },
    ])
  })
}
