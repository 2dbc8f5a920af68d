import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { attachment } from '../collection/xlsx/upload-limit.ts'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getReport, listReports, reportFile, REPORT_TYPES, requestReport } from '../reports/reports.ts'
import { answer, fileAnswer, idParam, json } from './schemas.ts'

const TAGS = ['reports']
const format = z.enum(['docx', 'pdf']).openapi('ReportFormat')
const status = z.enum(['queued', 'running', 'done', 'failed']).openapi('ReportStatus')

const sectionsSchema = z
  .object({
    plugins: z
      .array(z.string().min(1))
      .max(50)
      .optional()
      .openapi({ description: 'Directions to include (plugin ids, `local`); none = every enabled one' }),
    appendix: z
      .boolean()
      .optional()
      .openapi({ description: 'Sources of information and data completeness (default on)' }),
    children: z.enum(['compact', 'sections', 'none']).optional().openapi({
      description: 'Child units: one comparison table (`compact`, default), a chapter each (`sections`) or none',
    }),
  })
  .strict()
  .openapi('ReportSections')

export const reportSchema = z
  .object({
    id: z.number().int(),
    orgUnit: z.number().int(),
    orgUnitName: z.string(),
    period: z.string().openapi({ example: '2025-26' }),
    periodTitle: z.string(),
    format,
    sections: sectionsSchema,
    status,
    progress: z
      .object({ done: z.number().int(), total: z.number().int(), section: z.string().nullable() })
      .openapi({ description: 'Sections done of all (total 0 until the job starts); the section in work' }),
    error: z.string().nullable().openapi({ description: 'Why the job failed' }),
    size: z.number().int().nullable().openapi({ description: 'Bytes of the finished file' }),
    fileName: z.string().nullable(),
    requestedBy: z.string(),
    requestedAt: z.string().openapi({ format: 'date-time' }),
    finishedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('Report')

const create = createRoute({
  method: 'post',
  path: '/api/reports',
  tags: TAGS,
  summary: 'Orders the analytical report of a unit and period; it is made in the background',
  description:
    'Answers at once with the job: poll `GET /api/reports/{id}` for its progress, then download the file. ' +
    'Whoever reads the unit may order one; audited.',
  request: {
    body: json(
      z.object({
        orgUnit: z.number().int().positive(),
        period: z.string().min(1).openapi({ example: '2025-26' }),
        format,
        sections: sectionsSchema.optional(),
      }),
    ),
  },
  responses: {
    202: answer('The report is queued', z.object({ id: z.number().int(), status }).openapi('ReportQueued')),
    ...errorResponses(400, 401, 403, 404),
  },
})

const list = createRoute({
  method: 'get',
  path: '/api/reports',
  tags: TAGS,
  summary: "A unit's reports (of a period when given), newest first",
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive(),
      period: z.string().min(1).optional().openapi({ example: '2025-26' }),
    }),
  },
  responses: {
    200: answer('Reports', z.object({ items: z.array(reportSchema) }).openapi('ReportList')),
    ...errorResponses(400, 401, 403, 404),
  },
})

const get = createRoute({
  method: 'get',
  path: '/api/reports/{id}',
  tags: TAGS,
  summary: "A report's status and progress",
  request: { params: idParam },
  responses: { 200: answer('The report', reportSchema), ...errorResponses(401, 403, 404) },
})

const file = createRoute({
  method: 'get',
  path: '/api/reports/{id}/file',
  tags: TAGS,
  summary: 'The finished report (DOCX or PDF) with its Russian file name; 409 while not done',
  request: { params: idParam },
  responses: {
    200: {
      description: 'The document',
      content: {
        ...fileAnswer('DOCX', REPORT_TYPES.docx).content,
        ...fileAnswer('PDF', REPORT_TYPES.pdf).content,
      },
    },
    ...errorResponses(401, 403, 404, 409),
  },
})

/** Analytical reports: ordered here, made by the background worker, downloaded when done. */
export function reportRoutes({ db, catalog, jobs }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(create, async (c) => {
      const report = await requestReport(db, catalog, jobs, c.var.scope, c.req.valid('json'))
      return c.json({ id: report.id, status: report.status }, 202)
    })
    .openapi(list, async (c) => c.json({ items: await listReports(db, c.var.scope, c.req.valid('query')) }, 200))
    .openapi(get, async (c) => c.json(await getReport(db, c.var.scope, c.req.valid('param').id), 200))
    .openapi(file, async (c) => {
      const f = await reportFile(db, c.var.scope, c.req.valid('param').id)
      return c.body(new Uint8Array(f.content), 200, {
        'content-type': f.type,
        'content-disposition': attachment(f.fileName),
      }) as never
    })
}
