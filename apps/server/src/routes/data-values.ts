import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { inDirection, LOCAL_GROUP } from '../catalog/catalog.ts'
import { catalogFor } from '../catalog/local-definitions.ts'
import type { AppDeps } from '../context.ts'
import { DomainError, errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getOrgUnit } from '../org/org-units.ts'
import { writeValues } from '../values/write-values.ts'
import { findPeriod } from '../org/periods.ts'

const scalar = z.union([z.number(), z.boolean(), z.string(), z.null()])

const valueSchema = z
  .object({
    orgUnit: z.number().int(),
    period: z.string(),
    element: z.string().openapi({ example: 'deficits.diagnosed' }),
    option: z.string().nullable(),
    value: scalar,
    version: z.number().int(),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .openapi('DataValue')

const inputSchema = z
  .object({
    orgUnit: z.number().int().positive(),
    period: z.string().min(1),
    element: z.string().min(1),
    option: z.string().nullable().optional(),
    value: scalar,
    version: z.number().int().min(0).optional().openapi({
      description: 'The version you read (0 = you expect no value yet). When given, a newer version is a 409 conflict.',
    }),
  })
  .strict()
  .openapi('DataValueInput')

const read = createRoute({
  method: 'get',
  path: '/api/data-values',
  tags: ['data values'],
  summary: 'Raw values of one org unit and period (optionally one direction)',
  request: {
    query: z.object({
      orgUnit: z.coerce.number().int().positive(),
      period: z.string().min(1),
      plugin: z.string().optional(),
    }),
  },
  responses: {
    200: {
      description: 'Values',
      content: { 'application/json': { schema: z.object({ values: z.array(valueSchema) }) } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

const write = createRoute({
  method: 'post',
  path: '/api/data-values',
  tags: ['data values'],
  summary: 'Write a batch of values: one transaction, all or nothing',
  description:
    'A school operator writes into their school, a coordinator into their municipality, a region admin into the ' +
    "region; an analyst never. One value outside the caller's reach refuses the whole batch with 403.",
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: z.object({ values: z.array(inputSchema).min(1).max(50_000) }).strict() },
      },
    },
  },
  responses: {
    200: {
      description: 'Written values with their new versions',
      content: {
        'application/json': {
          schema: z.object({
            written: z.number().int(),
            values: z.array(
              valueSchema.pick({
                orgUnit: true,
                period: true,
                element: true,
                option: true,
                value: true,
                version: true,
              }),
            ),
          }),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

export function dataValueRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(read, async (c) => {
      const q = c.req.valid('query')
      const unit = await getOrgUnit(db, q.orgUnit)
      c.var.scope.assertCanRead(unit)
      const view = await catalogFor(db, catalog, [unit])
      const period = await findPeriod(db, q.period)
      if (q.plugin && q.plugin !== LOCAL_GROUP && !catalog.plugins.has(q.plugin))
        throw new DomainError('invalid', 'invalid_request', `unknown plugin "${q.plugin}"`, [
          { path: 'plugin', message: `unknown plugin "${q.plugin}"` },
        ])
      const elementIds = [...view.elements.values()]
        .filter((e) => !q.plugin || inDirection(e, q.plugin))
        .map((e) => e.id)
      const rows = await db
        .selectFrom('data_value')
        .selectAll()
        .where('org_unit_id', '=', q.orgUnit)
        .where('period_id', '=', period.id)
        .where('element_id', 'in', elementIds.length ? elementIds : [-1])
        .orderBy('element_id')
        .orderBy('option_id')
        .execute()
      const values = rows.map((r) => {
        const el = view.elementsById.get(r.element_id)!
        const type = el.definition.valueType
        return {
          orgUnit: r.org_unit_id,
          period: q.period,
          element: el.definition.code,
          option: r.option_id === 0 ? null : (catalog.optionsById.get(r.option_id)?.code ?? null),
          value:
            type === 'text' || type === 'document'
              ? r.text_value
              : type === 'boolean' && r.value !== null
                ? r.value !== 0
                : r.value,
          version: r.version,
          updatedAt: r.updated_at ? new Date(r.updated_at as Date | string).toISOString() : null,
          updatedBy: r.updated_by,
        }
      })
      return c.json({ values }, 200)
    })
    .openapi(write, async (c) => {
      const { values } = c.req.valid('json')
      const ids = [...new Set(values.map((v) => v.orgUnit))]
      const units = await db.selectFrom('org_unit').select(['id', 'path']).where('id', 'in', ids).execute()
      const byId = new Map(units.map((u) => [u.id, u]))
      // Checked before anything is validated or locked; unknown units are left to the 400 below.
      c.var.scope.assertCanWriteEach(
        values.map((v, i) => ({ unit: byId.get(v.orgUnit), field: `values[${i}].orgUnit` })),
        'data',
      )
      // Local elements of the batch's units (owned by them or their ancestors) are writable too.
      const view = await catalogFor(db, catalog, units)
      const written = await writeValues(db, view, values, c.var.user.login, c.var.scope)
      return c.json({ written: written.length, values: written }, 200)
    })
}
