import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { analysisTable, analysisTrend } from '../analysis/analysis.ts'
import { buildLeagueWorkbook } from '../collection/xlsx/league-workbook.ts'
import { attachment, XLSX_TYPE } from '../collection/xlsx/upload-limit.ts'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { fileAnswer } from './schemas.ts'

const statusSchema = z.enum(['met', 'partly_met', 'not_met', 'no_data']).nullable()
const trendSchema = z.enum(['up', 'down', 'flat']).nullable().openapi({
  description: "up/down only when |change| exceeds the target's effective gap; null without a previous value",
})

const analysisRowSchema = z
  .object({
    orgUnit: z.number().int(),
    orgUnitName: z.string(),
    option: z.string().nullable().openapi({ description: 'Breakdown option; null for the total' }),
    optionTitle: z.string().nullable(),
    value: z.number().nullable().openapi({ description: 'null = no data (never 0 for missing)' }),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    target: z.number().nullable(),
    status: statusSchema,
    score: z.number().nullable(),
    rank: z.number().int().nullable().openapi({ description: '1 = best by polarity; null without data' }),
    previous: z.number().nullable().openapi({ description: 'The value of the previous period' }),
    change: z.number().nullable(),
    trend: trendSchema,
    gap: z
      .number()
      .nullable()
      .openapi({
        description:
          'Share: people still missing, ceil(target/100 × Σden) − Σnum (lower is better: Σnum − floor(target/100 × Σden)); ' +
          'count/value: the difference; 0 when met; null without target or data',
      }),
    gapShare: z
      .number()
      .nullable()
      .openapi({ description: "This row's part of the lagging rows' total gap, % (sums to 100)" }),
    aboveParent: z.boolean().nullable().openapi({ description: "Better than the parent's value by polarity" }),
  })
  .openapi('AnalysisRow')

const analysisSchema = z
  .object({
    indicator: z.string(),
    indicatorTitle: z.string(),
    period: z.string(),
    previousPeriod: z.string().nullable(),
    by: z.enum(['orgUnit', 'option']),
    effectiveGap: z.number(),
    parent: analysisRowSchema.openapi({ description: "The unit's own figures" }),
    rows: z.array(analysisRowSchema),
  })
  .openapi('Analysis')

const trendPointSchema = z
  .object({
    period: z.string(),
    periodTitle: z.string(),
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    target: z.number().nullable(),
    status: statusSchema,
    change: z.number().nullable(),
    trend: trendSchema,
  })
  .openapi('TrendPoint')

const tableQuery = z.object({
  orgUnit: z.coerce.number().int().positive().openapi({ example: 1 }),
  period: z.string().min(1).openapi({ example: '2025-26' }),
  indicator: z.string().min(1).openapi({ example: 'deficits.diagnosed_share' }),
  option: z
    .string()
    .min(1)
    .optional()
    .openapi({ description: "An option of the indicator's breakdown: the children's figures for it; `*` = by option" }),
  by: z
    .enum(['orgUnit', 'option'])
    .optional()
    .openapi({ description: '`option`: one row per option of the breakdown for the unit itself' }),
})

const table = createRoute({
  method: 'get',
  path: '/api/analysis',
  tags: ['analysis'],
  summary: "League table of an indicator among a unit's children (or the options of its breakdown)",
  description:
    'Value, target, status, score, rank, change against the previous period and trend, gap to the target in people and ' +
    "each lagging child's part of the shortfall — all from the analytics code path (Σnumerators / Σdenominators).",
  request: { query: tableQuery },
  responses: {
    200: { description: 'The league table', content: { 'application/json': { schema: analysisSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
})

const trend = createRoute({
  method: 'get',
  path: '/api/analysis/trend',
  tags: ['analysis'],
  summary: "An indicator's value at a unit over every period",
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive(),
      indicator: z.string().min(1),
      option: z.string().min(1).optional(),
    }),
  },
  responses: {
    200: {
      description: 'Values by period, oldest first',
      content: {
        'application/json': {
          schema: z
            .object({
              indicator: z.string(),
              orgUnit: z.number().int(),
              option: z.string().nullable(),
              points: z.array(trendPointSchema),
            })
            .openapi('AnalysisTrend'),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

const exportTable = createRoute({
  method: 'get',
  path: '/api/analysis/export',
  tags: ['analysis'],
  summary: 'The league table as XLSX (Russian headers)',
  request: { query: tableQuery },
  responses: {
    200: fileAnswer('The league table', XLSX_TYPE),
    ...errorResponses(400, 401, 403, 404),
  },
})

/** Analysis of the management cycle: league tables, trends and their XLSX. */
export function analysisRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(table, async (c) => c.json(await analysisTable(db, catalog, c.var.scope, c.req.valid('query')), 200))
    .openapi(trend, async (c) => c.json(await analysisTrend(db, catalog, c.var.scope, c.req.valid('query')), 200))
    .openapi(exportTable, async (c) => {
      const result = await analysisTable(db, catalog, c.var.scope, c.req.valid('query'))
      const periods = await db
        .selectFrom('period')
        .select(['code', 'title'])
        .where('code', 'in', [result.period, ...(result.previousPeriod ? [result.previousPeriod] : [])])
        .execute()
      const title = (code: string | null) => periods.find((p) => p.code === code)?.title ?? code
      const xlsx = await buildLeagueWorkbook(result, {
        indicator: result.indicatorTitle,
        period: title(result.period)!,
        previousPeriod: title(result.previousPeriod),
      })
      return c.body(new Uint8Array(xlsx), 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': attachment(`Рейтинг ${result.parent.orgUnitName} ${result.period}.xlsx`),
      }) as never
    })
}
