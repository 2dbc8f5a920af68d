import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { remoteNameOf } from '@profmon/contract'
import type { Scope } from '../access/scope.ts'
import type { AppDeps } from '../context.ts'
import { ApiError, errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'
import { localizedSchema } from './schemas.ts'

const pluginSchema = z
  .object({
    id: z.string().openapi({ example: 'deficits' }),
    version: z.string(),
    title: localizedSchema,
    shortTitle: localizedSchema.nullable(),
    description: localizedSchema.nullable(),
    order: z.number().int(),
    indicators: z.number().int(),
    dataElements: z.number().int(),
    remoteEntry: z.string().nullable().openapi({ example: '/plugins/deficits/remoteEntry.js' }),
    remoteName: z
      .string()
      .nullable()
      .openapi({ example: 'profmon_deficits', description: 'Module Federation container name' }),
    exposes: z.array(z.string()).openapi({ example: ['./View'] }),
  })
  .openapi('Plugin')

const installedSchema = z
  .object({
    id: z.string(),
    version: z.string(),
    title: localizedSchema,
    status: z.enum(['active', 'incompatible', 'invalid']).openapi({
      description: "incompatible: the manifest's `contract` range excludes this platform's contract version",
    }),
    error: z.string().nullable(),
    enabled: z.boolean().nullable().openapi({ description: 'Whether the region enables it (null without a region)' }),
  })
  .openapi('InstalledPlugin')

const regionQuery = z.object({
  region: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: "Region (root org unit) id; default the caller's region (a platform admin's: the first)" }),
})

const enabled = createRoute({
  method: 'get',
  path: '/api/plugins',
  tags: ['plugins'],
  summary: "The plugins enabled for the region, with their federated UI's remoteEntry",
  request: { query: regionQuery },
  responses: {
    200: {
      description: 'Enabled plugins in navigation order',
      content: { 'application/json': { schema: z.array(pluginSchema) } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

const installed = createRoute({
  method: 'get',
  path: '/api/plugins/installed',
  tags: ['plugins'],
  summary:
    'Every installed plugin with its status (refused ones with the reason) and whether the region enables it; ' +
    'only the platform admin sees refused plugins',
  request: { query: regionQuery },
  responses: {
    200: { description: 'Installed plugins', content: { 'application/json': { schema: z.array(installedSchema) } } },
    ...errorResponses(400, 401, 403, 404),
  },
})

const toggle = createRoute({
  method: 'put',
  path: '/api/regions/{id}/plugins/{plugin}',
  tags: ['plugins'],
  summary:
    'Enable or disable a plugin for a region (its region admin or a platform admin); its data is kept either way',
  request: {
    params: z.object({
      id: z.coerce
        .number()
        .int()
        .positive()
        .openapi({ param: { name: 'id', in: 'path' } }),
      plugin: z.string().openapi({ param: { name: 'plugin', in: 'path' }, example: 'deficits' }),
    }),
    body: { required: true, content: { 'application/json': { schema: z.object({ enabled: z.boolean() }).strict() } } },
  },
  responses: {
    200: {
      description: 'The new state',
      content: { 'application/json': { schema: z.object({ plugin: z.string(), enabled: z.boolean() }) } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

export function pluginRoutes({ db, catalog }: AppDeps) {
  async function regionOf(scope: Scope, region: number | undefined): Promise<number | undefined> {
    if (region === undefined) {
      const home = scope.homeRegionId()
      if (home !== undefined) return home
      const first = await db
        .selectFrom('org_unit')
        .select('id')
        .where('parent_id', 'is', null)
        .orderBy('id')
        .executeTakeFirst()
      return first?.id
    }
    const unit = await getOrgUnit(db, region)
    if (unit.parent_id !== null)
      throw new ApiError(400, 'invalid_request', `org unit ${region} is not a region`, [
        { path: 'region', message: 'not a region' },
      ])
    scope.assertCanSeeRegion(unit.id)
    return regionIdOf(unit)
  }

  return new OpenAPIHono<AuthEnv>()
    .openapi(enabled, async (c) => {
      const regionId = await regionOf(c.var.scope, c.req.valid('query').region)
      const ids = regionId === undefined ? [] : await enabledPluginIds(db, catalog, regionId)
      return c.json(
        ids.map((id) => {
          const m = catalog.plugins.get(id)!
          // Listed whenever the manifest declares a UI: a missing build then shows as that
          // plugin's error card in the shell, not as a silently absent view.
          const hasUi = Boolean(m.ui)
          return {
            id,
            version: m.version,
            title: m.title,
            shortTitle: m.shortTitle ?? null,
            description: m.description ?? null,
            order: m.order,
            indicators: m.indicators.length,
            dataElements: m.dataElements.length,
            remoteEntry: hasUi ? `/plugins/${id}/remoteEntry.js` : null,
            remoteName: hasUi ? remoteNameOf(id) : null,
            exposes: hasUi ? (m.ui?.exposes ?? []) : [],
          }
        }),
        200,
      )
    })
    .openapi(installed, async (c) => {
      const regionId = await regionOf(c.var.scope, c.req.valid('query').region)
      let query = db.selectFrom('plugin').selectAll().orderBy('id')
      // Refused plugins and their errors are the platform's business, not a region's.
      if (!c.var.scope.isPlatformAdmin) query = query.where('status', '=', 'active')
      const rows = await query.execute()
      const on = regionId === undefined ? undefined : new Set(await enabledPluginIds(db, catalog, regionId))
      return c.json(
        rows.map((p) => ({
          id: p.id,
          version: p.version,
          title: p.title as { ru: string; en?: string },
          status: p.status as 'active' | 'incompatible' | 'invalid',
          error: p.error,
          enabled: on ? on.has(p.id) : null,
        })),
        200,
      )
    })
    .openapi(toggle, async (c) => {
      const { id, plugin } = c.req.valid('param')
      const { enabled: on } = c.req.valid('json')
      const regionId = await regionOf(c.var.scope, id)
      c.var.scope.assertCanWrite(await getOrgUnit(db, regionId!), 'plugins', 'id')
      if (!catalog.plugins.has(plugin))
        throw new ApiError(404, 'not_found', `plugin "${plugin}" is not installed or not active`, [
          { path: 'plugin', message: 'not installed' },
        ])
      await db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('region_plugin')
          .select('enabled')
          .where('region_id', '=', regionId!)
          .where('plugin_id', '=', plugin)
          .executeTakeFirst()
        await trx
          .insertInto('region_plugin')
          .values({ region_id: regionId!, plugin_id: plugin, enabled: on })
          .onConflict((oc) =>
            oc.columns(['region_id', 'plugin_id']).doUpdateSet({ enabled: on, updated_at: new Date() }),
          )
          .execute()
        await trx
          .insertInto('audit_log')
          .values({
            actor: c.var.user.login,
            action: on ? 'enable' : 'disable',
            entity: 'region_plugin',
            entity_key: `${regionId}|${plugin}`,
            org_unit_id: regionId!,
            old_value: JSON.stringify(before?.enabled ?? true),
            new_value: JSON.stringify(on),
          })
          .execute()
      })
      return c.json({ plugin, enabled: on }, 200)
    })
}
