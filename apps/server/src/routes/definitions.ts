import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'

const definitions = createRoute({
  method: 'get',
  path: '/api/definitions',
  tags: ['definitions'],
  summary: 'Definitions of the active plugins: dimensions, data elements and indicators (the contract as JSON)',
  description: 'Generic views (indicator table, entry forms) render any direction from these, without plugin code.',
  responses: {
    200: {
      description: 'Definitions',
      content: {
        'application/json': {
          schema: z.object({
            dimensions: z.array(
              z.object({
                code: z.string(),
                title: z.any(),
                options: z.array(z.object({ code: z.string(), title: z.any() })),
              }),
            ),
            plugins: z.array(
              z.object({
                id: z.string(),
                title: z.any(),
                dataElements: z.array(z.any()),
                indicators: z.array(z.any()),
                validationRules: z.array(z.any()),
              }),
            ),
          }),
        },
      },
    },
    ...errorResponses(400, 401),
  },
})

export function definitionRoutes({ catalog }: AppDeps) {
  return new OpenAPIHono().openapi(definitions, (c) =>
    c.json(
      {
        dimensions: [...catalog.dimensions.values()].map((d) => ({
          code: d.code,
          title: d.title,
          options: d.options.map((o) => ({ code: o.code, title: o.title })),
        })),
        plugins: [...catalog.plugins.values()].map((p) => ({
          id: p.id,
          title: p.title,
          dataElements: p.dataElements,
          indicators: p.indicators,
          validationRules: p.validationRules,
        })),
      },
      200,
    ),
  )
}
