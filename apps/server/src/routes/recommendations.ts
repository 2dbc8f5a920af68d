import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { addresseeSchema } from '@profmon/contract'
import { recommendationsWorkbook } from '../collection/xlsx/list-exports.ts'
import { attachment, XLSX_TYPE } from '../collection/xlsx/upload-limit.ts'
import type { AppDeps } from '../context.ts'
import { getOrgUnit } from '../org/org-units.ts'
import { findPeriod } from '../org/periods.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { generateRecommendations } from '../recommendations/generate.ts'
import {
  acknowledgeRecommendation,
  createRecommendations,
  listRecommendations,
  publishRecommendations,
  updateRecommendation,
  withdrawRecommendation,
} from '../recommendations/recommendations.ts'
import { answer, fileAnswer, idParam, json } from './schemas.ts'

const TAGS = ['recommendations']
const addressee = z.enum(addresseeSchema.options).openapi('Addressee', {
  description: 'teachers, school leadership, methodical support organisations, municipal authority',
})
const state = z.enum(['draft', 'published', 'acknowledged', 'withdrawn']).openapi('RecommendationState')
const timestamp = z.string().openapi({ format: 'date-time' })

export const recommendationSchema = z
  .object({
    id: z.number().int(),
    orgUnit: z.number().int().openapi({ description: 'The addressed org unit' }),
    orgUnitName: z.string(),
    ownerOrgUnit: z.number().int().openapi({ description: 'The unit that generated or wrote it' }),
    period: z.string().openapi({ example: '2025-26' }),
    addressee,
    plugin: z.string().nullable().openapi({ description: 'Direction (plugin id or local)' }),
    indicator: z
      .string()
      .nullable()
      .openapi({ description: 'The first cited indicator', example: 'deficits.diagnosed_share' }),
    indicators: z.array(z.string()),
    rule: z.string().nullable().openapi({ description: 'The manifest rule of a generated one' }),
    text: z.string(),
    state,
    stale: z.boolean().openapi({ description: 'A generated draft whose trigger no longer holds' }),
    edited: z.boolean().openapi({ description: 'Changed by a person: re-generation keeps the text' }),
    source: z.enum(['generated', 'authored']),
    createdBy: z.string(),
    createdAt: timestamp,
    publishedBy: z.string().nullable(),
    publishedAt: timestamp.nullable(),
    acknowledgedBy: z.string().nullable().openapi({ description: 'Name of who acknowledged it' }),
    acknowledgedAt: timestamp.nullable(),
    withdrawnReason: z.string().nullable(),
    targets: z.array(z.number().int()).openapi({ description: 'Org units it is addressed to' }),
    figures: z
      .object({
        indicator: z.string(),
        value: z.number().nullable(),
        target: z.number().nullable(),
        status: z.string().nullable(),
        numerator: z.number().nullable(),
        denominator: z.number().nullable(),
        gap: z.number().nullable().openapi({ description: 'People for a share, else the indicator unit' }),
      })
      .nullable()
      .openapi('RecommendationFigures', { description: 'What triggered a generated one, when last generated' }),
  })
  .openapi('Recommendation')

const itemsSchema = z.object({ items: z.array(recommendationSchema) }).openapi('RecommendationList')

const generate = createRoute({
  method: 'post',
  path: '/api/recommendations/generate',
  tags: TAGS,
  summary: "Generate draft recommendations from the enabled directions' rules for a subtree and period",
  description:
    'Evaluates every rule of every enabled direction on the analytics of each unit at its levels: one draft per ' +
    '(rule, unit, period) that fires, citing value, target and gap. Re-generating adds what newly fires, marks drafts ' +
    'whose trigger no longer holds as stale, un-stales those that fire again and never rewrites an edited draft. ' +
    'Region admins in the region, coordinators in their municipality.',
  request: {
    body: json(
      z
        .object({ orgUnit: z.number().int().positive(), period: z.string().min(1).openapi({ example: '2025-26' }) })
        .strict()
        .openapi('GenerateRecommendations'),
    ),
  },
  responses: {
    200: answer(
      'What changed',
      z
        .object({ created: z.number().int(), updated: z.number().int(), stale: z.number().int() })
        .openapi('GenerationResult'),
    ),
    ...errorResponses(400, 401, 403, 404),
  },
})

const listQuery = z.object({
  orgUnit: z.coerce.number().int().positive(),
  period: z.string().min(1).openapi({ example: '2025-26' }),
  addressee: addressee.optional(),
  state: state.optional(),
  plugin: z.string().min(1).optional(),
  includeDescendants: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .openapi({ description: 'Also the units below orgUnit' }),
})

const list = createRoute({
  method: 'get',
  path: '/api/recommendations',
  tags: TAGS,
  summary: 'Recommendations addressed to an org unit (or its subtree) in a period, as far as the caller sees them',
  description:
    "A school's users see what was published to their school; a municipality or region sees what is addressed in " +
    'its subtree once published, and drafts generated or written there. A foreign unit is a 403.',
  request: {
    query: listQuery,
  },
  responses: { 200: answer('Recommendations', itemsSchema), ...errorResponses(400, 401, 403, 404) },
})

const exportList = createRoute({
  method: 'get',
  path: '/api/recommendations/export',
  tags: TAGS,
  summary: 'The same list as XLSX (Russian headers), for the print or the minutes',
  request: { query: listQuery },
  responses: {
    200: fileAnswer('The recommendations', XLSX_TYPE),
    ...errorResponses(400, 401, 403, 404),
  },
})

const create = createRoute({
  method: 'post',
  path: '/api/recommendations',
  tags: TAGS,
  summary: 'Write a recommendation: one draft per addressed org unit',
  request: {
    body: json(
      z
        .object({
          period: z.string().min(1),
          addressee,
          orgUnits: z.array(z.number().int().positive()).min(1).max(1000),
          text: z.string().trim().min(1).max(10_000),
          indicators: z.array(z.string().min(1)).max(50).optional(),
          plugin: z.string().min(1).optional(),
        })
        .strict()
        .openapi('NewRecommendation'),
    ),
  },
  responses: { 201: answer('The drafts made', itemsSchema), ...errorResponses(400, 401, 403, 404) },
})

const update = createRoute({
  method: 'put',
  path: '/api/recommendations/{id}',
  tags: TAGS,
  summary: "Edit a draft's text, addressee or indicators (marks it edited); 409 unless a draft",
  request: {
    params: idParam,
    body: json(
      z
        .object({
          text: z.string().trim().min(1).max(10_000).optional(),
          addressee: addressee.optional(),
          indicators: z.array(z.string().min(1)).max(50).optional(),
        })
        .strict()
        .openapi('RecommendationChange'),
    ),
  },
  responses: { 200: answer('The draft', recommendationSchema), ...errorResponses(400, 401, 403, 404, 409) },
})

const publish = createRoute({
  method: 'post',
  path: '/api/recommendations/{id}/publish',
  tags: TAGS,
  summary: 'Publish a draft to its addressee; 409 unless a draft',
  request: { params: idParam },
  responses: {
    200: answer('The published recommendation', recommendationSchema),
    ...errorResponses(401, 403, 404, 409),
  },
})

const bulkPublish = createRoute({
  method: 'post',
  path: '/api/recommendations/bulk-publish',
  tags: TAGS,
  summary: 'Publish several drafts, all or nothing (an error names ids[i])',
  request: {
    body: json(
      z
        .object({ ids: z.array(z.number().int().positive()).min(1).max(1000) })
        .strict()
        .openapi('BulkPublish'),
    ),
  },
  responses: { 200: answer('The published recommendations', itemsSchema), ...errorResponses(400, 401, 403, 404, 409) },
})

const acknowledge = createRoute({
  method: 'post',
  path: '/api/recommendations/{id}/acknowledge',
  tags: TAGS,
  summary: 'Acknowledge a published recommendation, by a user entering data of the addressed unit',
  description: 'Records the name of who acknowledged and when. An analyst cannot; 409 unless published.',
  request: { params: idParam },
  responses: {
    200: answer('The acknowledged recommendation', recommendationSchema),
    ...errorResponses(401, 403, 404, 409),
  },
})

const withdraw = createRoute({
  method: 'post',
  path: '/api/recommendations/{id}/withdraw',
  tags: TAGS,
  summary: 'Withdraw a draft or a published recommendation, with a reason',
  request: {
    params: idParam,
    body: json(
      z
        .object({ reason: z.string().trim().min(1).max(2000) })
        .strict()
        .openapi('WithdrawRecommendation'),
    ),
  },
  responses: {
    200: answer('The withdrawn recommendation', recommendationSchema),
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

/** Targeted recommendations (адресные рекомендации): generated from the directions' rules or written, then published and acknowledged. */
export function recommendationRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(generate, async (c) =>
      c.json(await generateRecommendations(db, catalog, c.var.scope, c.req.valid('json')), 200),
    )
    .openapi(list, async (c) =>
      c.json({ items: await listRecommendations(db, catalog, c.var.scope, c.req.valid('query')) }, 200),
    )
    .openapi(exportList, async (c) => {
      const q = c.req.valid('query')
      const items = await listRecommendations(db, catalog, c.var.scope, q)
      const [unit, period] = await Promise.all([getOrgUnit(db, q.orgUnit), findPeriod(db, q.period)])
      const xlsx = await recommendationsWorkbook(catalog, `${unit.name}, ${period.title}`, items)
      return c.body(new Uint8Array(xlsx), 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': attachment(`Рекомендации ${unit.name} ${period.code}.xlsx`),
      }) as never
    })
    .openapi(create, async (c) =>
      c.json({ items: await createRecommendations(db, catalog, c.var.scope, c.req.valid('json')) }, 201),
    )
    .openapi(bulkPublish, async (c) =>
      c.json({ items: await publishRecommendations(db, c.var.scope, c.req.valid('json').ids) }, 200),
    )
    .openapi(update, async (c) =>
      c.json(await updateRecommendation(db, catalog, c.var.scope, c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(publish, async (c) =>
      c.json((await publishRecommendations(db, c.var.scope, [c.req.valid('param').id], 'id'))[0]!, 200),
    )
    .openapi(acknowledge, async (c) =>
      c.json(await acknowledgeRecommendation(db, c.var.scope, c.req.valid('param').id), 200),
    )
    .openapi(withdraw, async (c) =>
      c.json(await withdrawRecommendation(db, c.var.scope, c.req.valid('param').id, c.req.valid('json').reason), 200),
    )
}
