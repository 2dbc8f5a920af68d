import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { compileIndicator } from '@profmon/contract'
import { sql, type Database, type Kysely } from '@profmon/db'
import { computeAnalytics } from '../analytics/analytics.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { LOCAL_GROUP } from '../catalog/catalog.ts'
import { draftIndicator, localIndicatorInput, slugOf, textInput } from '../catalog/local-drafts.ts'
import { catalogFor, loadLocalIndicators, type LocalIndicatorRow } from '../catalog/local-definitions.ts'
import type { AppDeps } from '../context.ts'
import { ApiError, errorResponses, invalid } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getOrgUnit, pathIds } from '../org/org-units.ts'
import { analyticsRowSchema } from './analytics.ts'
import { assertCanDefine, ownerSchema, ownedUnit, uniqueCode } from './local-owners.ts'
import { indicatorDefinitionSchema } from './schemas.ts'

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

const json = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } })
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

/** Org units of the owner's subtree that have data for any element the indicator refers to. */
async function usageOf(db: Kysely<Database>, row: LocalIndicatorRow): Promise<number> {
  const codes = new Set<string>()
  for (const r of row.revisions) {
    const c = compileIndicator(r.definition)
    for (const ref of c.refs) codes.add(ref.code)
  }
  if (!codes.size) return 0
  const res = await sql<{ n: number }>`
    select count(distinct v.org_unit_id)::int as n
    from data_value v
    join org_unit o on o.id = v.org_unit_id
    join data_element e on e.id = v.element_id
    where o.path like ${`${row.owner.path}%`} and e.code = any(${[...codes]}::text[])
  `.execute(db)
  return Number(res.rows[0]?.n ?? 0)
}

async function viewOf(db: Kysely<Database>, row: LocalIndicatorRow) {
  const last = row.revisions[row.revisions.length - 1]!
  return {
    code: row.code,
    title: last.definition.title,
    kind: last.definition.kind,
    direction: row.direction,
    owner: { id: row.owner.id, name: row.owner.name, level: row.owner.level },
    revision: last.revision,
    validFrom: last.validFrom,
    archived: row.archived,
    definition: last.definition,
    revisions: row.revisions.map((r) => ({
      revision: r.revision,
      validFrom: r.validFrom,
      author: r.author,
      at: r.at.toISOString(),
    })),
    usage: { orgUnits: await usageOf(db, row) },
  }
}

/** Local indicators: defined by municipalities and regions as data, revised, archived, previewed. */
export function localIndicatorRoutes({ db, catalog }: AppDeps) {
  async function byCode(code: string): Promise<LocalIndicatorRow> {
    const found = await db
      .selectFrom('indicator')
      .select('owner_org_unit_id')
      .where('code', '=', code)
      .where('owner_org_unit_id', 'is not', null)
      .executeTakeFirst()
    if (!found)
      throw new ApiError(404, 'not_found', `no local indicator "${code}"`, [{ path: 'code', message: 'unknown' }])
    const rows = await loadLocalIndicators(db, { ownerIds: [found.owner_org_unit_id!] }, true)
    return rows.find((r) => r.code === code)!
  }
  async function latestPeriod(): Promise<string> {
    const p = await db.selectFrom('period').select('code').orderBy('starts_on', 'desc').limit(1).executeTakeFirst()
    if (!p) throw invalid([{ path: 'period', message: 'no periods yet' }])
    return p.code
  }

  return new OpenAPIHono<AuthEnv>()
    .openapi(list, async (c) => {
      const unit = await getOrgUnit(db, c.req.valid('query').orgUnit)
      c.var.scope.assertCanRead(unit)
      const rows = await loadLocalIndicators(db, { ownerIds: pathIds(unit.path), subtrees: [unit.path] }, true)
      const indicators = []
      for (const r of rows) indicators.push(await viewOf(db, r))
      return c.json({ indicators }, 200)
    })
    .openapi(create, async (c) => {
      const body = c.req.valid('json')
      const unit = await ownedUnit(db, c.var.scope, body.orgUnit)
      const view = await catalogFor(db, catalog, [unit])
      const title = typeof body.title === 'string' ? body.title : body.title.ru
      const code = await uniqueCode(db, 'indicator', `local.${unit.id}.${body.slug ?? slugOf(title)}`)
      const { indicator } = draftIndicator(code, body, view)
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('indicator')
          .values({
            code,
            plugin_id: null,
            owner_org_unit_id: unit.id,
            direction: body.direction ?? null,
            definition: JSON.stringify(indicator),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await trx
          .insertInto('local_indicator_revision')
          .values({
            indicator_id: row.id,
            revision: 1,
            definition: JSON.stringify(indicator),
            valid_from_period_id: null,
            author: c.var.user.login,
          })
          .execute()
        await appendAudit(trx, [
          {
            actor: c.var.user.login,
            action: 'create',
            entity: 'local_indicator',
            entityKey: code,
            orgUnitId: unit.id,
            newValue: { revision: 1, definition: indicator, direction: body.direction ?? null },
          },
        ])
      })
      return c.json(await viewOf(db, await byCode(code)), 201)
    })
    .openapi(update, async (c) => {
      const { code } = c.req.valid('param')
      const body = c.req.valid('json')
      const row = await byCode(code)
      assertCanDefine(c.var.scope, row.owner, 'code')
      const view = await catalogFor(db, catalog, [row.owner])
      const { indicator } = draftIndicator(code, body, view)
      const validFrom = body.validFrom ?? (await latestPeriod())
      const period = await db.selectFrom('period').select('id').where('code', '=', validFrom).executeTakeFirst()
      if (!period) throw invalid([{ path: 'validFrom', message: `unknown period "${validFrom}"` }])
      const before = row.revisions[row.revisions.length - 1]!
      const revision = before.revision + 1
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('indicator')
          .set({ definition: JSON.stringify(indicator), direction: body.direction ?? null })
          .where('id', '=', row.id)
          .execute()
        await trx
          .insertInto('local_indicator_revision')
          .values({
            indicator_id: row.id,
            revision,
            definition: JSON.stringify(indicator),
            valid_from_period_id: period.id,
            author: c.var.user.login,
          })
          .execute()
        await appendAudit(trx, [
          {
            actor: c.var.user.login,
            action: 'update',
            entity: 'local_indicator',
            entityKey: code,
            orgUnitId: row.owner.id,
            oldValue: { revision: before.revision, definition: before.definition },
            newValue: { revision, validFrom, definition: indicator },
          },
        ])
      })
      return c.json(await viewOf(db, await byCode(code)), 200)
    })
    .openapi(archive, async (c) => {
      const { code } = c.req.valid('param')
      const row = await byCode(code)
      assertCanDefine(c.var.scope, row.owner, 'code')
      if (!row.archived)
        await db.transaction().execute(async (trx) => {
          await trx.updateTable('indicator').set({ archived_at: new Date() }).where('id', '=', row.id).execute()
          await appendAudit(trx, [
            {
              actor: c.var.user.login,
              action: 'archive',
              entity: 'local_indicator',
              entityKey: code,
              orgUnitId: row.owner.id,
              oldValue: { archived: false },
              newValue: { archived: true },
            },
          ])
        })
      return c.json(await viewOf(db, await byCode(code)), 200)
    })
    .openapi(preview, async (c) => {
      const body = c.req.valid('json')
      const unit = await getOrgUnit(db, body.orgUnit)
      c.var.scope.assertCanRead(unit)
      const [view, period] = await Promise.all([catalogFor(db, catalog, [unit]), body.period ?? latestPeriod()])
      const { compiled } = draftIndicator(`local.${unit.id}.preview`, { ...body, title: body.title ?? '—' }, view)
      const draft = { pluginId: LOCAL_GROUP, compiled }
      const args = { unit, periods: [period], indicators: [], draft }
      const self = await computeAnalytics(db, view, { ...args, level: 'self' })
      const children = await computeAnalytics(db, view, { ...args, level: 'children' })
      return c.json({ rows: [...self, ...children] }, 200)
    })
}
