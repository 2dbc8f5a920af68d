import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { computeAnalytics } from '../analytics/analytics.ts'
import { buildAnalyticsWorkbook } from '../collection/xlsx/analytics-workbook.ts'
import { attachment, XLSX_TYPE } from '../collection/xlsx/upload-limit.ts'
import { buildValuesWorkbook } from '../collection/xlsx/values-workbook.ts'
import { catalogFor } from '../catalog/local-definitions.ts'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getOrgUnit } from '../org/org-units.ts'
import { enabledPlugin } from './imports.ts'
import { findPeriod } from '../org/periods.ts'
import { fileAnswer } from './schemas.ts'

const values = createRoute({
  method: 'get',
  path: '/api/exports/values',
  tags: ['exports'],
  summary: "A direction's collected values for an org unit's subtree as XLSX (the template's layout)",
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive(),
      period: z.string().min(1),
      plugin: z.string().min(1),
    }),
  },
  responses: { 200: fileAnswer('The values', XLSX_TYPE), ...errorResponses(400, 401, 403, 404) },
})

const analytics = createRoute({
  method: 'get',
  path: '/api/exports/analytics',
  tags: ['exports'],
  summary: 'The analytics table (every indicator of the enabled directions) as XLSX',
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive(),
      period: z.string().min(1),
      level: z.enum(['self', 'children']).default('children'),
    }),
  },
  responses: { 200: fileAnswer('The analytics table', XLSX_TYPE), ...errorResponses(400, 401, 403, 404) },
})

export function exportRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(values, async (c) => {
      const q = c.req.valid('query')
      const unit = await getOrgUnit(db, q.orgUnit)
      c.var.scope.assertCanRead(unit)
      const period = await findPeriod(db, q.period)
      const plugin = await enabledPlugin(db, catalog, unit, q.plugin)
      const xlsx = await buildValuesWorkbook(db, plugin.view, {
        root: unit,
        period,
        pluginId: plugin.id,
        validation: false,
      })
      return c.body(new Uint8Array(xlsx), 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': attachment(`${plugin.title.ru} ${unit.name} ${period.code}.xlsx`),
      }) as never
    })
    .openapi(analytics, async (c) => {
      const q = c.req.valid('query')
      const unit = await getOrgUnit(db, q.orgUnit)
      c.var.scope.assertCanRead(unit)
      const period = await findPeriod(db, q.period)
      const view = await catalogFor(db, catalog, [unit])
      const rows = await computeAnalytics(db, view, { unit, level: q.level, periods: [period.code], indicators: [] })
      const ids = [...new Set(rows.map((r) => r.orgUnit))]
      const units = await db
        .selectFrom('org_unit')
        .select(['id', 'name'])
        .where('id', 'in', ids.length ? ids : [-1])
        .execute()
      const xlsx = await buildAnalyticsWorkbook(
        view,
        rows,
        new Map(units.map((u) => [u.id, u.name])),
        new Map([[period.code, period.title]]),
      )
      return c.body(new Uint8Array(xlsx), 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': attachment(`Показатели ${unit.name} ${period.code}.xlsx`),
      }) as never
    })
}
