import { sql, type Database, type Kysely } from '@profmon/db'
import { appendAudit } from '../audit/audit-log.ts'
import { DomainError } from '../errors.ts'
import { regionIdOf } from './org-units.ts'

/**
 * Moves an org unit with its subtree under another parent of the level above, in its region (a
 * school to another municipality): the materialized paths of the whole subtree change in one
 * statement, and the maintained aggregates follow in the same transaction (the `org_unit` trigger
 * of migration `0012-aggregates` takes the subtree's values off the old ancestors and onto the
 * new ones). Audited.
 *
 * @example
 * await moveOrgUnit(db, schoolId, otherMunicipalityId, 'region') // → the school with its new path
 */
export async function moveOrgUnit(db: Kysely<Database>, unitId: number, parentId: number, actor: string) {
  return db.transaction().execute(async (trx) => {
    const units = await trx
      .selectFrom('org_unit')
      .select(['id', 'parent_id', 'level', 'path'])
      .where('id', 'in', [unitId, parentId])
      .forUpdate()
      .execute()
    const unit = units.find((u) => u.id === unitId)
    const parent = units.find((u) => u.id === parentId)
    if (!unit) throw new DomainError('not_found', 'not_found', `org unit ${unitId} does not exist`)
    if (!parent)
      throw new DomainError('invalid', 'invalid_request', `org unit ${parentId} does not exist`, [
        { path: 'parent', message: `no org unit ${parentId}` },
      ])
    if (parent.level !== unit.level - 1 || regionIdOf(parent) !== regionIdOf(unit))
      throw new DomainError(
        'invalid',
        'invalid_request',
        'a unit moves under a unit of the level above in its region',
        [{ path: 'parent', message: `org unit ${parentId} cannot be the parent of org unit ${unitId}` }],
      )
    if (unit.parent_id === parentId) return { id: unit.id, path: unit.path, parentId }
    const path = `${parent.path}${unit.id}/`
    await sql`
      update org_unit
      set path = ${path} || substr(path, ${unit.path.length + 1}),
          parent_id = case when id = ${unit.id} then ${parentId} else parent_id end
      where path like ${`${unit.path}%`}
    `.execute(trx)
    await appendAudit(trx, [
      {
        actor,
        action: 'move',
        entity: 'org_unit',
        entityKey: String(unit.id),
        orgUnitId: unit.id,
        oldValue: { parent: unit.parent_id, path: unit.path },
        newValue: { parent: parentId, path },
      },
    ])
    return { id: unit.id, path, parentId }
  })
}
