import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { regionIdOf } from '../org/org-units.ts'
import {
  assertCanAttach,
  assertCanDelete,
  findDocument,
  listDocuments,
  requiredEvidence,
} from '../collection/evidence/documents.ts'
import { evidenceKind, storedName } from '../collection/evidence/file-kind.ts'
import { assertFileSize, attachment, formFile, uploadLimit } from '../collection/xlsx/upload-limit.ts'
import type { AppDeps } from '../context.ts'
import { DomainError, errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getOrgUnit } from '../org/org-units.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'
import { findPeriod } from '../org/periods.ts'

/** 20 MB: a scanned order of a few dozen pages. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024

const documentSchema = z
  .object({
    id: z.number().int(),
    orgUnit: z.number().int(),
    period: z.string(),
    indicator: z.string().openapi({ example: 'deficits.analysis_presence' }),
    document: z.string().openapi({ example: 'deficits.analysis_report' }),
    title: z.string().openapi({ description: 'The required document’s title (Russian)' }),
    fileName: z.string(),
    mime: z.string(),
    size: z.number().int(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .openapi('EvidenceDocument')

const list = createRoute({
  method: 'get',
  path: '/api/evidence',
  tags: ['evidence'],
  summary: 'Evidence documents of an org unit and period, and which required ones are attached',
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive(),
      period: z.string().min(1),
      indicator: z.string().optional(),
    }),
  },
  responses: {
    200: {
      description: 'Documents (newest first) and, per presence indicator, its required documents',
      content: {
        'application/json': {
          schema: z.object({
            documents: z.array(documentSchema),
            required: z.array(
              z.object({ indicator: z.string(), document: z.string(), title: z.string(), attached: z.number().int() }),
            ),
          }),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

const upload = createRoute({
  method: 'post',
  path: '/api/evidence',
  tags: ['evidence'],
  summary:
    'Attach an evidence document (PDF, DOCX, XLSX, PNG, JPEG; at most 20 MB; type checked on the content) while the data is open',
  description:
    'Documents follow the entry locks of the data: approved data takes none (409 `locked`); submitted data (409 `locked`) and data past the monitoring deadline (403 `deadline_passed`) only from the approving level. Deleting follows the same locks.',
  middleware: [uploadLimit(EVIDENCE_MAX_BYTES, 'Документ')] as const,
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: z.any().openapi({ type: 'string', format: 'binary' }),
            orgUnit: z.coerce.number().int().positive(),
            period: z.string().min(1),
            indicator: z.string().min(1),
            document: z.string().min(1).openapi({ description: 'One of the indicator’s evidence codes' }),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: 'Stored', content: { 'application/json': { schema: z.object({ document: documentSchema }) } } },
    413: { description: 'Larger than 20 MB' },
    415: { description: 'Not a PDF, DOCX, XLSX, PNG or JPEG by its content' },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const idParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
})

const content = createRoute({
  method: 'get',
  path: '/api/evidence/{id}/content',
  tags: ['evidence'],
  summary: 'Download a document',
  request: { params: idParam },
  responses: {
    200: {
      description: 'The file',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses(401, 403, 404),
  },
})

const remove = createRoute({
  method: 'delete',
  path: '/api/evidence/{id}',
  tags: ['evidence'],
  summary: 'Delete a document: its uploader or the approving level, while the data is open (as for uploads)',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 409) },
})

export function evidenceRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(list, async (c) => {
      const q = c.req.valid('query')
      const unit = await getOrgUnit(db, q.orgUnit)
      c.var.scope.assertCanRead(unit)
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
      return c.json({ documents, required }, 200)
    })
    .openapi(upload, async (c) => {
      const form = c.req.valid('form')
      const unit = await getOrgUnit(db, form.orgUnit)
      c.var.scope.assertCanWrite(unit, 'data')
      const file = formFile(form.file)
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
        await assertCanAttach(trx, catalog, c.var.scope, unit, period.id, form.indicator)
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
            uploaded_by: c.var.user.login,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await trx
          .insertInto('audit_log')
          .values({
            actor: c.var.user.login,
            action: 'create',
            entity: 'document',
            entity_key: `${form.indicator}|${form.document}|${unit.id}|${period.code}|${inserted.id}`,
            org_unit_id: unit.id,
            old_value: null,
            new_value: JSON.stringify({ fileName, mime: kind.mime, size: bytes.length }),
          })
          .execute()
        return inserted
      })
      const [document] = (
        await listDocuments(db, catalog, { orgUnit: unit.id, period, indicator: form.indicator })
      ).filter((d) => d.id === row.id)
      return c.json({ document: document! }, 201)
    })
    .openapi(content, async (c) => {
      const doc = await findDocument(db, c.req.valid('param').id)
      c.var.scope.assertCanRead({ id: doc.org_unit_id, path: doc.path }, 'id')
      const file = await db.selectFrom('document').select('content').where('id', '=', doc.id).executeTakeFirstOrThrow()
      return c.body(new Uint8Array(file.content), 200, {
        'content-type': doc.mime,
        'content-disposition': attachment(doc.file_name),
        'x-content-type-options': 'nosniff',
      }) as never
    })
    .openapi(remove, async (c) => {
      const doc = await findDocument(db, c.req.valid('param').id)
      await db.transaction().execute(async (trx) => {
        await assertCanDelete(trx, catalog, c.var.scope, doc)
        await trx.deleteFrom('document').where('id', '=', doc.id).execute()
        await trx
          .insertInto('audit_log')
          .values({
            actor: c.var.user.login,
            action: 'delete',
            entity: 'document',
            entity_key: `${doc.indicator_code}|${doc.document_code}|${doc.org_unit_id}|${doc.period}|${doc.id}`,
            org_unit_id: doc.org_unit_id,
            old_value: JSON.stringify({ fileName: doc.file_name, mime: doc.mime }),
            new_value: null,
          })
          .execute()
      })
      return c.body(null, 204) as never
    })
}
