import type { Database, Kysely, OrgUnit } from '@profmon/db'
import { DomainError } from '../errors.ts'

/** The public shape of an org unit. */
export interface OrgUnitView {
  id: number
  name: string
  shortName: string | null
  level: number
  kind: string
  path: string
  parentId: number | null
  childCount: number
}

/** Ids on a materialized path, root first: `/1/5/123/` → [1, 5, 123]. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number)
}

/** The region (root) of an org unit. */
export function regionIdOf(unit: Pick<OrgUnit, 'path'>): number {
  // The first id without splitting the path: a 100,000-value import asks this for every value.
  const end = unit.path.indexOf('/', 1)
  return Number(unit.path.slice(1, end < 0 ? undefined : end))
}

export async function getOrgUnit(db: Kysely<Database>, id: number): Promise<OrgUnit> {
  const unit = await db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirst()
  if (!unit)
    throw new DomainError('not_found', 'not_found', `org unit ${id} does not exist`, [
      { path: 'orgUnit', message: `no org unit ${id}` },
    ])
  return unit
}

/** Org units with the number of their children, sorted by name (ё sorts right with ICU). */
export async function listOrgUnits(
  db: Kysely<Database>,
  where: { parentId: number } | { roots: true } | { ids: number[] },
): Promise<OrgUnitView[]> {
  let q = db.selectFrom('org_unit as u').select((eb) => [
    'u.id',
    'u.name',
    'u.short_name',
    'u.level',
    'u.kind',
    'u.path',
    'u.parent_id',
    eb
      .selectFrom('org_unit as c')
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('c.parent_id', '=', 'u.id')
      .as('child_count'),
  ])
  if ('parentId' in where) q = q.where('u.parent_id', '=', where.parentId)
  else if ('roots' in where) q = q.where('u.parent_id', 'is', null)
  else q = q.where('u.id', 'in', where.ids.length ? where.ids : [-1])
  const rows = await q.orderBy((eb) => eb.fn('lower', ['u.name']), 'asc').execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    level: r.level,
    kind: r.kind,
    path: r.path,
    parentId: r.parent_id,
    childCount: Number(r.child_count ?? 0),
  }))
}
