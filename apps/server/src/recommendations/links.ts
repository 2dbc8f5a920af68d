import type { Database, Kysely, Transaction } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import type { ErrorDetail } from '../errors.ts'
import { canSee } from './visibility.ts'

/**
 * Problems with recommendations a record (a measure, a decision) links to: each must be one the
 * caller sees, addressed inside the record's unit subtree. One detail per bad link, naming
 * `<field>[i]`; none when every link is fine.
 *
 * @example
 * details.push(...(await recommendationLinkProblems(db, scope, unit, [12, 40])))
 */
export async function recommendationLinkProblems(
  db: Kysely<Database> | Transaction<Database>,
  scope: Scope,
  unit: { path: string },
  ids: readonly number[],
  field = 'recommendations',
): Promise<ErrorDetail[]> {
  if (!ids.length) return []
  const recs = await db
    .selectFrom('recommendation as r')
    .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
    .innerJoin('org_unit as w', 'w.id', 'r.owner_org_unit_id')
    .select(['r.id', 'r.org_unit_id', 'r.state', 'r.published_at', 'o.path', 'w.path as owner_path'])
    .where('r.id', 'in', [...ids])
    .execute()
  const byId = new Map(recs.map((r) => [r.id, r]))
  const details: ErrorDetail[] = []
  ids.forEach((id, i) => {
    const r = byId.get(id)
    const seen =
      r &&
      canSee(scope, {
        orgUnit: { id: r.org_unit_id, path: r.path },
        owner: { path: r.owner_path },
        state: r.state,
        publishedAt: r.published_at,
      })
    if (!seen) details.push({ path: `${field}[${i}]`, message: `no recommendation ${id} you can see` })
    else if (!r.path.startsWith(unit.path))
      details.push({ path: `${field}[${i}]`, message: `recommendation ${id} is addressed outside this unit` })
  })
  return details
}
