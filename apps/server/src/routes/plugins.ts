import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { enabledPlugins, installedPlugins, setPluginEnabled } from '../plugins/region-plugins.ts'
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

/** The region's directions: what the shell loads, what is installed, and the region admin's switch. */
export function pluginRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(enabled, async (c) =>
      c.json(await enabledPlugins(db, catalog, c.var.scope, c.req.valid('query').region), 200),
    )
    .openapi(installed, async (c) =>
      c.json(await installedPlugins(db, catalog, c.var.scope, c.req.valid('query').region), 200),
    )
    .openapi(toggle, async (c) => {
      const { id, plugin } = c.req.valid('param')
      const { enabled: on } = c.req.valid('json')
      return c.json(await setPluginEnabled(db, catalog, c.var.scope, { region: id, plugin, enabled: on }), 200)
    })
}
