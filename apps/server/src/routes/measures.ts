import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { EVIDENCE_MAX_BYTES } from '../collection/evidence/evidence.ts'
import { attachment, formFile, uploadLimit } from '../collection/xlsx/upload-limit.ts'
import type { AppDeps } from '../context.ts'
import { errorResponses, fromZodError } from '../errors.ts'
import {
  addProgress,
  carryMeasure,
  createMeasure,
  deleteMeasure,
  getMeasure,
  listMeasures,
  listProgress,
  listTemplates,
  measureDocumentContent,
  measuresFromTemplate,
  pushDownMeasure,
  updateMeasure,
} from '../measures/measures.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { answer, fileAnswer, idParam, json } from './schemas.ts'

const TAGS = ['measures']
const status = z
  .enum(['proposed', 'planned', 'in_progress', 'done', 'cancelled'])
  .openapi('MeasureStatus', { description: 'proposed: carried over from the previous period, awaiting confirmation' })
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date')
  .openapi({ format: 'date', example: '2025-12-31' })
const expected = z
  .record(z.string(), z.number().finite())
  .openapi({ description: 'Expected value per linked indicator code; defaults to the target of the next period' })

export const measureSchema = z
  .object({
    id: z.number().int(),
    orgUnit: z.number().int(),
    orgUnitName: z.string(),
    period: z.string().openapi({ example: '2025-26' }),
    title: z.string(),
    description: z.string(),
    plugin: z.string().nullable().openapi({ description: 'Direction (plugin id or local)' }),
    indicators: z.array(z.string()),
    recommendations: z.array(z.number().int()),
    responsible: z
      .object({ name: z.string().nullable(), position: z.string().nullable(), user: z.number().int().nullable() })
      .openapi('MeasureResponsible'),
    startsOn: z.string().openapi({ format: 'date' }),
    dueOn: z.string().openapi({ format: 'date' }),
    status,
    overdue: z.boolean().openapi({ description: 'Due before today and neither done nor cancelled' }),
    expected: z.record(z.string(), z.number()),
    progress: z.number().int().openapi({ description: 'How many progress entries it has' }),
    parent: z.number().int().nullable().openapi({ description: "The region's measure it was pushed down from" }),
    template: z.string().nullable().openapi({ description: 'The roadmap template item it was made from' }),
    carriedFrom: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "The previous period's measure it was carried over from" }),
  })
  .openapi('Measure')

const progressSchema = z
  .object({
    id: z.number().int(),
    measure: z.number().int(),
    date: z.string().openapi({ format: 'date' }),
    text: z.string(),
    author: z.string(),
    at: z.string().openapi({ format: 'date-time' }),
    documents: z.array(
      z
        .object({ id: z.number().int(), fileName: z.string(), mime: z.string(), size: z.number().int() })
        .openapi('MeasureDocument'),
    ),
  })
  .openapi('MeasureProgress')

const responsible = z
  .object({
    name: z.string().trim().min(1).max(500).nullable().optional(),
    position: z.string().trim().min(1).max(500).nullable().optional(),
    user: z.number().int().positive().nullable().optional(),
  })
  .strict()
const fields = {
  title: z.string().trim().min(1).max(2000),
  description: z.string().max(20_000).optional(),
  plugin: z.string().min(1).nullable().optional(),
  indicators: z.array(z.string().min(1)).max(50).optional(),
  recommendations: z.array(z.number().int().positive()).max(200).optional(),
  responsible: responsible.optional(),
  startsOn: date,
  dueOn: date,
  status: status.optional(),
  expected: expected.optional(),
}

const list = createRoute({
  method: 'get',
  path: '/api/measures',
  tags: TAGS,
  summary: 'The measures of an org unit in a period; a foreign unit is a 403',
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive(),
      period: z.string().min(1).openapi({ example: '2025-26' }),
      plugin: z.string().min(1).optional(),
      status: status.optional(),
      overdue: z
        .enum(['true', 'false'])
        .optional()
        .transform((v) => (v === undefined ? undefined : v === 'true')),
      indicator: z.string().min(1).optional(),
      responsible: z.string().min(1).optional().openapi({ description: 'A user id or a part of the name' }),
    }),
  },
  responses: {
    200: answer('Measures', z.object({ items: z.array(measureSchema) }).openapi('MeasureList')),
    ...errorResponses(400, 401, 403, 404),
  },
})

const create = createRoute({
  method: 'post',
  path: '/api/measures',
  tags: TAGS,
  summary: 'Plan a measure of an org unit (region admins in the region, coordinators in their municipality)',
  request: {
    body: json(
      z
        .object({ orgUnit: z.number().int().positive(), period: z.string().min(1), ...fields })
        .strict()
        .openapi('NewMeasure'),
    ),
  },
  responses: { 201: answer('The measure', measureSchema), ...errorResponses(400, 401, 403, 404) },
})

const getOne = createRoute({
  method: 'get',
  path: '/api/measures/{id}',
  tags: TAGS,
  summary: 'One measure',
  request: { params: idParam },
  responses: { 200: answer('The measure', measureSchema), ...errorResponses(401, 403, 404) },
})

const update = createRoute({
  method: 'put',
  path: '/api/measures/{id}',
  tags: TAGS,
  summary: 'Change a measure; a done one is locked (409) except reopening it with status in_progress',
  request: {
    params: idParam,
    body: json(
      z
        .object({
          ...fields,
          title: fields.title.optional(),
          startsOn: date.optional(),
          dueOn: date.optional(),
        })
        .strict()
        .openapi('MeasureChange'),
    ),
  },
  responses: { 200: answer('The measure', measureSchema), ...errorResponses(400, 401, 403, 404, 409) },
})

const remove = createRoute({
  method: 'delete',
  path: '/api/measures/{id}',
  tags: TAGS,
  summary: 'Delete a measure with its progress; a done one is locked (409)',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 409) },
})

const progressBody = z
  .object({ date, text: z.string().trim().min(1).max(20_000) })
  .strict()
  .openapi('NewMeasureProgress')

const progress = createRoute({
  method: 'post',
  path: '/api/measures/{id}/progress',
  tags: TAGS,
  summary: "Report progress on a measure (also a school's operator on their school's measures)",
  description:
    'JSON `{ date, text }`, or multipart with the same fields and a `file` (PDF, DOCX, XLSX, PNG, JPEG by its ' +
    'content; at most 20 MB) kept with the entry. A done measure takes none (409).',
  middleware: [uploadLimit(EVIDENCE_MAX_BYTES, 'Документ')] as const,
  request: {
    params: idParam,
    body: {
      required: false,
      content: {
        'application/json': { schema: progressBody },
        'multipart/form-data': {
          schema: z.object({
            date,
            text: z.string().trim().min(1).max(20_000),
            file: z.any().optional().openapi({ type: 'string', format: 'binary' }),
          }),
        },
      },
    },
  },
  responses: {
    201: answer('The entry', progressSchema),
    413: { description: 'Larger than 20 MB' },
    415: { description: 'Not a PDF, DOCX, XLSX, PNG or JPEG by its content' },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const progressList = createRoute({
  method: 'get',
  path: '/api/measures/{id}/progress',
  tags: TAGS,
  summary: "A measure's progress entries with their documents, newest first",
  request: { params: idParam },
  responses: {
    200: answer('Entries', z.object({ items: z.array(progressSchema) }).openapi('MeasureProgressList')),
    ...errorResponses(401, 403, 404),
  },
})

const carry = createRoute({
  method: 'post',
  path: '/api/measures/{id}/carry',
  tags: TAGS,
  summary: 'Carry a measure into the next period as a proposal (status proposed, linked by carriedFrom); idempotent',
  description:
    'Made from the effectiveness view for a measure that was not effective: a person confirms the proposal ' +
    'by planning it (status planned). Answers 201 with the new proposal, 200 with the existing one.',
  request: { params: idParam },
  responses: {
    201: answer('The proposal', measureSchema),
    200: answer('The proposal made before', measureSchema),
    ...errorResponses(400, 401, 403, 404),
  },
})

const documentContent = createRoute({
  method: 'get',
  path: '/api/measure-documents/{id}/content',
  tags: TAGS,
  summary: "Download a progress entry's document",
  request: { params: idParam },
  responses: {
    200: fileAnswer('The file', 'application/octet-stream'),
    ...errorResponses(401, 403, 404),
  },
})

const templates = createRoute({
  method: 'get',
  path: '/api/measure-templates',
  tags: TAGS,
  summary: 'Roadmap templates (seed 004) with their items and yearly deadlines',
  responses: {
    200: answer(
      'Templates',
      z
        .object({
          templates: z.array(
            z.object({
              code: z.string().openapi({ example: 'seed-004' }),
              title: z.string(),
              items: z.array(
                z.object({
                  code: z.string(),
                  group: z.enum([
                    'goals',
                    'indicators',
                    'monitoring',
                    'analysis',
                    'measures',
                    'decisions',
                    'effectiveness',
                  ]),
                  title: z.string(),
                  deadline: z
                    .object({ month: z.number().int(), day: z.number().int(), yearOffset: z.number().int() })
                    .openapi({ description: 'Day and month in the year the period ends, plus yearOffset' }),
                  seedDeadline: z.string().openapi({ description: 'The deadline as the seed words it' }),
                  campaign: z
                    .enum(['monitoringDue', 'analysisDue', 'measuresDue', 'effectivenessDue'])
                    .nullable()
                    .openapi({ description: "The region's campaign deadline it follows, if any" }),
                }),
              ),
            }),
          ),
        })
        .openapi('MeasureTemplates'),
    ),
    ...errorResponses(401),
  },
})

const fromTemplate = createRoute({
  method: 'post',
  path: '/api/measures/from-template',
  tags: TAGS,
  summary: "Make a template's items measures of a unit and period, due per the region's campaign; idempotent",
  request: {
    body: json(
      z
        .object({ orgUnit: z.number().int().positive(), period: z.string().min(1), template: z.string().min(1) })
        .strict()
        .openapi('MeasuresFromTemplate'),
    ),
  },
  responses: {
    200: answer('How many were made', z.object({ created: z.number().int() }).openapi('MeasuresCreated')),
    ...errorResponses(400, 401, 403, 404),
  },
})

const pushDown = createRoute({
  method: 'post',
  path: '/api/measures/{id}/push-down',
  tags: TAGS,
  summary: "Copy a region's measure to each municipality of the region (linked as parent); idempotent",
  request: { params: idParam },
  responses: {
    200: answer('How many copies were made', z.object({ created: z.number().int() })),
    ...errorResponses(400, 401, 403, 404),
  },
})

/** Measures (меры) of the management cycle: planned per unit and period, from the roadmap template, pushed down, reported on. */
export function measureRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(templates, (c) => c.json({ templates: listTemplates() }, 200))
    .openapi(list, async (c) => c.json({ items: await listMeasures(db, c.var.scope, c.req.valid('query')) }, 200))
    .openapi(create, async (c) => c.json(await createMeasure(db, catalog, c.var.scope, c.req.valid('json')), 201))
    .openapi(fromTemplate, async (c) => c.json(await measuresFromTemplate(db, c.var.scope, c.req.valid('json')), 200))
    .openapi(getOne, async (c) => c.json(await getMeasure(db, c.var.scope, c.req.valid('param').id), 200))
    .openapi(update, async (c) =>
      c.json(await updateMeasure(db, catalog, c.var.scope, c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(remove, async (c) => {
      await deleteMeasure(db, c.var.scope, c.req.valid('param').id)
      return c.body(null, 204)
    })
    .openapi(progress, async (c) => {
      const id = c.req.valid('param').id
      if (c.req.header('content-type')?.startsWith('multipart/form-data')) {
        const form = c.req.valid('form') as { date: string; text: string; file?: unknown }
        const file = form.file === undefined || form.file === '' ? undefined : formFile(form.file)
        return c.json(await addProgress(db, c.var.scope, id, { date: form.date, text: form.text }, file), 201)
      }
      // Without a JSON content type the body is not validated on the way in.
      const body = progressBody.safeParse(c.req.valid('json'))
      if (!body.success) throw fromZodError(body.error)
      return c.json(await addProgress(db, c.var.scope, id, body.data), 201)
    })
    .openapi(progressList, async (c) =>
      c.json({ items: await listProgress(db, c.var.scope, c.req.valid('param').id) }, 200),
    )
    .openapi(carry, async (c) => {
      const { measure, created } = await carryMeasure(db, c.var.scope, c.req.valid('param').id)
      return created ? c.json(measure, 201) : c.json(measure, 200)
    })
    .openapi(documentContent, async (c) => {
      const doc = await measureDocumentContent(db, c.var.scope, c.req.valid('param').id)
      return c.body(doc.bytes, 200, {
        'content-type': doc.mime,
        'content-disposition': attachment(doc.fileName),
        'x-content-type-options': 'nosniff',
      }) as never
    })
    .openapi(pushDown, async (c) => c.json(await pushDownMeasure(db, c.var.scope, c.req.valid('param').id), 200))
}
