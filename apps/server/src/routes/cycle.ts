import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppDeps } from '../context.ts'
import { CYCLE_COMPONENTS, cycleView } from '../cycle/cycle.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { answer } from './schemas.ts'

const directionSchema = z
  .object({
    plugin: z.string(),
    components: z.array(
      z
        .object({
          component: z.enum(CYCLE_COMPONENTS),
          present: z.boolean(),
          evidence: z
            .object({
              count: z.number().int().openapi({ description: 'Records behind the component' }),
              of: z.number().int().nullable().openapi({ description: 'How many were expected, where that is known' }),
              href: z.string().openapi({ description: 'The shell page that shows the records' }),
            })
            .openapi('CycleEvidence'),
        })
        .openapi('CycleComponent'),
    ),
    score: z.number().openapi({ description: 'Present components, percent of the nine' }),
  })
  .openapi('CycleDirection')

const cycle = createRoute({
  method: 'get',
  path: '/api/cycle',
  tags: ['cycle'],
  summary: 'The management cycle at a glance: nine components per direction, present or missing from the records',
  description:
    'goals, indicators, collection (the campaign plan), monitoring (approved submissions of the subtree), analysis ' +
    '(a published conclusion), recommendations (published), measures (planned, with a responsible), decisions ' +
    "(registered) and effectiveness (the previous period's measures, commented). `level=children` adds the same " +
    'for each child unit: a region sees its municipalities side by side.',
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive(),
      period: z.string().min(1).openapi({ example: '2025-26' }),
      level: z.enum(['self', 'children']).optional(),
    }),
  },
  responses: {
    200: answer(
      'The cycle',
      z
        .object({
          orgUnit: z.number().int(),
          orgUnitName: z.string(),
          period: z.string(),
          directions: z.array(directionSchema),
          score: z.number(),
          children: z
            .array(
              z
                .object({
                  orgUnit: z.number().int(),
                  orgUnitName: z.string(),
                  directions: z.array(directionSchema),
                  score: z.number(),
                })
                .openapi('CycleChild'),
            )
            .optional(),
        })
        .openapi('Cycle'),
    ),
    ...errorResponses(400, 401, 403, 404),
  },
})

/** The management cycle at a glance (nine components of seed 003). */
export function cycleRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>().openapi(cycle, async (c) =>
    c.json(await cycleView(db, catalog, c.var.scope, c.req.valid('query')), 200),
  )
}
