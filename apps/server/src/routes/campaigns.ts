import { ORG_LEVELS } from '@profmon/contract/levels'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { assertRegion, readCampaign, saveCampaign } from '../collection/campaigns/campaigns.ts'
import { readElementSources, saveElementSources } from '../collection/campaigns/element-sources.ts'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getOrgUnit } from '../org/org-units.ts'

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-01-20')

const deadlines = z.object({
  monitoringDue: date.openapi({ example: '2026-01-20', description: 'Data entry closes after this day (seed 004)' }),
  analysisDue: date.openapi({ example: '2026-03-30' }),
  measuresDue: date.openapi({ example: '2026-12-31' }),
  effectivenessDue: date.openapi({ example: '2027-08-31' }),
})

const plan = z.object({
  plugins: z
    .array(z.string().min(1))
    .nullable()
    .openapi({
      description: 'The directions collected in the period; null: every direction the region has enabled',
      example: ['deficits', 'retraining'],
    }),
  entryLevels: z.record(z.string(), z.enum(ORG_LEVELS)).openapi({
    description:
      "Data elements whose entry level the region moved from the manifest's (element code → level). " +
      'Refused while values of the element are stored at another level in the period.',
    example: { 'staffing.vacancies': 'municipality' },
  }),
})

const campaignSchema = deadlines
  .extend(plan.shape)
  .extend({
    region: z.number().int(),
    period: z.string(),
    stored: z.boolean().openapi({ description: 'false: nothing stored yet, the seed-004 defaults are shown' }),
  })
  .openapi('Campaign')

const query = z.object({
  region: z.coerce.number().int().positive(),
  period: z.string().min(1).openapi({ example: '2025-26' }),
})

const read = createRoute({
  method: 'get',
  path: '/api/campaigns',
  tags: ['data collection'],
  summary: "A region's deadlines for a period (the seed-004 defaults until the region stores its own)",
  request: { query },
  responses: {
    200: { description: 'The campaign', content: { 'application/json': { schema: campaignSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
})

const put = createRoute({
  method: 'put',
  path: '/api/campaigns',
  tags: ['data collection'],
  summary:
    "Set a region's campaign for a period: deadlines, collected directions, entry levels; region admins; audited",
  description:
    'After `monitoringDue` only the approving level (the municipality for its schools, the region for its ' +
    'municipalities) may change data values. `plugins` and `entryLevels` left out stay as they are.',
  request: {
    query,
    body: {
      required: true,
      content: { 'application/json': { schema: deadlines.extend(plan.partial().shape).strict() } },
    },
  },
  responses: {
    200: { description: 'The stored campaign', content: { 'application/json': { schema: campaignSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
})

const sourcesParams = z.object({
  region: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'region', in: 'path' } }),
  period: z
    .string()
    .min(1)
    .openapi({ param: { name: 'period', in: 'path' }, example: '2025-26' }),
})
const sourceSchema = z.enum(['registry', 'entered'])
const elementSourcesSchema = z
  .object({
    region: z.number().int(),
    period: z.string(),
    registryEnabled: z
      .boolean()
      .openapi({ description: 'false: the region keeps no teacher registry, so every element is entered' }),
    sources: z.record(z.string(), sourceSchema).openapi({
      description: 'Every derived data element: `registry` (counted from the teacher registry) unless set to `entered`',
      example: { 'core.teachers_total': 'registry', 'deficits.iom_built': 'entered' },
    }),
  })
  .openapi('ElementSources')

const readSources = createRoute({
  method: 'get',
  path: '/api/campaigns/{region}/{period}/element-sources',
  tags: ['data collection'],
  summary: "Where the region's campaign takes each derived data element from: the teacher registry or entry",
  request: { params: sourcesParams },
  responses: {
    200: { description: 'The sources', content: { 'application/json': { schema: elementSourcesSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
})

const putSources = createRoute({
  method: 'put',
  path: '/api/campaigns/{region}/{period}/element-sources',
  tags: ['data collection'],
  summary: 'Choose, per derived data element, registry or entered for the campaign; region admins; audited',
  description: 'Elements left out keep their choice. Without an enabled registry everything stays entered.',
  request: {
    params: sourcesParams,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ sources: z.record(z.string(), sourceSchema) }).strict() } },
    },
  },
  responses: {
    200: { description: 'The sources', content: { 'application/json': { schema: elementSourcesSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
})

/** Campaigns: per region and period, the deadlines of the yearly cycle and what is collected. */
export function campaignRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(read, async (c) => {
      const q = c.req.valid('query')
      c.var.scope.assertCanSeeRegion(q.region)
      assertRegion(await getOrgUnit(db, q.region))
      return c.json(await readCampaign(db, q.region, q.period), 200)
    })
    .openapi(put, async (c) => {
      const q = c.req.valid('query')
      const region = await getOrgUnit(db, q.region)
      c.var.scope.assertCanWrite(region, 'campaigns', 'region')
      assertRegion(region)
      return c.json(await saveCampaign(db, catalog, region, q.period, c.req.valid('json'), c.var.user.login), 200)
    })
    .openapi(readSources, async (c) => {
      const p = c.req.valid('param')
      c.var.scope.assertCanSeeRegion(p.region)
      assertRegion(await getOrgUnit(db, p.region))
      return c.json(await readElementSources(db, catalog, p.region, p.period), 200)
    })
    .openapi(putSources, async (c) => {
      const p = c.req.valid('param')
      const region = await getOrgUnit(db, p.region)
      c.var.scope.assertCanWrite(region, 'campaigns', 'region')
      assertRegion(region)
      const body = c.req.valid('json')
      return c.json(await saveElementSources(db, catalog, p.region, p.period, body.sources, c.var.user.login), 200)
    })
}
