import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import { periodSchema } from './schemas.ts'

const route = createRoute({
  method: 'get',
  path: '/api/periods',
  tags: ['periods'],
  summary: 'Reporting periods, oldest first',
  responses: {
    200: { description: 'Periods', content: { 'application/json': { schema: z.array(periodSchema) } } },
    ...errorResponses(401),
  },
})

export function periodRoutes({ db }: AppDeps) {
  return new OpenAPIHono().openapi(route, async (c) => {
    const rows = await db.selectFrom('period').selectAll().orderBy('starts_on').execute()
    return c.json(
      rows.map((p) => ({ code: p.code, title: p.title, startsOn: p.starts_on, endsOn: p.ends_on })),
      200,
    )
  })
}
