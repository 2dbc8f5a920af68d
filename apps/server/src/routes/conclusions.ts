import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { getConclusion, listConclusions, publishConclusion, saveConclusion } from '../conclusions/conclusions.ts'
import { richTextSchema } from '../conclusions/rich-text.ts'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { analyticsRowSchema } from './analytics.ts'
import { answer, idParam } from './schemas.ts'

const TAGS = ['analysis']
const plugin = z.string().min(1).openapi({ description: 'Direction: a plugin id or `local`', example: 'deficits' })

export const conclusionSchema = z
  .object({
    id: z.number().int(),
    orgUnit: z.number().int(),
    period: z.string().openapi({ example: '2025-26' }),
    plugin: z.string(),
    body: richTextSchema,
    version: z.number().int().openapi({ description: 'Send it back with the next save' }),
    updatedBy: z.string(),
    updatedAt: z.string().openapi({ format: 'date-time' }),
    published: z
      .object({
        version: z.number().int(),
        at: z.string().openapi({ format: 'date-time' }),
        by: z.string(),
        body: richTextSchema,
        figures: z.array(analyticsRowSchema).openapi({ description: 'The analytics rows as they were when published' }),
      })
      .nullable(),
  })
  .openapi('Conclusion')

const list = createRoute({
  method: 'get',
  path: '/api/conclusions',
  tags: TAGS,
  summary: 'Written conclusions of an org unit and period (of one direction when given)',
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive(),
      period: z.string().min(1),
      plugin: plugin.optional(),
    }),
  },
  responses: {
    200: answer('Conclusions', z.object({ items: z.array(conclusionSchema) }).openapi('ConclusionList')),
    ...errorResponses(400, 401, 403, 404),
  },
})

const get = createRoute({
  method: 'get',
  path: '/api/conclusions/{id}',
  tags: TAGS,
  summary: 'A conclusion with its published body and the figures frozen with it',
  request: { params: idParam },
  responses: { 200: answer('The conclusion', conclusionSchema), ...errorResponses(401, 403, 404) },
})

const put = createRoute({
  method: 'put',
  path: '/api/conclusions',
  tags: TAGS,
  summary: "Save the draft of a unit's conclusion for a period and direction (region admins, coordinators)",
  description:
    'The body is a document of paragraphs and lists of plain-text runs (bold, italic); HTML is never stored. ' +
    '`version` is the version read (0 or none for a new one); a newer stored one is a 409 `version_conflict`.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              orgUnit: z.number().int().positive(),
              period: z.string().min(1),
              plugin,
              body: richTextSchema,
              version: z.number().int().min(0).optional(),
            })
            .strict()
            .openapi('ConclusionDraft'),
        },
      },
    },
  },
  responses: { 200: answer('The saved draft', conclusionSchema), ...errorResponses(400, 401, 403, 404, 409) },
})

const publish = createRoute({
  method: 'post',
  path: '/api/conclusions/{id}/publish',
  tags: TAGS,
  summary: 'Publish a conclusion: its body and the analytics rows of its unit and children are frozen together',
  request: { params: idParam },
  responses: { 200: answer('The published conclusion', conclusionSchema), ...errorResponses(401, 403, 404) },
})

/** Analysis conclusions: written per unit, period and direction, published with the figures they quote. */
export function conclusionRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(list, async (c) => c.json({ items: await listConclusions(db, c.var.scope, c.req.valid('query')) }, 200))
    .openapi(get, async (c) => c.json(await getConclusion(db, c.var.scope, c.req.valid('param').id), 200))
    .openapi(put, async (c) => c.json(await saveConclusion(db, catalog, c.var.scope, c.req.valid('json')), 200))
    .openapi(publish, async (c) =>
      c.json(await publishConclusion(db, catalog, c.var.scope, c.req.valid('param').id), 200),
    )
}
