import type { Database, Kysely, OrgUnit } from '@profmon/db'
import type { Scope, UnitPath } from '../access/scope.ts'
import { DomainError, invalid } from '../errors.ts'
import { getOrgUnit } from '../org/org-units.ts'

/** 403 unless the caller may define local indicators and data elements owned by this unit. */
export function assertCanDefine(scope: Scope, unit: UnitPath, field = 'orgUnit'): void {
  // Who defines them (the contract's `definitions` action): a coordinator in the municipality, a
  // region admin in the region.
  if (scope.canWrite(unit, 'definitions')) return
  const reason = scope.canRead(unit)
    ? 'your roles do not allow defining local indicators here'
    : 'it is outside your org tree'
  throw new DomainError('forbidden', 'forbidden', `org unit ${unit.id}: ${reason}`, [{ path: field, message: reason }])
}

/**
 * The org unit that is to own a new local definition: the caller must define indicators there
 * (coordinator: own municipality; region admin: own region and its municipalities), and an
 * organisation owns none.
 */
export async function ownedUnit(db: Kysely<Database>, scope: Scope, id: number): Promise<OrgUnit> {
  const unit = await getOrgUnit(db, id)
  assertCanDefine(scope, unit)
  if (unit.level > 2)
    throw invalid([{ path: 'orgUnit', message: 'local definitions are owned by a municipality or a region' }])
  return unit
}

/** `base`, or `base_2`, `base_3`, … when taken (codes are never reused, archived ones included). */
export async function uniqueCode(db: Kysely<Database>, table: 'indicator' | 'data_element', base: string) {
  const taken = new Set(
    (await db.selectFrom(table).select('code').where('code', 'like', `${base}%`).execute()).map((r) => r.code),
  )
  if (!taken.has(base)) return base
  let n = 2
  while (taken.has(`${base}_${n}`)) n++
  return `${base}_${n}`
}
