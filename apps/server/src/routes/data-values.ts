import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { inDirection, LOCAL_GROUP } from '../catalog/catalog.ts'
import { catalogFor } from '../catalog/local-definitions.ts'
import type { AppDeps } from '../context.ts'
import { DomainError, errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { writeValues } from '../values/write-values.ts'
import { findPeriod } from '../org/periods.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { derivedForUnit } from '../analytics/derived/unit-derived.ts'

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

const derivedSchema = z
  .object({
    element: z.string().openapi({ example: 'deficits.iom_built' }),
    source: z.enum(['registry', 'entered']).openapi({
      description:
        '`registry`: counted from the teacher registry in this campaign, read-only (writes are refused with 409 ' +
        '`registry_sourced`); `entered`: typed like any other element',
    }),
    values: z
      .array(z.object({ option: z.string().nullable(), value: z.number() }))
      .openapi({ description: "Registry-sourced only: the unit's counts (option null: the total); empty: no data" }),
    people: z
      .object({
        count: z.number().int().openapi({ description: 'Distinct people behind the total' }),
        href: z.string().openapi({
          example: '/teachers?unit=42&period=2025-26',
          description: "The shell's staff list of the unit (personal fields only for the roles allowed to see them)",
        }),
      })
      .nullable(),
  })
  .openapi('DerivedEntry')

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
  summary: 'Raw values of one org unit and period (optionally one direction), with the derived elements',
  description:
    '`values` are the stored (entered) values. `derived` lists every derived data element of the direction: where ' +
    "the region's campaign takes it from and, when from the teacher registry, the unit's live counts and the number " +
    'of people behind them (counts only, never a personal field).',
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
      content: {
        'application/json': { schema: z.object({ values: z.array(valueSchema), derived: z.array(derivedSchema) }) },
      },
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
    "region; an analyst never. One value outside the caller's reach refuses the whole batch with 403. A derived " +
    "element the region's campaign counts from the teacher registry is not entered: 409 `registry_sourced`, " +
    'naming each such value, and nothing is written.',
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
      const { id: periodId } = await findPeriod(db, q.period)
      // With its dates: derived elements are counted on the period's reference date.
      const period = await db
        .selectFrom('period')
        .select(['id', 'code', 'starts_on', 'ends_on', 'reference_date'])
        .where('id', '=', periodId)
        .executeTakeFirstOrThrow()
      if (q.plugin && q.plugin !== LOCAL_GROUP && !catalog.plugins.has(q.plugin))
        throw new DomainError('invalid', 'invalid_request', `unknown plugin "${q.plugin}"`, [
          { path: 'plugin', message: `unknown plugin "${q.plugin}"` },
        ])
      const shown = [...view.elements.values()].filter((e) => !q.plugin || inDirection(e, q.plugin))
      const elementIds = shown.map((e) => e.id)
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
      const derived = await derivedForUnit(db, catalog, {
        regionId: regionIdOf(unit),
        unit,
        period,
        elements: shown,
      })
      return c.json({ values, derived }, 200)
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
