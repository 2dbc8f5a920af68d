import { OpenAPIHono } from '@hono/zod-openapi'
import { CONTRACT_VERSION } from '@profmon/contract'
import type { AppDeps } from './context.ts'
import { ApiError, fromZodError } from './errors.ts'
import { requestLog } from './middleware/request-log.ts'
import { analyticsRoutes } from './routes/analytics.ts'
import { dataValueRoutes } from './routes/data-values.ts'
import { definitionRoutes } from './routes/definitions.ts'
import { docsRoutes } from './routes/docs.ts'
import { healthRoutes } from './routes/health.ts'
import { orgUnitRoutes } from './routes/org-units.ts'
import { periodRoutes } from './routes/periods.ts'
import { pluginRoutes } from './routes/plugins.ts'
import { staticRoutes } from './routes/static.ts'

/** The OpenAPI document's header; the paths come from the routes' zod schemas. */
export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'profmon API',
    version: CONTRACT_VERSION,
    description:
      "Monitoring of teachers' professional development: org tree, periods, plugins, data values, analytics.",
  },
}

/**
 * Builds the HTTP application. Every request body and query is validated by its route's zod
 * schema; invalid input is a 400 that names each field, and every error has one JSON shape.
 */
export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw fromZodError(result.error)
      return undefined
    },
  })
  app.use('*', requestLog(deps.log))
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(err.toJSON(), err.status)
    if (err instanceof SyntaxError && c.req.header('content-type')?.includes('json'))
      return c.json(new ApiError(400, 'invalid_json', `the body is not valid JSON: ${err.message}`).toJSON(), 400)
    deps.log.error({ err, path: c.req.path }, 'unhandled error')
    return c.json(new ApiError(500, 'internal', 'internal error').toJSON(), 500)
  })
  app.notFound((c) => c.json(new ApiError(404, 'not_found', `no route ${c.req.method} ${c.req.path}`).toJSON(), 404))

  for (const routes of [
    healthRoutes(deps),
    orgUnitRoutes(deps),
    periodRoutes(deps),
    pluginRoutes(deps),
    definitionRoutes(deps),
    dataValueRoutes(deps),
    analyticsRoutes(deps),
  ])
    app.route('/', routes)
  app.route('/', docsRoutes())
  app.doc31('/api/openapi.json', OPENAPI_INFO)
  app.route('/', staticRoutes(deps))
  return app
}
