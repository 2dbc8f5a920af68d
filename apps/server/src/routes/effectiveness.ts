import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppDeps } from '../context.ts'
import { commentEffectiveness, computeEffectiveness } from '../effectiveness/effectiveness.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { answer, idParam, json } from './schemas.ts'

const TAGS = ['effectiveness']
const verdict = z.enum(['effective', 'partly', 'not_effective', 'no_data']).openapi('Verdict', {
  description:
    'effective: reached the expected value or moved towards it by more than the effective gap; partly: moved ' +
    'the right way by no more than that; not_effective: no move or the wrong way; no_data: a value is missing',
})
const counts = z
  .object({
    effective: z.number().int(),
    partly: z.number().int(),
    not_effective: z.number().int(),
    no_data: z.number().int(),
  })
  .openapi('VerdictCounts')

const commentSchema = z
  .object({ text: z.string(), author: z.string(), at: z.string().openapi({ format: 'date-time' }) })
  .nullable()
  .openapi('EffectivenessComment')

export const measureEffectSchema = z
  .object({
    id: z.number().int(),
    orgUnit: z.number().int(),
    orgUnitName: z.string(),
    title: z.string(),
    plugin: z.string().nullable(),
    status: z.enum(['proposed', 'planned', 'in_progress', 'done', 'cancelled']),
    responsible: z.object({
      name: z.string().nullable(),
      position: z.string().nullable(),
      user: z.number().int().nullable(),
    }),
    verdict,
    indicators: z.array(
      z
        .object({
          indicator: z.string(),
          title: z.string(),
          plugin: z.string(),
          polarity: z.enum(['higher', 'lower']),
          baseline: z.number().nullable().openapi({ description: 'The value at period t, when the measure was taken' }),
          after: z.number().nullable().openapi({ description: 'The value at period t+1' }),
          expected: z.number().nullable(),
          change: z.number().nullable(),
          effectiveGap: z.number(),
          verdict,
        })
        .openapi('IndicatorEffect'),
    ),
    comment: commentSchema,
    decisions: z.array(
      z
        .object({ id: z.number().int(), kind: z.string(), number: z.string(), date: z.string(), title: z.string() })
        .openapi('DecisionRef'),
    ),
    carriedTo: z.number().int().nullable().openapi({ description: 'The proposal made from it in the next period' }),
  })
  .openapi('MeasureEffect')

const effectiveness = createRoute({
  method: 'get',
  path: '/api/effectiveness',
  tags: TAGS,
  summary: "Effectiveness of a unit's measures of a period, judged on the next period (computed, never typed)",
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive(),
      period: z.string().min(1).openapi({ example: '2024-25', description: 'The period the measures were taken in' }),
    }),
  },
  responses: {
    200: answer(
      'Verdicts',
      z
        .object({
          orgUnit: z.number().int(),
          period: z.string(),
          nextPeriod: z.string().nullable(),
          measures: z.array(measureEffectSchema),
          summary: z.object({
            total: counts,
            byPlugin: z.array(
              z
                .object({ plugin: z.string().nullable(), counts, decisions: z.number().int() })
                .openapi('EffectByPlugin'),
            ),
            children: z.array(
              z.object({ orgUnit: z.number().int(), orgUnitName: z.string(), counts }).openapi('EffectByUnit'),
            ),
          }),
          proposals: z.object({
            indicators: z.array(
              z
                .object({
                  indicator: z.string(),
                  title: z.string(),
                  plugin: z.string(),
                  value: z.number().nullable(),
                  target: z.number().nullable(),
                  status: z.literal('not_met'),
                })
                .openapi('GoalProposal'),
            ),
          }),
        })
        .openapi('Effectiveness'),
    ),
    ...errorResponses(400, 401, 403, 404),
  },
})

const comment = createRoute({
  method: 'put',
  path: '/api/effectiveness/{id}/comment',
  tags: TAGS,
  summary: "The responsible person's comment on a measure's effectiveness (an empty text removes it)",
  description: '`id` is the measure. The verdict itself is computed and cannot be changed.',
  request: {
    params: idParam,
    body: json(
      z
        .object({ text: z.string().max(20_000) })
        .strict()
        .openapi('EffectivenessCommentInput'),
    ),
  },
  responses: {
    200: answer('The comment', z.object({ comment: commentSchema })),
    ...errorResponses(400, 401, 403, 404),
  },
})

/** Effectiveness analysis (анализ эффективности принятых мер). */
export function effectivenessRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(effectiveness, async (c) =>
      c.json(await computeEffectiveness(db, catalog, c.var.scope, c.req.valid('query')), 200),
    )
    .openapi(comment, async (c) =>
      c.json(
        { comment: await commentEffectiveness(db, c.var.scope, c.req.valid('param').id, c.req.valid('json').text) },
        200,
      ),
    )
}
