import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppDeps } from '../context.ts'
import { errorResponses } from '../errors.ts'
import type { AuthEnv } from '../middleware/auth/index.ts'
import { getOrgUnit, listOrgUnits, pathIds } from '../org/org-units.ts'
import { idParam, orgUnitSchema } from './schemas.ts'

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
})

const roots = createRoute({
  method: 'get',
  path: '/api/org-units',
  tags: ['org units'],
  summary:
    'The root org units the caller may see: a coordinator gets their municipality, a platform admin every region',
  responses: { ...json(z.array(orgUnitSchema), 'Root org units'), ...errorResponses(401) },
})

const children = createRoute({
  method: 'get',
  path: '/api/org-units/{id}/children',
  tags: ['org units'],
  summary: 'Children of an org unit, by name',
  request: { params: idParam },
  responses: { ...json(z.array(orgUnitSchema), 'Children'), ...errorResponses(400, 401, 403, 404) },
})

const search = createRoute({
  method: 'get',
  path: '/api/org-units/search',
  tags: ['org units'],
  summary: 'Org units the caller may see whose name contains the text, with the names of their ancestors',
  request: {
    query: z.object({
      q: z.string().trim().min(2).max(100).openapi({ example: 'школа № 3' }),
      limit: z.coerce.number().int().min(1).max(100).default(30),
    }),
  },
  responses: {
    ...json(z.array(orgUnitSchema.extend({ pathNames: z.array(z.string()) })), 'Matching org units, shallow first'),
    ...errorResponses(400, 401),
  },
})

const one = createRoute({
  method: 'get',
  path: '/api/org-units/{id}',
  tags: ['org units'],
  summary: 'An org unit with the ancestors the caller may see (breadcrumbs), root first',
  request: { params: idParam },
  responses: {
    ...json(orgUnitSchema.extend({ ancestors: z.array(orgUnitSchema) }), 'The org unit'),
    ...errorResponses(400, 401, 403, 404),
  },
})

export function orgUnitRoutes({ db }: AppDeps) {
  return new OpenAPIHono<AuthEnv>()
    .openapi(roots, async (c) => {
      const paths = c.var.scope.readablePaths()
      const ids = paths?.map((p) => pathIds(p).at(-1)!)
      return c.json(await listOrgUnits(db, ids ? { ids } : { roots: true }), 200)
    })
    .openapi(search, async (c) => {
      const { q, limit } = c.req.valid('query')
      const paths = c.var.scope.readablePaths()
      // Matched in JS, not with ILIKE: case folding of Cyrillic in SQL depends on the database's
      // locale (none under the C locale); here "школа" finds "Школа" and "е" finds "ё" everywhere.
      const fold = (text: string) => text.toLocaleLowerCase('ru').replaceAll('ё', 'е')
      const needle = fold(q)
      const candidates = await db
        .selectFrom('org_unit')
        .select(['id', 'name', 'path', 'level'])
        .$if(paths !== null, (qb) => qb.where((eb) => eb.or(paths!.map((p) => eb('path', 'like', `${p}%`)))))
        .execute()
      const rows = candidates
        .filter((u) => fold(u.name).includes(needle))
        .sort((a, b) => a.level - b.level || a.name.localeCompare(b.name, 'ru'))
        .slice(0, limit)
      const ancestorIds = [...new Set(rows.flatMap((r) => pathIds(r.path).slice(0, -1)))]
      const [found, ancestors] = await Promise.all([
        listOrgUnits(db, { ids: rows.map((r) => r.id) }),
        listOrgUnits(db, { ids: ancestorIds }),
      ])
      const names = new Map(ancestors.filter((a) => c.var.scope.canRead(a)).map((a) => [a.id, a.name]))
      const order = new Map(rows.map((r, i) => [r.id, i]))
      return c.json(
        found
          .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
          .map((u) => ({
            ...u,
            pathNames: pathIds(u.path)
              .slice(0, -1)
              .flatMap((id) => names.get(id) ?? []),
          })),
        200,
      )
    })
    .openapi(children, async (c) => {
      const { id } = c.req.valid('param')
      c.var.scope.assertCanRead(await getOrgUnit(db, id))
      return c.json(await listOrgUnits(db, { parentId: id }), 200)
    })
    .openapi(one, async (c) => {
      const { id } = c.req.valid('param')
      const unit = await getOrgUnit(db, id)
      c.var.scope.assertCanRead(unit)
      const ids = pathIds(unit.path)
      const all = await listOrgUnits(db, { ids })
      const self = all.find((u) => u.id === id)!
      // Breadcrumbs stop at the caller's visible root: a coordinator's start at their municipality.
      const ancestors = ids
        .slice(0, -1)
        .map((a) => all.find((u) => u.id === a)!)
        .filter((a) => c.var.scope.canRead(a))
      return c.json({ ...self, ancestors }, 200)
    })
}
