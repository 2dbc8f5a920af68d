import { ROLES } from '@profmon/contract/rules'
import { z } from '@hono/zod-openapi'
import { dataElementSchema, indicatorSchema, validationRuleSchema } from '@profmon/contract'

/** Shared request/response schemas of the HTTP API (registered as OpenAPI components). */

export const localizedSchema = z.object({ ru: z.string(), en: z.string().optional() }).openapi('LocalizedText')

// The contract's own schemas, as parsed manifests hold them (defaults filled in). zod 4 gives a
// schema the `.openapi()` method when it is constructed, and the contract's may be constructed
// before this module extends zod (the contract never imports the OpenAPI layer): `.describe()`
// makes a copy here, which has it.
export const dataElementDefinitionSchema = dataElementSchema
  .describe('A data element of a plugin manifest or a local one')
  .openapi('DataElement')
export const indicatorDefinitionSchema = indicatorSchema
  .describe('An indicator of a plugin manifest or a local one')
  .openapi('Indicator')
export const validationRuleDefinitionSchema = validationRuleSchema
  .describe('A validation rule of a plugin manifest')
  .openapi('ValidationRule')

export const orgUnitSchema = z
  .object({
    id: z.number().int().openapi({ example: 5 }),
    name: z.string().openapi({ example: 'Берёзовский муниципальный округ' }),
    shortName: z.string().nullable(),
    level: z.number().int().openapi({ description: '1 region, 2 municipality, 3 organisation' }),
    kind: z.string().openapi({ example: 'municipality' }),
    path: z.string().openapi({ example: '/1/5/' }),
    parentId: z.number().int().nullable(),
    childCount: z.number().int(),
  })
  .openapi('OrgUnit')

export const periodSchema = z
  .object({
    code: z.string().openapi({ example: '2024-25' }),
    title: z.string().openapi({ example: '2024/25 учебный год' }),
    startsOn: z.string(),
    endsOn: z.string(),
  })
  .openapi('Period')

/** A query parameter that may be repeated (`?indicator=a&indicator=b`). */
export const repeated = (description: string) =>
  z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().min(1)))
    .openapi({ description, param: { style: 'form', explode: true } })

export const idParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
})

export const roleSchema = z.enum(ROLES).openapi('Role')

/** A role held on an org unit's subtree; `orgUnit` null only for a platform admin bound to no region. */
export const heldRoleSchema = z
  .object({
    role: roleSchema,
    orgUnit: z.object({ id: z.number().int(), name: z.string(), level: z.number().int(), path: z.string() }).nullable(),
  })
  .openapi('RoleAssignment')

export const meSchema = z
  .object({
    id: z.number().int(),
    login: z.string().openapi({ example: 'mun1' }),
    name: z.string(),
    roles: z.array(heldRoleSchema),
    regionId: z.number().int().nullable().openapi({ description: "Region of the first role's org unit" }),
  })
  .openapi('Me')

/**
 * A required JSON request body of a route.
 *
 * @example
 * request: { body: json(z.object({ title: z.string() })) }
 */
export const json = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
})

/**
 * A JSON answer of a route, with its description.
 *
 * @example
 * responses: { 200: answer('The measure', measureSchema) }
 */
export const answer = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
})

/**
 * A file answer of a route (an XLSX workbook, a stored document), by its media type.
 *
 * @example
 * responses: { 200: fileAnswer('The league table', XLSX_TYPE) }
 */
export const fileAnswer = (description: string, mediaType: string) => ({
  description,
  content: { [mediaType]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
})
