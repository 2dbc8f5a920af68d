import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { analyticsAnswer } from '../analytics/answers.ts'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getOrgUnit } from '../org/org-units.ts'
import { repeated } from './schemas.ts'

export const analyticsRowSchema = z
  .object({
    indicator: z.string().openapi({ example: 'deficits.diagnosed_share' }),
    orgUnit: z.number().int(),
    period: z.string().openapi({ example: '2024-25' }),
    option: z.string().nullable().openapi({ description: 'Breakdown option; null for the total' }),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    value: z.number().nullable().openapi({ description: 'null = no data (never 0 for missing)' }),
    target: z.number().nullable(),
    status: z.enum(['met', 'partly_met', 'not_met', 'no_data']).nullable(),
    score: z.number().nullable(),
    revision: z
      .number()
      .int()
      .optional()
      .openapi({ description: "A local indicator's revision that computed this period" }),
  })
  .openapi('AnalyticsRow')

const route = createRoute({
  method: 'get',
  path: '/api/analytics',
  tags: ['analytics'],
  summary: 'Indicator values for an org unit (or its children) and periods',
  description:
    'Aggregates every data element over each subtree in one query, then evaluates the indicator formulas: a share of a ' +
    'municipality is Σnumerators / Σdenominators of its schools. Breakdown indicators also return one row per option.',
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive().openapi({ example: 1 }),
      period: repeated('Period code(s), e.g. 2024-25; repeatable'),
      level: z.enum(['self', 'children']).default('self'),
      indicator: repeated('Indicator code(s); repeatable; none = every indicator of the enabled directions'),
    }),
  },
  responses: {
    200: {
      description: 'Rows per indicator, org unit, period and option',
      content: { 'application/json': { schema: z.object({ rows: z.array(analyticsRowSchema) }) } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

export function analyticsRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>().openapi(route, async (c) => {
    const q = c.req.valid('query')
    const unit = await getOrgUnit(db, q.orgUnit)
    // A foreign unit is a 403, never an empty 200: the caller must not mistake it for "no data".
    c.var.scope.assertCanRead(unit)
    const { body } = await analyticsAnswer(db, catalog, unit, {
      level: q.level,
      periods: q.period,
      indicators: q.indicator,
    })
    return c.body(body, 200, { 'content-type': 'application/json' }) as never
  })
}
