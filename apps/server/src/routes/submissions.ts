import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { completeness } from '../collection/workflow/completeness.ts'
import { SUBMISSION_STATES, type Transition } from '@profmon/contract/rules'
import { transition } from '../collection/workflow/submissions.ts'
import { LOCAL_GROUP } from '../catalog/catalog.ts'
import { catalogFor } from '../catalog/local-definitions.ts'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getOrgUnit } from '../org/org-units.ts'

const stateSchema = z.enum(SUBMISSION_STATES)

const submissionSchema = z
  .object({
    orgUnit: z.number().int(),
    period: z.string(),
    plugin: z.string(),
    state: stateSchema,
    comment: z.string().nullable().openapi({ description: 'Why it was last returned' }),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .openapi('Submission')

const completenessSchema = z
  .object({
    self: submissionSchema,
    children: z.array(submissionSchema.extend({ name: z.string(), values: z.number().int() })),
    counts: z.object({
      total: z.number().int(),
      draft: z.number().int(),
      submitted: z.number().int(),
      approved: z.number().int(),
      returned: z.number().int(),
      notSubmitted: z.number().int().openapi({ description: 'drafts + returned' }),
    }),
  })
  .openapi('Completeness')

const list = createRoute({
  method: 'get',
  path: '/api/submissions',
  tags: ['data collection'],
  summary: 'Entry state of an org unit and of each of its children for a period and direction (completeness)',
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive(),
      period: z.string().min(1).openapi({ example: '2025-26' }),
      plugin: z.string().min(1).openapi({ example: 'deficits' }),
    }),
  },
  responses: {
    200: { description: 'States and counts', content: { 'application/json': { schema: completenessSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
})

const params = z.object({
  orgUnit: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'orgUnit', in: 'path' } }),
  period: z
    .string()
    .min(1)
    .openapi({ param: { name: 'period', in: 'path' }, example: '2025-26' }),
  plugin: z
    .string()
    .min(1)
    .openapi({ param: { name: 'plugin', in: 'path' }, example: 'deficits' }),
})

const DESCRIPTIONS: Record<Transition, string> = {
  submit:
    'Draft or returned → submitted, by whoever enters the unit’s data. The data is then locked for the submitter.',
  approve: 'Submitted → approved, by the level above (a municipality for its schools, the region for municipalities).',
  return: 'Submitted or approved → returned with a comment (required), by the level above; the data opens again.',
}

const move = (action: Transition) =>
  createRoute({
    method: 'post',
    path: `/api/submissions/{orgUnit}/{period}/{plugin}/${action}`,
    tags: ['data collection'],
    summary: `${action[0]!.toUpperCase()}${action.slice(1)} the data of an org unit, period and direction`,
    description: `${DESCRIPTIONS[action]} Audited. 409 when the current state does not allow it.`,
    request: {
      params,
      body: {
        required: false,
        content: {
          'application/json': {
            schema: z.object({ comment: z.string().max(2000).optional() }).strict(),
          },
        },
      },
    },
    responses: {
      200: { description: 'The new state', content: { 'application/json': { schema: submissionSchema } } },
      ...errorResponses(400, 401, 403, 404, 409),
    },
  })

/** The entry workflow: completeness for coordinators, and the submit / approve / return moves. */
export function submissionRoutes({ db, catalog }: AppDeps) {
  const app = new OpenAPIHono<AuthEnv>().openapi(list, async (c) => {
    const q = c.req.valid('query')
    const unit = await getOrgUnit(db, q.orgUnit)
    c.var.scope.assertCanRead(unit)
    // The `local` group counts the local elements the unit sees (owned by it or an ancestor).
    const view = q.plugin === LOCAL_GROUP ? await catalogFor(db, catalog, [unit]) : catalog
    return c.json(await completeness(db, view, unit, q.period, q.plugin), 200)
  })
  for (const action of ['submit', 'approve', 'return'] as const)
    app.openapi(move(action), async (c) => {
      const p = c.req.valid('param')
      const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {}
      const unit = await getOrgUnit(db, p.orgUnit)
      c.var.scope.assertCanRead(unit)
      return c.json(await transition(db, catalog, c.var.scope, unit, p.period, p.plugin, action, body.comment), 200)
    })
  return app
}
