import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  archiveLocalIndicator,
  createLocalIndicator,
  listLocalIndicators,
  previewLocalIndicator,
  reviseLocalIndicator,
} from '../catalog/local-indicators.ts'
import { localIndicatorInput, textInput } from '../catalog/local-drafts.ts'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { analyticsRowSchema } from './analytics.ts'
import { ownerSchema } from './local-owners.ts'
import { indicatorDefinitionSchema, json } from './schemas.ts'

const codeParam = z.object({
  code: z.string().openapi({ param: { name: 'code', in: 'path' }, example: 'local.5.dolya_nastavnikov' }),
})

export const localIndicatorSchema = z
  .object({
    code: z.string().openapi({ example: 'local.5.dolya_nastavnikov' }),
    title: z.object({ ru: z.string(), en: z.string().optional() }),
    kind: z.string(),
    direction: z.string().nullable(),
    owner: ownerSchema,
    editable: z.boolean().openapi({ description: 'Whether the caller may revise or archive it' }),
    revision: z.number().int(),
    validFrom: z.string().nullable(),
    archived: z.boolean(),
    definition: indicatorDefinitionSchema.openapi({
      description: "The newest revision: passes the manifests' indicator schema",
    }),
    revisions: z.array(
      z.object({ revision: z.number().int(), validFrom: z.string().nullable(), author: z.string(), at: z.string() }),
    ),
    usage: z.object({
      orgUnits: z
        .number()
        .int()
        .openapi({ description: "Org units of the owner's subtree with data for its elements" }),
    }),
  })
  .openapi('LocalIndicator')

const one = (description: string) => ({
  description,
  content: { 'application/json': { schema: localIndicatorSchema } },
})

const list = createRoute({
  method: 'get',
  path: '/api/local-indicators',
  tags: ['local indicators'],
  summary: "Local indicators owned in an org unit's subtree or by its ancestors (a region admin: every municipality's)",
  request: { query: z.object({ orgUnit: z.coerce.number().int().positive() }) },
  responses: {
    200: {
      description: 'Local indicators, archived ones included',
      content: { 'application/json': { schema: z.object({ indicators: z.array(localIndicatorSchema) }) } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

const create = createRoute({
  method: 'post',
  path: '/api/local-indicators',
  tags: ['local indicators'],
  summary: 'Define a local indicator of a municipality (coordinator) or region (region admin)',
  description:
    'Formulas are text (`#{code} / #{code}`), checked against the data elements the owner may use. A formula error is ' +
    'a 400 whose detail names the field, the position (0-based) and the unknown code.',
  request: {
    body: json(
      localIndicatorInput.extend({
        orgUnit: z.number().int().positive(),
        slug: z
          .string()
          .regex(/^[a-z][a-z0-9_]*$/)
          .max(40)
          .optional(),
      }),
    ),
  },
  responses: { 201: one('The created indicator, revision 1'), ...errorResponses(400, 401, 403, 404) },
})

const update = createRoute({
  method: 'put',
  path: '/api/local-indicators/{code}',
  tags: ['local indicators'],
  summary: 'Edit a local indicator: appends a revision valid from a period on (default: the latest period)',
  request: {
    params: codeParam,
    body: json(localIndicatorInput.extend({ validFrom: z.string().optional() })),
  },
  responses: { 200: one('The indicator with its new revision'), ...errorResponses(400, 401, 403, 404) },
})

const archive = createRoute({
  method: 'delete',
  path: '/api/local-indicators/{code}',
  tags: ['local indicators'],
  summary: 'Archive a local indicator: no longer evaluated; its data and revisions are kept',
  request: { params: codeParam },
  responses: { 200: one('The archived indicator'), ...errorResponses(400, 401, 403, 404) },
})

const preview = createRoute({
  method: 'post',
  path: '/api/local-indicators/preview',
  tags: ['local indicators'],
  summary: "Evaluate a draft for an org unit and its children in a period, without saving (the editor's preview)",
  request: {
    body: json(
      localIndicatorInput.extend({
        title: textInput.optional(),
        orgUnit: z.number().int().positive(),
        period: z.string().optional(),
      }),
    ),
  },
  responses: {
    200: {
      description: 'Rows of the unit, then of its children, as analytics would compute them',
      content: { 'application/json': { schema: z.object({ rows: z.array(analyticsRowSchema) }) } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

/** Local indicators: defined by municipalities and regions as data, revised, archived, previewed. */
export function localIndicatorRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(list, async (c) => c.json(await listLocalIndicators(db, c.var.scope, c.req.valid('query').orgUnit), 200))
    .openapi(create, async (c) =>
      c.json(await createLocalIndicator(db, catalog, c.var.scope, c.req.valid('json')), 201),
    )
    .openapi(update, async (c) =>
      c.json(await reviseLocalIndicator(db, catalog, c.var.scope, c.req.valid('param').code, c.req.valid('json')), 200),
    )
    .openapi(archive, async (c) => c.json(await archiveLocalIndicator(db, c.var.scope, c.req.valid('param').code), 200))
    .openapi(preview, async (c) =>
      c.json(await previewLocalIndicator(db, catalog, c.var.scope, c.req.valid('json')), 200),
    )
}
