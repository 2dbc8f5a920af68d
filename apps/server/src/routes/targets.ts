import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { appendAudit } from '../audit/audit-log.ts'
import type { AppDeps } from '../context.ts'
import { errorResponses, invalid } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getOrgUnit } from '../org/org-units.ts'

const targetSchema = z
  .object({
    indicator: z.string().openapi({ example: 'deficits.diagnosed_share' }),
    period: z.string().openapi({ example: '2025-26' }),
    orgUnit: z.number().int(),
    value: z.number(),
    tolerance: z.number().nullable(),
  })
  .openapi('Target')

const list = createRoute({
  method: 'get',
  path: '/api/targets',
  tags: ['targets'],
  summary: "Targets set on an org unit and inside its subtree (each applies to the unit's whole subtree)",
  request: {
    query: z.object({ orgUnit: z.coerce.number().int().positive(), period: z.string().min(1).optional() }),
  },
  responses: {
    200: { description: 'Targets', content: { 'application/json': { schema: z.array(targetSchema) } } },
    ...errorResponses(400, 401, 403, 404),
  },
})

const put = createRoute({
  method: 'put',
  path: '/api/targets',
  tags: ['targets'],
  summary: "Set an indicator's target for an org unit and period (value null removes it); region admins",
  description: "A region's target is the default of its municipalities; a municipality's overrides it.",
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              indicator: z.string().min(1),
              period: z.string().min(1),
              orgUnit: z.number().int().positive(),
              value: z.number().finite().nullable(),
              tolerance: z.number().finite().min(0).nullable().optional(),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The target, or null when removed',
      content: { 'application/json': { schema: targetSchema.nullable() } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

/** Indicator targets per org unit and period: read like data, written by region admins. */
export function targetRoutes({ db, catalog }: AppDeps) {
  async function periodId(code: string): Promise<number> {
    const p = await db.selectFrom('period').select('id').where('code', '=', code).executeTakeFirst()
    if (!p) throw invalid([{ path: 'period', message: `unknown period "${code}"` }])
    return p.id
  }

  return new OpenAPIHono<AuthEnv>()
    .openapi(list, async (c) => {
      const q = c.req.valid('query')
      const unit = await getOrgUnit(db, q.orgUnit)
      c.var.scope.assertCanRead(unit)
      let query = db
        .selectFrom('target as t')
        .innerJoin('org_unit as o', 'o.id', 't.org_unit_id')
        .innerJoin('period as p', 'p.id', 't.period_id')
        .select(['t.indicator_code', 'p.code', 't.org_unit_id', 't.value', 't.tolerance'])
        .where('o.path', 'like', `${unit.path}%`)
        .orderBy('o.path')
        .orderBy('p.starts_on')
        .orderBy('t.indicator_code')
      if (q.period !== undefined) query = query.where('t.period_id', '=', await periodId(q.period))
      const rows = await query.execute()
      return c.json(
        rows.map((r) => ({
          indicator: r.indicator_code,
          period: r.code,
          orgUnit: r.org_unit_id,
          value: r.value,
          tolerance: r.tolerance,
        })),
        200,
      )
    })
    .openapi(put, async (c) => {
      const body = c.req.valid('json')
      const unit = await getOrgUnit(db, body.orgUnit)
      c.var.scope.assertCanWrite(unit, 'targets')
      if (!catalog.indicators.has(body.indicator))
        throw invalid([{ path: 'indicator', message: `unknown indicator "${body.indicator}"` }])
      const period = await periodId(body.period)
      const tolerance = body.tolerance ?? null
      const key = { indicator_code: body.indicator, period_id: period, org_unit_id: unit.id }
      await db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('target')
          .select(['value', 'tolerance'])
          .where('indicator_code', '=', key.indicator_code)
          .where('period_id', '=', period)
          .where('org_unit_id', '=', unit.id)
          .forUpdate()
          .executeTakeFirst()
        if (body.value === null) {
          if (!before) return
          await trx
            .deleteFrom('target')
            .where('indicator_code', '=', key.indicator_code)
            .where('period_id', '=', period)
            .where('org_unit_id', '=', unit.id)
            .execute()
        } else
          await trx
            .insertInto('target')
            .values({ ...key, value: body.value, tolerance })
            .onConflict((oc) =>
              oc
                .columns(['indicator_code', 'period_id', 'org_unit_id'])
                .doUpdateSet({ value: body.value!, tolerance, updated_at: new Date() }),
            )
            .execute()
        const after = body.value === null ? null : { value: body.value, tolerance }
        if (before && after && before.value === after.value && before.tolerance === after.tolerance) return
        await appendAudit(trx, [
          {
            actor: c.var.user.login,
            action: after === null ? 'delete' : before ? 'update' : 'create',
            entity: 'target',
            entityKey: `${body.indicator}|${unit.id}|${body.period}`,
            orgUnitId: unit.id,
            oldValue: before ?? null,
            newValue: after,
          },
        ])
      })
      return c.json(
        body.value === null
          ? null
          : { indicator: body.indicator, period: body.period, orgUnit: unit.id, value: body.value, tolerance },
        200,
      )
    })
}
