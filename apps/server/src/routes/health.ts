import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { sql } from '@profmon/db'
import { CONTRACT_VERSION } from '@profmon/contract'
import type { AppDeps } from '../context.ts'

const route = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  summary: 'Liveness and database check',
  security: [],
  responses: {
    200: {
      description: 'The service and its database answer',
      content: {
        'application/json': {
          schema: z.object({
            status: z.literal('ok'),
            engine: z.enum(['pglite', 'postgres']),
            contract: z.string(),
            plugins: z.number().int(),
          }),
        },
      },
    },
  },
})

export function healthRoutes(deps: AppDeps) {
  return new OpenAPIHono().openapi(route, async (c) => {
    await sql`select 1`.execute(deps.db)
    return c.json(
      { status: 'ok' as const, engine: deps.engine, contract: CONTRACT_VERSION, plugins: deps.catalog.plugins.size },
      200,
    )
  })
}
