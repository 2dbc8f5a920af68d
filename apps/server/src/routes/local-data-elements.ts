import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { dataElementSchema, ORG_LEVEL_DEPTH, ORG_LEVELS, type DataElement } from '@profmon/contract'
import { appendAudit } from '../audit/audit-log.ts'
import { slugOf, textInput, toLocalized } from '../catalog/local-drafts.ts'
import { loadLocalElements } from '../catalog/local-definitions.ts'
import type { AppDeps } from '../context.ts'
import { DomainError, errorResponses, fromZodError, invalid } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'
import { assertCanDefine, ownerSchema, ownedUnit, uniqueCode } from './local-owners.ts'

export const dataElementViewSchema = z
  .object({
    code: z.string().openapi({ example: 'deficits.teachers_total' }),
    title: z.object({ ru: z.string(), en: z.string().optional() }),
    valueType: z.string(),
    aggregation: z.string(),
    entryLevel: z.string(),
    dimension: z.string().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    plugin: z.string().nullable().openapi({ description: 'null for a local element' }),
    owner: ownerSchema.nullable().openapi({ description: 'The org unit owning a local element' }),
    archived: z.boolean(),
  })
  .openapi('DataElementView')

const codeParam = z.object({
  code: z.string().openapi({ param: { name: 'code', in: 'path' }, example: 'local.5.mentors' }),
})
const json = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } })
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

type LocalElement = Awaited<ReturnType<typeof loadLocalElements>>[number]
const localView = (e: LocalElement) => ({
  ...viewOf(e.definition, null, { id: e.owner!.id, name: e.ownerName, level: e.ownerLevel }),
  archived: e.archived,
})
function viewOf(d: DataElement, plugin: string | null, owner: z.infer<typeof ownerSchema> | null) {
  return {
    code: d.code,
    title: d.title,
    valueType: d.valueType,
    aggregation: d.aggregation,
    entryLevel: d.entryLevel,
    dimension: d.dimension ?? null,
    min: d.min ?? null,
    max: d.max ?? null,
    plugin,
    owner,
    archived: false,
  }
}

/** Data elements for formulas, and local data elements defined by municipalities and regions. */
export function localDataElementRoutes({ db, catalog }: AppDeps) {
  async function byCode(code: string): Promise<LocalElement> {
    const found = await db
      .selectFrom('data_element')
      .select('owner_org_unit_id')
      .where('code', '=', code)
      .where('owner_org_unit_id', 'is not', null)
      .executeTakeFirst()
    if (!found)
      throw new DomainError('not_found', 'not_found', `no local data element "${code}"`, [
        { path: 'code', message: 'unknown' },
      ])
    const rows = await loadLocalElements(db, { ownerIds: [found.owner_org_unit_id!] }, true)
    return rows.find((r) => r.definition.code === code)!
  }
  async function save(
    e: LocalElement,
    definition: DataElement,
    actor: string,
    action: 'update' | 'archive',
  ): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('data_element')
        .set(action === 'archive' ? { archived_at: new Date() } : { definition: JSON.stringify(definition) })
        .where('id', '=', e.id)
        .execute()
      await appendAudit(trx, [
        {
          actor,
          action,
          entity: 'local_data_element',
          entityKey: e.definition.code,
          orgUnitId: e.owner!.id,
          oldValue: action === 'archive' ? { archived: false } : e.definition,
          newValue: action === 'archive' ? { archived: true } : definition,
        },
      ])
    })
  }

  return new OpenAPIHono<AuthEnv>()
    .openapi(list, async (c) => {
      const q = c.req.valid('query')
      const id = q.orgUnit ?? c.var.user.roles.find((r) => r.orgUnit)?.orgUnit?.id
      if (id === undefined) return c.json({ elements: [] }, 200)
      const unit = await getOrgUnit(db, id)
      c.var.scope.assertCanRead(unit)
      const [enabled, local] = await Promise.all([
        enabledPluginIds(db, catalog, regionIdOf(unit)),
        loadLocalElements(db, { ownerIds: unit.path.split('/').filter(Boolean).map(Number) }),
      ])
      const on = new Set(enabled)
      const elements = [
        ...[...catalog.elements.values()]
          .filter((e) => on.has(e.pluginId))
          .map((e) => viewOf(e.definition, e.pluginId, null)),
        ...local.map(localView),
      ]
      return c.json({ elements }, 200)
    })
    .openapi(create, async (c) => {
      const body = c.req.valid('json')
      const unit = await ownedUnit(db, c.var.scope, body.orgUnit)
      const title = toLocalized(body.title)!
      const code = await uniqueCode(db, 'data_element', `local.${unit.id}.${body.slug ?? slugOf(title.ru)}`)
      const parsed = dataElementSchema.safeParse({
        code,
        title,
        description: toLocalized(body.description),
        valueType: body.valueType,
        entryLevel: body.entryLevel ?? 'organization',
        aggregation: body.aggregation ?? (body.valueType === 'boolean' ? 'count_true' : 'sum'),
        min: body.min ?? (body.valueType === 'boolean' ? undefined : 0),
        max: body.max,
        required: body.required,
        dimension: body.dimension ?? undefined,
      })
      if (!parsed.success) throw fromZodError(parsed.error)
      const d = parsed.data
      if (d.dimension && !catalog.dimensions.has(d.dimension))
        throw invalid([{ path: 'dimension', message: `unknown dimension "${d.dimension}"` }])
      if (ORG_LEVEL_DEPTH[d.entryLevel] < unit.level)
        throw invalid([{ path: 'entryLevel', message: `entered above its owner's level` }])
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('data_element')
          .values({
            code,
            plugin_id: null,
            owner_org_unit_id: unit.id,
            value_type: d.valueType,
            aggregation: d.aggregation,
            dimension_code: d.dimension ?? null,
            definition: JSON.stringify(d),
          })
          .execute()
        await appendAudit(trx, [
          {
            actor: c.var.user.login,
            action: 'create',
            entity: 'local_data_element',
            entityKey: code,
            orgUnitId: unit.id,
            newValue: d,
          },
        ])
      })
      return c.json(localView(await byCode(code)), 201)
    })
    .openapi(update, async (c) => {
      const { code } = c.req.valid('param')
      const body = c.req.valid('json')
      const e = await byCode(code)
      assertCanDefine(c.var.scope, e.owner!, 'code')
      const parsed = dataElementSchema.safeParse({
        ...e.definition,
        ...(body.title ? { title: toLocalized(body.title) } : {}),
        ...(body.description ? { description: toLocalized(body.description) } : {}),
        ...(body.min !== undefined ? { min: body.min } : {}),
        ...(body.max !== undefined ? { max: body.max } : {}),
        ...(body.required !== undefined ? { required: body.required } : {}),
      })
      if (!parsed.success) throw fromZodError(parsed.error)
      await save(e, parsed.data, c.var.user.login, 'update')
      return c.json(localView(await byCode(code)), 200)
    })
    .openapi(archive, async (c) => {
      const { code } = c.req.valid('param')
      const e = await byCode(code)
      assertCanDefine(c.var.scope, e.owner!, 'code')
      if (!e.archived) await save(e, e.definition, c.var.user.login, 'archive')
      return c.json(localView(await byCode(code)), 200)
    })
}
