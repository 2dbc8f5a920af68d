import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { needsAttention } from '../attention/attention.ts'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'

export const attentionItemSchema = z
  .object({
    kind: z.enum([
      'deadline',
      'not_submitted',
      'indicator_not_met',
      'recommendations_to_acknowledge',
      'recommendations_unacknowledged',
      'data_quality',
      'measures_due',
      'measures_overdue',
      'deadline_passed',
    ]),
    severity: z.enum(['high', 'medium', 'low']),
    title: z.string().openapi({ description: 'Message code the shell words', example: 'attention.deadline' }),
    detail: z
      .record(z.string(), z.union([z.string(), z.number(), z.null()]))
      .openapi({ description: 'Parameters of the message', example: { stage: 'monitoring', daysLeft: 3 } }),
    link: z.string().openapi({ example: '/entry?unit=5&period=2025-26' }),
    due: z.string().optional().openapi({ description: 'ISO date of a deadline' }),
  })
  .openapi('AttentionItem')

const route = createRoute({
  method: 'get',
  path: '/api/attention',
  tags: ['analysis'],
  summary:
    'What needs attention in an org unit and period: the next deadline, children not submitted, indicators not met, recommendations awaiting acknowledgement',
  description: 'Codes and parameters, most urgent first; the shell words them.',
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive(),
      period: z.string().min(1).openapi({ example: '2025-26' }),
    }),
  },
  responses: {
    200: {
      description: 'Items, most urgent first',
      content: {
        'application/json': { schema: z.object({ items: z.array(attentionItemSchema) }).openapi('Attention') },
      },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

/** The "needs attention" list of a unit's home page. */
export function attentionRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>().openapi(route, async (c) =>
    c.json({ items: await needsAttention(db, catalog, c.var.scope, c.req.valid('query')) }, 200),
  )
}
