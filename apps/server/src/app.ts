import { OpenAPIHono } from '@hono/zod-openapi'
import { CONTRACT_VERSION } from '@profmon/contract'
import { SESSION_COOKIE } from './access/sessions.ts'
import type { AppDeps } from './context.ts'
import { DomainError, fromZodError, httpStatusOf, isDatabaseUnavailable, isDiskFull } from './errors.ts'
import { authenticate } from './middleware/auth/index.ts'
import { csrf } from './middleware/csrf/index.ts'
import { jsonLimits } from './middleware/json-limits/index.ts'
import { readYourWrites } from './middleware/read-replica/index.ts'
import { requestLog } from './middleware/request-log.ts'
import { secureHeaders } from './middleware/secure-headers/index.ts'
import { analysisRoutes } from './routes/analysis.ts'
import { analyticsRoutes } from './routes/analytics.ts'
import { attentionRoutes } from './routes/attention.ts'
import { auditRoutes } from './routes/audit.ts'
import { authRoutes } from './routes/auth.ts'
import { campaignRoutes } from './routes/campaigns.ts'
import { dataQualityRoutes } from './routes/data-quality.ts'
import { conclusionRoutes } from './routes/conclusions.ts'
import { dataValueRoutes } from './routes/data-values.ts'
import { definitionRoutes } from './routes/definitions.ts'
import { docsRoutes } from './routes/docs.ts'
import { exportRoutes } from './routes/exports.ts'
import { evidenceRoutes } from './routes/evidence.ts'
import { healthRoutes } from './routes/health.ts'
import { localDataElementRoutes } from './routes/local-data-elements.ts'
import { localIndicatorRoutes } from './routes/local-indicators.ts'
import { measureRoutes } from './routes/measures.ts'
import { decisionRoutes } from './routes/decisions.ts'
import { effectivenessRoutes } from './routes/effectiveness.ts'
import { cycleRoutes } from './routes/cycle.ts'
import { importRoutes } from './routes/imports.ts'
import { orgUnitRoutes } from './routes/org-units.ts'
import { periodRoutes } from './routes/periods.ts'
import { pluginRoutes } from './routes/plugins.ts'
import { recommendationRoutes } from './routes/recommendations.ts'
import { reportRoutes } from './routes/reports.ts'
import { staticRoutes } from './routes/static.ts'
import { submissionRoutes } from './routes/submissions.ts'
import { targetRoutes } from './routes/targets.ts'
import { teacherRoutes } from './routes/teachers.ts'
import { tokenRoutes } from './routes/tokens.ts'
import { userRoutes } from './routes/users.ts'

/** The OpenAPI document's header; the paths come from the routes' zod schemas. */
export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'profmon API',
    version: CONTRACT_VERSION,
    description:
      "Monitoring of teachers' professional development: org tree, periods, plugins, data values, analytics. " +
      'Sign in with POST /api/auth/login (session cookie) or send a personal token as Authorization: Bearer.',
  },
  security: [{ session: [] as string[] }, { token: [] as string[] }] as Record<string, string[]>[],
}

/**
 * Builds the HTTP application. Every request body and query is validated by its route's zod
 * schema; invalid input is a 400 that names each field, and every error has one JSON shape.
 */
/** How long a client should wait before retrying while the database is away. */
const RETRY_AFTER_SECONDS = 5

export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw fromZodError(result.error)
      return undefined
    },
  })
  app.use('*', requestLog(deps.log))
  app.use('*', secureHeaders())
  // CSRF first: a forged request is refused before anything looks at its cookie.
  app.use('/api/*', csrf())
  app.use('/api/*', jsonLimits())
  app.use('/api/*', authenticate(deps.db))
  // With a hot standby (DATABASE_READ_URL): analytics reads there, unless it lacks the caller's last write.
  app.use('/api/*', readYourWrites(deps.readReplica, deps.log))
  app.onError((err, c) => {
    if (err instanceof DomainError) return c.json(err.toJSON(), httpStatusOf(err.kind), err.headers)
    if (err instanceof SyntaxError && c.req.header('content-type')?.includes('json'))
      return c.json(
        new DomainError('invalid', 'invalid_json', `the body is not valid JSON: ${err.message}`).toJSON(),
        400,
      )
    if (isDatabaseUnavailable(err)) {
      deps.log.warn({ err: String(err), path: c.req.path }, 'database unavailable')
      return c.json(
        new DomainError('internal', 'database_unavailable', 'the database is unavailable; try again shortly').toJSON(),
        503,
        { 'retry-after': String(RETRY_AFTER_SECONDS) },
      )
    }
    if (isDiskFull(err)) {
      deps.log.error({ err: String(err), path: c.req.path }, 'the database disk is full')
      return c.json(
        new DomainError(
          'internal',
          'disk_full',
          "the database's disk is full: nothing of this request was written; free space and try again",
        ).toJSON(),
        507,
      )
    }
    deps.log.error({ err, path: c.req.path }, 'unhandled error')
    return c.json(new DomainError('internal', 'internal', 'internal error').toJSON(), 500)
  })
  app.notFound((c) =>
    c.json(new DomainError('not_found', 'not_found', `no route ${c.req.method} ${c.req.path}`).toJSON(), 404),
  )

  for (const routes of [healthRoutes(deps), periodRoutes(deps)]) app.route('/', routes)
  // Routes that read c.var.user and c.var.scope, set by authenticate() above.
  for (const routes of [
    authRoutes(deps),
    tokenRoutes(deps),
    userRoutes(deps),
    orgUnitRoutes(deps),
    pluginRoutes(deps),
    dataValueRoutes(deps),
    analyticsRoutes(deps),
    analysisRoutes(deps),
    dataQualityRoutes(deps),
    targetRoutes(deps),
    auditRoutes(deps),
    definitionRoutes(deps),
    localIndicatorRoutes(deps),
    localDataElementRoutes(deps),
    importRoutes(deps),
    exportRoutes(deps),
    evidenceRoutes(deps),
    campaignRoutes(deps),
    submissionRoutes(deps),
    recommendationRoutes(deps),
    conclusionRoutes(deps),
    measureRoutes(deps),
    decisionRoutes(deps),
    effectivenessRoutes(deps),
    cycleRoutes(deps),
    attentionRoutes(deps),
    reportRoutes(deps),
    teacherRoutes(deps),
  ])
    app.route('/', routes)
  app.route('/', docsRoutes())
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'token', { type: 'http', scheme: 'bearer' })
  app.doc31('/api/openapi.json', OPENAPI_INFO)
  app.route('/', staticRoutes(deps))
  return app
}
