import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  attachDocument,
  deleteDocument,
  documentContent,
  EVIDENCE_MAX_BYTES,
  evidenceOf,
} from '../collection/evidence/evidence.ts'
import { attachment, formFile, uploadLimit } from '../collection/xlsx/upload-limit.ts'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { fileAnswer } from './schemas.ts'

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
    200: fileAnswer('The file', 'application/octet-stream'),
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
    .openapi(list, async (c) => c.json(await evidenceOf(db, catalog, c.var.scope, c.req.valid('query')), 200))
    .openapi(upload, async (c) => {
      const form = c.req.valid('form')
      return c.json(await attachDocument(db, catalog, c.var.scope, form, formFile(form.file)), 201)
    })
    .openapi(content, async (c) => {
      const doc = await documentContent(db, c.var.scope, c.req.valid('param').id)
      return c.body(doc.bytes, 200, {
        'content-type': doc.mime,
        'content-disposition': attachment(doc.fileName),
        'x-content-type-options': 'nosniff',
      }) as never
    })
    .openapi(remove, async (c) => {
      await deleteDocument(db, catalog, c.var.scope, c.req.valid('param').id)
      return c.body(null, 204) as never
    })
}
