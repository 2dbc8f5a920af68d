import { randomUUID } from 'node:crypto'
import { sql, type Database, type Kysely } from '@profmon/db'
import type { PlannedMunicipality } from './plan-org-tree.ts'
import type { UnitTree } from './unit-tree.ts'

/** Rows per INSERT: 7 parameters each stays far below PostgreSQL's 65,535. */
const BATCH = 1000

/**
 * Inserts the region, its municipalities and organisations, then sets each `path` to the
 * materialized path of ids (`/<region>/<mun>/<org>/`), which is only known after the insert.
 * Rows carry a unique placeholder path until then (the column is NOT NULL UNIQUE).
 */
export async function insertOrgTree(
  db: Kysely<Database>,
  regionName: string,
  plan: readonly PlannedMunicipality[],
): Promise<{ regionId: number; tree: UnitTree }> {
  const pending = `pending:${randomUUID()}:`
  const region = await db
    .insertInto('org_unit')
    .values({
      parent_id: null,
      code: null,
      name: regionName,
      short_name: null,
      level: 1,
      kind: 'region',
      path: pending,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .updateTable('org_unit')
    .set({ path: `/${region.id}/` })
    .where('id', '=', region.id)
    .execute()

  const munRows = await db
    .insertInto('org_unit')
    .values(
      plan.map((m, i) => ({
        parent_id: region.id,
        code: null,
        name: m.name,
        short_name: m.shortName,
        level: 2,
        kind: m.kind,
        path: `${pending}m${i}`,
      })),
    )
    .returning(['id', 'path'])
    .execute()
  const munIds = idsInOrder(munRows, `${pending}m`, plan.length)

  const orgs = plan.flatMap((m, mi) => m.organizations.map((o) => ({ ...o, mun: mi })))
  const orgIds: number[] = []
  for (let start = 0; start < orgs.length; start += BATCH) {
    const batch = orgs.slice(start, start + BATCH)
    const rows = await db
      .insertInto('org_unit')
      .values(
        batch.map((o, i) => ({
          parent_id: munIds[o.mun]!,
          code: null,
          name: o.name,
          short_name: o.shortName,
          level: 3,
          kind: o.kind,
          path: `${pending}o${start + i}`,
        })),
      )
      .returning(['id', 'path'])
      .execute()
    orgIds.push(...idsInOrder(rows, `${pending}o`, batch.length, start))
  }

  await sql`
    update org_unit set path = ${`/${region.id}/`} || id || '/'
    where parent_id = ${region.id}
  `.execute(db)
  await sql`
    update org_unit o set path = m.path || o.id || '/'
    from org_unit m
    where o.parent_id = m.id and m.parent_id = ${region.id}
  `.execute(db)

  return {
    regionId: region.id,
    tree: {
      ids: [[], [region.id], munIds, orgIds],
      parent: [[], [-1], munIds.map(() => 0), orgs.map((o) => o.mun)],
      kinds: [[], ['region'], munIds.map(() => 'municipality'), orgs.map((o) => o.kind)],
    },
  }
}

/** Ids by placeholder path: RETURNING does not promise the order of the VALUES. */
function idsInOrder(rows: { id: number; path: string }[], prefix: string, count: number, offset = 0): number[] {
  const byPath = new Map(rows.map((r) => [r.path, r.id]))
  return Array.from({ length: count }, (_, i) => {
    const id = byPath.get(`${prefix}${offset + i}`)
    if (id === undefined) throw new Error(`org unit ${prefix}${offset + i} was not inserted`)
    return id
  })
}
