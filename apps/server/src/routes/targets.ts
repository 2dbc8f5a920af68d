import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import { copyTargets } from '../goals/copy-targets.ts'
import { effectiveTargets } from '../goals/effective-view.ts'
import { listTargets, setTarget } from '../goals/targets.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'

export const scoreBandSchema = z
  .object({
    min: z.number().finite().nullable().openapi({ description: 'Inclusive; null = open below (first band only)' }),
    max: z.number().finite().nullable().openapi({ description: 'Exclusive; null = open above (last band only)' }),
    score: z.number().finite(),
  })
  .strict()
  .openapi('ScoreBand', { example: { min: 30, max: null, score: 2 } })

const sourceSchema = z.enum(['plugin', 'region', 'municipality', 'organization']).openapi('TargetSource', {
  description:
    "Where the target comes from: the indicator's definition (plugin manifest or local definition) or a unit of that level",
})

const targetSchema = z
  .object({
    indicator: z.string().openapi({ example: 'deficits.diagnosed_share' }),
    period: z.string().openapi({ example: '2025-26' }),
    orgUnit: z.number().int(),
    value: z.number(),
    tolerance: z.number().nullable(),
    scoreBands: z.array(scoreBandSchema).nullable(),
    effectiveGap: z
      .number()
      .nullable()
      .openapi({ description: "The smallest change that counts as a move; null = the indicator's default" }),
    allowLaxer: z.boolean().openapi({ description: "On a region's target: municipalities may set laxer ones" }),
    source: sourceSchema,
  })
  .openapi('Target')

const effectiveTargetSchema = z
  .object({
    indicator: z.string().openapi({ example: 'deficits.diagnosed_share' }),
    value: z.number(),
    tolerance: z.number().nullable(),
    scoreBands: z.array(scoreBandSchema).nullable(),
    effectiveGap: z
      .number()
      .openapi({ description: 'Resolved: 1 p.p. for a share, 0 otherwise, unless a target sets it' }),
    source: sourceSchema,
    sourceOrgUnit: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "The unit whose target is in force; null for the definition's" }),
    allowLaxer: z.boolean(),
  })
  .openapi('EffectiveTarget')

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

const effective = createRoute({
  method: 'get',
  path: '/api/targets/effective',
  tags: ['targets'],
  summary: 'The target in force at an org unit and period for every indicator visible there',
  description:
    'Plugin (or local definition) default → region → municipality → organisation: the deepest set target wins.',
  request: {
    query: z.object({ orgUnit: z.coerce.number().int().positive(), period: z.string().min(1) }),
  },
  responses: {
    200: {
      description: 'Targets in force, one per indicator that has one',
      content: {
        'application/json': {
          schema: z.object({ targets: z.array(effectiveTargetSchema) }).openapi('EffectiveTargets'),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

const put = createRoute({
  method: 'put',
  path: '/api/targets',
  tags: ['targets'],
  summary: "Set an indicator's target for an org unit and period (value null removes it)",
  description:
    "Region admins set any target in the region; a municipal coordinator sets the municipality's no laxer than the " +
    "region's (polarity decides) unless the region's target has allowLaxer. Left-out fields are cleared. Audited.",
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
              scoreBands: z.array(scoreBandSchema).nullable().optional(),
              effectiveGap: z.number().finite().min(0).nullable().optional(),
              allowLaxer: z.boolean().optional(),
            })
            .strict()
            .openapi('TargetWrite'),
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

const copy = createRoute({
  method: 'post',
  path: '/api/targets/copy',
  tags: ['targets'],
  summary: "Copy a period's targets set on a unit and below (where the caller may write) to another period",
  description: 'One transaction, each copy audited; targets already set in the new period are kept.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              orgUnit: z.number().int().positive(),
              from: z.string().min(1).openapi({ example: '2024-25' }),
              to: z.string().min(1).openapi({ example: '2025-26' }),
            })
            .strict()
            .openapi('TargetCopy'),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'How many targets were copied, and how many were already set in the new period',
      content: {
        'application/json': {
          schema: z.object({ copied: z.number().int(), kept: z.number().int() }).openapi('TargetCopyResult'),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

/** Indicator targets per org unit and period: read like data, written by region admins and (stricter) coordinators. */
export function targetRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(list, async (c) => c.json(await listTargets(db, c.var.scope, c.req.valid('query')), 200))
    .openapi(effective, async (c) =>
      c.json({ targets: await effectiveTargets(db, catalog, c.var.scope, c.req.valid('query')) }, 200),
    )
    .openapi(put, async (c) => c.json(await setTarget(db, catalog, c.var.scope, c.req.valid('json')), 200))
    .openapi(copy, async (c) => c.json(await copyTargets(db, catalog, c.var.scope, c.req.valid('json')), 200))
}
