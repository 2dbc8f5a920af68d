import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { EVIDENCE_MAX_BYTES } from '../collection/evidence/evidence.ts'
import { attachment, formFile, uploadLimit } from '../collection/xlsx/upload-limit.ts'
import type { AppDeps } from '../context.ts'
import {
  createDecision,
  decisionDocument,
  decisionUpload,
  DECISION_KINDS,
  deleteDecision,
  getDecision,
  listDecisions,
  updateDecision,
  type DecisionUpload,
} from '../decisions/decisions.ts'
import { decisionChanges } from '../effectiveness/effectiveness.ts'
import { errorResponses, fromZodError, invalid } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { measureEffectSchema } from './effectiveness.ts'
import { answer, fileAnswer, idParam } from './schemas.ts'

const TAGS = ['decisions']
const kind = z.enum(DECISION_KINDS).openapi('DecisionKind', {
  description:
    'order (приказ), instruction (распоряжение), letter (письмо), programme_change (изменение муниципальной программы), ' +
    'local_regulation (локальный акт), recommendation (методические рекомендации)',
})
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date')
  .openapi({ format: 'date', example: '2025-02-14' })

const decisionSchema = z
  .object({
    id: z.number().int(),
    orgUnit: z.number().int(),
    orgUnitName: z.string(),
    period: z.string().openapi({ example: '2024-25' }),
    kind,
    number: z.string().openapi({ example: '112-од' }),
    date: z.string().openapi({ format: 'date' }),
    title: z.string(),
    issuer: z.string().openapi({ description: 'The issuing body', example: 'Управление образования' }),
    measures: z.array(z.number().int()),
    indicators: z.array(z.string()),
    recommendations: z.array(z.number().int()),
    document: z
      .object({ fileName: z.string(), mime: z.string(), size: z.number().int() })
      .nullable()
      .openapi('DecisionDocument'),
    createdBy: z.string(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Decision')

const fields = {
  kind,
  number: z.string().trim().min(1).max(200),
  date,
  title: z.string().trim().min(1).max(2000),
  issuer: z.string().trim().min(1).max(500),
  measures: z.array(z.number().int().positive()).max(200).optional(),
  indicators: z.array(z.string().min(1)).max(100).optional(),
  recommendations: z.array(z.number().int().positive()).max(200).optional(),
}
const newDecision = z
  .object({ orgUnit: z.number().int().positive(), period: z.string().min(1), ...fields })
  .strict()
  .openapi('NewDecision')
const decisionChange = z
  .object({
    kind: fields.kind.optional(),
    number: fields.number.optional(),
    date: fields.date.optional(),
    title: fields.title.optional(),
    issuer: fields.issuer.optional(),
    measures: fields.measures,
    indicators: fields.indicators,
    recommendations: fields.recommendations,
  })
  .strict()
  .openapi('DecisionChange')

/** JSON, or multipart with the JSON in a `data` field and the document in `file`. */
// Not `required`: a required body makes the JSON validator refuse a multipart request; bodyOf checks it.
const withDocument = (schema: z.ZodType) => ({
  required: false,
  content: {
    'application/json': { schema },
    'multipart/form-data': {
      schema: z.object({
        data: z.string().openapi({ description: 'The same fields as the JSON body, as JSON text' }),
        file: z.any().optional().openapi({ type: 'string', format: 'binary' }),
      }),
    },
  },
})

const documentResponses = {
  413: { description: 'Larger than 20 MB' },
  415: { description: 'Not a PDF or DOCX by its content' },
}

const list = createRoute({
  method: 'get',
  path: '/api/decisions',
  tags: TAGS,
  summary: 'The management decisions of an org unit, newest first, searchable; a foreign unit is a 403',
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive(),
      period: z.string().min(1).optional().openapi({ example: '2024-25' }),
      kind: kind.optional(),
      measure: z.coerce.number().int().positive().optional(),
      indicator: z.string().min(1).optional(),
      q: z.string().max(200).optional().openapi({ description: 'Words in the number, title or issuing body' }),
    }),
  },
  responses: {
    200: answer('Decisions', z.object({ items: z.array(decisionSchema) }).openapi('DecisionList')),
    ...errorResponses(400, 401, 403, 404),
  },
})

const create = createRoute({
  method: 'post',
  path: '/api/decisions',
  tags: TAGS,
  summary: 'Register a decision (region admins in the region, coordinators in their municipality)',
  description:
    'JSON, or multipart with the JSON fields in `data` and the document (PDF or DOCX by its content, at most ' +
    '20 MB) in `file`.',
  middleware: [uploadLimit(EVIDENCE_MAX_BYTES, 'Документ')] as const,
  request: { body: withDocument(newDecision) },
  responses: {
    201: answer('The decision', decisionSchema),
    ...documentResponses,
    ...errorResponses(400, 401, 403, 404),
  },
})

const changeSchema = z
  .object({
    measures: z.array(measureEffectSchema),
    indicators: z.array(
      z
        .object({
          indicator: z.string(),
          title: z.string(),
          before: z.number().nullable(),
          after: z.number().nullable(),
          change: z.number().nullable(),
        })
        .openapi('DecisionIndicatorChange'),
    ),
  })
  .openapi('DecisionChanges')

const getOne = createRoute({
  method: 'get',
  path: '/api/decisions/{id}',
  tags: TAGS,
  summary: 'One decision with what it changed: its measures and their indicators before and after',
  request: { params: idParam },
  responses: {
    200: answer('The decision', decisionSchema.extend({ changes: changeSchema }).openapi('DecisionWithChanges')),
    ...errorResponses(401, 403, 404),
  },
})

const update = createRoute({
  method: 'put',
  path: '/api/decisions/{id}',
  tags: TAGS,
  summary: 'Change a decision; multipart with a `file` replaces its document',
  middleware: [uploadLimit(EVIDENCE_MAX_BYTES, 'Документ')] as const,
  request: { params: idParam, body: withDocument(decisionChange) },
  responses: {
    200: answer('The decision', decisionSchema),
    ...documentResponses,
    ...errorResponses(400, 401, 403, 404),
  },
})

const remove = createRoute({
  method: 'delete',
  path: '/api/decisions/{id}',
  tags: TAGS,
  summary: 'Delete a decision with its document',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
})

const documentRoute = createRoute({
  method: 'get',
  path: '/api/decisions/{id}/document',
  tags: TAGS,
  summary: "Download a decision's document (PDF or DOCX)",
  request: { params: idParam },
  responses: { 200: fileAnswer('The document', 'application/octet-stream'), ...errorResponses(401, 403, 404) },
})

/** The body of a JSON or multipart request, parsed by the schema, with the uploaded document if any. */
async function bodyOf<T>(
  c: Context<AuthEnv>,
  schema: z.ZodType<T>,
): Promise<{ body: T; upload: DecisionUpload | undefined }> {
  if (c.req.header('content-type')?.startsWith('multipart/form-data')) {
    const form = (c.req.valid as (target: 'form') => { data?: unknown; file?: unknown })('form')
    let data: unknown
    try {
      data = JSON.parse(typeof form.data === 'string' ? form.data : '')
    } catch {
      throw invalid([{ path: 'data', message: 'the multipart field "data" must hold the fields as JSON' }])
    }
    const parsed = schema.safeParse(data)
    if (!parsed.success) throw fromZodError(parsed.error)
    const file = form.file === undefined || form.file === '' ? undefined : formFile(form.file)
    return { body: parsed.data, upload: file ? await decisionUpload(file) : undefined }
  }
  // Without a JSON content type the body is not validated on the way in.
  const parsed = schema.safeParse((c.req.valid as (target: 'json') => unknown)('json'))
  if (!parsed.success) throw fromZodError(parsed.error)
  return { body: parsed.data, upload: undefined }
}

/** The management decisions registry (управленческие решения) with their documents. */
export function decisionRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(list, async (c) => c.json({ items: await listDecisions(db, c.var.scope, c.req.valid('query')) }, 200))
    .openapi(create, async (c) => {
      const { body, upload } = await bodyOf(c, newDecision)
      return c.json(await createDecision(db, catalog, c.var.scope, body as never, upload), 201)
    })
    .openapi(getOne, async (c) => {
      const decision = await getDecision(db, c.var.scope, c.req.valid('param').id)
      return c.json({ ...decision, changes: await decisionChanges(db, catalog, c.var.scope, decision) }, 200)
    })
    .openapi(update, async (c) => {
      const { body, upload } = await bodyOf(c, decisionChange)
      return c.json(await updateDecision(db, catalog, c.var.scope, c.req.valid('param').id, body as never, upload), 200)
    })
    .openapi(remove, async (c) => {
      await deleteDecision(db, c.var.scope, c.req.valid('param').id)
      return c.body(null, 204)
    })
    .openapi(documentRoute, async (c) => {
      const doc = await decisionDocument(db, c.var.scope, c.req.valid('param').id)
      return c.body(doc.bytes, 200, {
        'content-type': doc.mime,
        'content-disposition': attachment(doc.fileName),
        'x-content-type-options': 'nosniff',
      }) as never
    })
}
