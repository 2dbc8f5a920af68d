import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import { listTargets, setTarget } from '../goals/targets.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'

const targetSchema = z
  .object({
    indicator: z.string().openapi({ example: 'deficits.diagnosed_share' }),
    period: z.string().openapi({ example: '2025-26' }),
    orgUnit: z.number().int(),
    value: z.number(),
    tolerance: z.number().nullable(),
  })
  .openapi('Target')

const list = createRoute({
  method: 'get',
  path: '/api/targets',
  tags: ['targets'],
  summary: "Targets set on an org unit and inside its subtree (each applies to the unit's whole subtree)",
  request: {
    query: z.object({ orgUnit: z.coerce.number().int().positive(), period: z.string().min(1).optional() }),
  },
  responses: {
    200: { description: 'Targets', content: { 'application/json': { schema: z.array(targetSchema) } } },
    ...errorResponses(400, 401, 403, 404),
  },
})

const put = createRoute({
  method: 'put',
  path: '/api/targets',
  tags: ['targets'],
  summary: "Set an indicator's target for an org unit and period (value null removes it); region admins",
  description: "A region's target is the default of its municipalities; a municipality's overrides it.",
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              indicator: z.string().min(1),
              period: z.string().min(1),
              orgUnit: z.number().int().positive(),
              value: z.number().finite().nullable(),
              tolerance: z.number().finite().min(0).nullable().optional(),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The target, or null when removed',
      content: { 'application/json': { schema: targetSchema.nullable() } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

/** Indicator targets per org unit and period: read like data, written by region admins. */
export function targetRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(list, async (c) => c.json(await listTargets(db, c.var.scope, c.req.valid('query')), 200))
    .openapi(put, async (c) => c.json(await setTarget(db, catalog, c.var.scope, c.req.valid('json')), 200))
}
