import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { ORG_LEVELS, registryEventKindSchema } from '@profmon/contract'
import {
  archiveLocalElement,
  createLocalElement,
  listDataElements,
  updateLocalElement,
} from '../catalog/local-elements.ts'
import { textInput } from '../catalog/local-drafts.ts'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { ownerSchema } from './local-owners.ts'
import { json } from './schemas.ts'

/** A derived element's declaration as the API takes and shows it (checked like a manifest's). */
const derivedBody = z
  .object({
    count: z.enum(['people', 'events']),
    event: z.enum(registryEventKindSchema.options).optional(),
    filter: z.string().max(2000).optional().openapi({ example: 'age < 35 and category == "highest"' }),
    breakdown: z.string().optional().openapi({ example: 'subject' }),
  })
  .openapi('DerivedDeclaration')

export const dataElementViewSchema = z
  .object({
    code: z.string().openapi({ example: 'core.teachers_total' }),
    title: z.object({ ru: z.string(), en: z.string().optional() }),
    valueType: z.string(),
    aggregation: z.string(),
    entryLevel: z.string(),
    dimension: z.string().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    derived: derivedBody.nullable().openapi({ description: 'How the element is counted from the teacher registry' }),
    plugin: z.string().nullable().openapi({ description: 'null for a local element' }),
    owner: ownerSchema.nullable().openapi({ description: 'The org unit owning a local element' }),
    archived: z.boolean(),
  })
  .openapi('DataElementView')

const codeParam = z.object({
  code: z.string().openapi({ param: { name: 'code', in: 'path' }, example: 'local.5.mentors' }),
})
const one = (description: string) => ({
  description,
  content: { 'application/json': { schema: dataElementViewSchema } },
})

const list = createRoute({
  method: 'get',
  path: '/api/data-elements',
  tags: ['local indicators'],
  summary: "Data elements an org unit's formulas may use: its enabled directions' and the local ones it sees",
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive().optional().openapi({ description: "Default: the caller's unit" }),
    }),
  },
  responses: {
    200: {
      description: 'Elements',
      content: { 'application/json': { schema: z.object({ elements: z.array(dataElementViewSchema) }) } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

const bounds = { min: z.number().optional(), max: z.number().optional(), required: z.boolean().optional() }
const create = createRoute({
  method: 'post',
  path: '/api/local-data-elements',
  tags: ['local indicators'],
  summary: "Define a local data element, collected in the owner's subtree only",
  request: {
    body: json(
      z.object({
        orgUnit: z.number().int().positive(),
        title: textInput,
        description: textInput.optional(),
        valueType: z.enum(['integer', 'number', 'boolean']),
        entryLevel: z.enum(ORG_LEVELS).optional(),
        aggregation: z.enum(['sum', 'count_true', 'any', 'all', 'min', 'max']).optional(),
        dimension: z.string().nullable().optional(),
        derived: derivedBody.optional(),
        slug: z
          .string()
          .regex(/^[a-z][a-z0-9_]*$/)
          .max(40)
          .optional(),
        ...bounds,
      }),
    ),
  },
  responses: { 201: one('The created element'), ...errorResponses(400, 401, 403, 404) },
})

const update = createRoute({
  method: 'put',
  path: '/api/local-data-elements/{code}',
  tags: ['local indicators'],
  summary: 'Change the title, description or bounds of a local data element (type and breakdown stay)',
  request: {
    params: codeParam,
    body: json(z.object({ title: textInput.optional(), description: textInput.optional(), ...bounds })),
  },
  responses: { 200: one('The element'), ...errorResponses(400, 401, 403, 404) },
})

const archive = createRoute({
  method: 'delete',
  path: '/api/local-data-elements/{code}',
  tags: ['local indicators'],
  summary: 'Archive a local data element: no longer offered or written; its values are kept',
  request: { params: codeParam },
  responses: { 200: one('The archived element'), ...errorResponses(400, 401, 403, 404) },
})

/** Data elements for formulas, and local data elements defined by municipalities and regions. */
export function localDataElementRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(list, async (c) =>
      c.json(await listDataElements(db, catalog, c.var.scope, c.req.valid('query').orgUnit), 200),
    )
    .openapi(create, async (c) => c.json(await createLocalElement(db, catalog, c.var.scope, c.req.valid('json')), 201))
    .openapi(update, async (c) =>
      c.json(await updateLocalElement(db, c.var.scope, c.req.valid('param').code, c.req.valid('json')), 200),
    )
    .openapi(archive, async (c) => c.json(await archiveLocalElement(db, c.var.scope, c.req.valid('param').code), 200))
}
