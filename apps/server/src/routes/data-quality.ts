import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { dataQualityWorkbook } from '../collection/xlsx/list-exports.ts'
import { attachment, XLSX_TYPE } from '../collection/xlsx/upload-limit.ts'
import { getOrgUnit } from '../org/org-units.ts'
import { findPeriod } from '../org/periods.ts'
import { dataQuality } from '../quality/data-quality.ts'
import { fileAnswer } from './schemas.ts'

const reasonSchema = z.enum(['missing', 'late', 'outlier', 'jump', 'disagreed']).openapi('QualityReason', {
  description:
    'missing: required values absent (value = how many, expected = how many required); late: submitted after the ' +
    'monitoring deadline or not by it (value = submission date, expected = deadline); outlier: robust z-score > 3.5 among ' +
    "peers of the same level and kind (expected = peers' median); jump: > 50 % and > 5 from the previous period (expected = previous value); disagreed: the directions' copies of a core element disagreed when merged (value = the largest, kept; expected = the copies)",
})

const querySchema = z.object({
  orgUnit: z.coerce.number().int().positive(),
  period: z.string().min(1),
  reason: reasonSchema.optional(),
})

const flagSchema = z
  .object({
    orgUnit: z.number().int(),
    orgUnitName: z.string(),
    plugin: z.string().openapi({ description: 'The direction, for the entry form: /entry?unit=…&period=…&plugin=…' }),
    dataElement: z.string().nullable().openapi({ description: 'null for a whole direction (missing, late)' }),
    elementTitle: z.string().nullable(),
    option: z.string().nullable(),
    value: z.union([z.number(), z.string()]).nullable(),
    reason: reasonSchema,
    expected: z.union([z.number(), z.string()]).nullable(),
  })
  .openapi('QualityFlag')

const route = createRoute({
  method: 'get',
  path: '/api/data-quality',
  tags: ['analysis'],
  summary: "Data-quality flags over the values entered in a unit's subtree for a period (advisory)",
  request: { query: querySchema },
  responses: {
    200: {
      description: 'Flags, missing and late first, by org unit',
      content: {
        'application/json': {
          schema: z
            .object({
              period: z.string(),
              previousPeriod: z.string().nullable(),
              counts: z.object({
                missing: z.number().int(),
                late: z.number().int(),
                outlier: z.number().int(),
                jump: z.number().int(),
                disagreed: z.number().int(),
              }),
              flags: z.array(flagSchema),
            })
            .openapi('DataQuality'),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

const exportFlags = createRoute({
  method: 'get',
  path: '/api/data-quality/export',
  tags: ['analysis'],
  summary: 'The same flags as XLSX (Russian headers and reasons)',
  request: { query: querySchema },
  responses: {
    200: fileAnswer('The flags', XLSX_TYPE),
    ...errorResponses(400, 401, 403, 404),
  },
})

/** Data-quality flags: a second look at suspicious, missing and late data, never a block. */
export function dataQualityRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(route, async (c) => {
      const result = await dataQuality(db, catalog, c.var.scope, c.req.valid('query'))
      const counts = { missing: 0, late: 0, outlier: 0, jump: 0, disagreed: 0 }
      for (const f of result.flags) counts[f.reason]++
      return c.json({ ...result, counts }, 200)
    })
    .openapi(exportFlags, async (c) => {
      const q = c.req.valid('query')
      const result = await dataQuality(db, catalog, c.var.scope, q)
      const [unit, period] = await Promise.all([getOrgUnit(db, q.orgUnit), findPeriod(db, q.period)])
      const xlsx = await dataQualityWorkbook(catalog, `${unit.name}, ${period.title}`, result.flags)
      return c.body(new Uint8Array(xlsx), 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': attachment(`Качество данных ${unit.name} ${period.code}.xlsx`),
      }) as never
    })
}
