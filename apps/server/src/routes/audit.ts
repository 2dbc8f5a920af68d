import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppDeps } from '../context.ts'
import { errorResponses, invalid } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getOrgUnit } from '../org/org-units.ts'

const entrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string().openapi({ example: 'school1' }),
    action: z.string().openapi({ example: 'update' }),
    entity: z.string().openapi({ example: 'data_value' }),
    key: z.string().openapi({ example: 'deficits.diagnosed||42|2025-26' }),
    orgUnit: z.number().int().nullable(),
    old: z.unknown(),
    new: z.unknown(),
  })
  .openapi('AuditEntry')

const route = createRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['audit'],
  summary: "Changes in an org unit's subtree, newest first; with element and period, one value's history",
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive(),
      element: z.string().min(1).optional().openapi({ example: 'deficits.diagnosed' }),
      period: z.string().min(1).optional().openapi({ example: '2025-26' }),
      option: z.string().min(1).optional().openapi({ description: 'Breakdown option; none = the total' }),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      before: z.coerce.number().int().positive().optional().openapi({ description: 'The `next` of the previous page' }),
    }),
  },
  responses: {
    200: {
      description: 'A page of entries; `next` is the cursor of the following page, null on the last',
      content: {
        'application/json': { schema: z.object({ entries: z.array(entrySchema), next: z.number().int().nullable() }) },
      },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

/** The audit log, read like any data of the org tree: only inside the caller's subtrees. */
export function auditRoutes({ db }: AppDeps) {
  return new OpenAPIHono<AuthEnv>().openapi(route, async (c) => {
    const q = c.req.valid('query')
    const unit = await getOrgUnit(db, q.orgUnit)
    c.var.scope.assertCanRead(unit)
    if ((q.element === undefined) !== (q.period === undefined) || (q.option !== undefined && q.element === undefined))
      throw invalid([
        { path: q.element === undefined ? 'element' : 'period', message: "a value's history needs element and period" },
      ])
    let query = db
      .selectFrom('audit_log as a')
      .select([
        'a.id',
        'a.at',
        'a.actor',
        'a.action',
        'a.entity',
        'a.entity_key',
        'a.org_unit_id',
        'a.old_value',
        'a.new_value',
      ])
      .orderBy('a.id', 'desc')
      .limit(q.limit + 1)
    if (q.element !== undefined)
      // The data value key as write-values records it: element|option|org unit|period.
      query = query
        .where('a.entity', '=', 'data_value')
        .where('a.entity_key', '=', `${q.element}|${q.option ?? ''}|${unit.id}|${q.period}`)
    else
      query = query.where('a.org_unit_id', 'in', (eb) =>
        eb.selectFrom('org_unit as o').select('o.id').where('o.path', 'like', `${unit.path}%`),
      )
    if (q.before !== undefined) query = query.where('a.id', '<', String(q.before))
    const rows = await query.execute()
    const page = rows.slice(0, q.limit)
    return c.json(
      {
        entries: page.map((r) => ({
          id: Number(r.id),
          at: new Date(r.at).toISOString(),
          actor: r.actor,
          action: r.action,
          entity: r.entity,
          key: r.entity_key,
          orgUnit: r.org_unit_id,
          old: r.old_value,
          new: r.new_value,
        })),
        next: rows.length > q.limit ? Number(page[page.length - 1]!.id) : null,
      },
      200,
    )
  })
}
