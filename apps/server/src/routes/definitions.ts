import { elementsOf } from '@profmon/contract'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { LOCAL_GROUP, LOCAL_TITLE } from '../catalog/catalog.ts'
import { loadLocalElements, loadLocalIndicators, type OwnerFilter } from '../catalog/local-definitions.ts'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getOrgUnit, pathIds } from '../org/org-units.ts'
import {
  dataElementDefinitionSchema,
  indicatorDefinitionSchema,
  localizedSchema,
  validationRuleDefinitionSchema,
} from './schemas.ts'

const definitionsSchema = z.object({
  dimensions: z.array(
    z.object({
      code: z.string(),
      title: localizedSchema,
      options: z.array(z.object({ code: z.string(), title: localizedSchema })),
    }),
  ),
  plugins: z.array(
    z.object({
      id: z.string(),
      title: localizedSchema,
      dataElements: z.array(dataElementDefinitionSchema),
      indicators: z.array(
        z.intersection(
          indicatorDefinitionSchema,
          z.object({
            local: z
              .object({ owner: z.object({ id: z.number().int(), name: z.string() }), revision: z.number().int() })
              .optional()
              .openapi({ description: 'Only on local indicators: who owns it and the revision shown' }),
          }),
        ),
      ),
      validationRules: z.array(validationRuleDefinitionSchema),
    }),
  ),
})

const definitions = createRoute({
  method: 'get',
  path: '/api/definitions',
  tags: ['definitions'],
  summary: 'Definitions of the active plugins: dimensions, data elements and indicators (the contract as JSON)',
  description:
    'Generic views (indicator table, entry forms) render any direction from these, without plugin code. Local ' +
    "indicators the caller sees (owned by the unit's ancestors, or inside the caller's subtrees) come under their " +
    'direction, or under the `local` group; each carries `local: { owner, revision }`.',
  request: {
    query: z.object({
      orgUnit: z.coerce
        .number()
        .int()
        .positive()
        .optional()
        .openapi({ description: 'Only the local definitions visible at this unit' }),
    }),
  },
  responses: {
    200: {
      description: 'Definitions',
      content: {
        'application/json': {
          schema: definitionsSchema,
        },
      },
    },
    ...errorResponses(400, 401),
  },
})

export function definitionRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AuthEnv>().openapi(definitions, async (c) => {
    const q = c.req.valid('query')
    let filter: OwnerFilter
    if (q.orgUnit !== undefined) {
      const unit = await getOrgUnit(db, q.orgUnit)
      c.var.scope.assertCanRead(unit)
      filter = { ownerIds: pathIds(unit.path) }
    } else {
      // The caller's units, their ancestors, and every owner inside the caller's subtrees.
      const paths = c.var.user.roles.flatMap((r) => (r.orgUnit ? [r.orgUnit.path] : []))
      filter = { ownerIds: paths.flatMap(pathIds), subtrees: c.var.scope.readablePaths() }
    }
    const [elements, indicators] = await Promise.all([loadLocalElements(db, filter), loadLocalIndicators(db, filter)])
    const localOf = (pluginId: string) =>
      indicators
        .filter((i) => (i.direction ?? LOCAL_GROUP) === pluginId)
        .map((i) => {
          const last = i.revisions[i.revisions.length - 1]!
          return {
            ...last.definition,
            local: { owner: { id: i.owner.id, name: i.owner.name }, revision: last.revision },
          }
        })
    const plugins = [...catalog.plugins.values()].map((p) => ({
      id: p.id,
      title: p.title,
      // The core elements the direction's formulas use come first: each is entered once for all.
      dataElements: elementsOf(p),
      indicators: [...p.indicators, ...localOf(p.id)],
      validationRules: p.validationRules,
    }))
    if (elements.length || indicators.length)
      plugins.push({
        id: LOCAL_GROUP,
        title: LOCAL_TITLE,
        dataElements: elements.map((e) => e.definition),
        indicators: localOf(LOCAL_GROUP),
        validationRules: [],
      })
    return c.json(
      {
        dimensions: [...catalog.dimensions.values()].map((d) => ({
          code: d.code,
          title: d.title,
          options: d.options.map((o) => ({ code: o.code, title: o.title })),
        })),
        plugins,
      },
      200,
    )
  })
}
