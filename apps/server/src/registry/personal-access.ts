import type { Database, Kysely, Transaction } from '@profmon/db'
import { inSubtree, type Scope } from '../access/scope.ts'
import { forbidden } from '../errors.ts'
import { regionIdOf } from '../org/org-units.ts'
import { registrySettings } from './settings.ts'

type Db = Kysely<Database> | Transaction<Database>

/**
 * Who sees personal data (names, birth date, SNILS) of the people employed in a unit (152-ФЗ): the
 * organisation's own school operators, the coordinator of its municipality, and — only when the
 * region's registry setting `region_admin_read` grants it — the region's admins and platform
 * admins. Analysts never do. The one place this rule lives.
 */
export class PersonalAccess {
  private readonly grants = new Map<number, boolean>()
  private readonly db: Db
  readonly scope: Scope

  constructor(db: Db, scope: Scope) {
    this.db = db
    this.scope = scope
  }

  private async regionGrants(regionId: number): Promise<boolean> {
    let granted = this.grants.get(regionId)
    if (granted === undefined) {
      granted = (await registrySettings(this.db, regionId)).regionAdminRead
      this.grants.set(regionId, granted)
    }
    return granted
  }

  /** Whether the caller sees personal data of people employed in the unit (or its subtree). */
  async canSee(unit: { path: string }): Promise<boolean> {
    const roles = this.scope.user.roles
    if (
      roles.some(
        (r) =>
          (r.role === 'school_operator' || r.role === 'municipal_coordinator') &&
          r.orgUnit !== null &&
          inSubtree(unit, r.orgUnit),
      )
    )
      return true
    const admin =
      this.scope.isPlatformAdmin ||
      roles.some((r) => r.role === 'region_admin' && r.orgUnit !== null && inSubtree(unit, r.orgUnit))
    return admin && (await this.regionGrants(regionIdOf(unit)))
  }

  /** Whether the caller may record people and events in the unit: enters its data and sees its people. */
  async canWrite(unit: { path: string }): Promise<boolean> {
    return this.scope.canWrite(unit, 'data') && (await this.canSee(unit))
  }

  /** 403 unless {@link canWrite}; the message names the unit, never a person. */
  async assertCanWrite(unit: { id: number; path: string }, field = 'orgUnit'): Promise<void> {
    if (await this.canWrite(unit)) return
    if (!this.scope.canRead(unit)) throw forbidden(`org unit ${unit.id} is outside your org tree`, field)
    throw forbidden(
      `org unit ${unit.id}: your roles do not allow keeping its staff records (personal data of an organisation is open to its operators and its municipal coordinator; to region admins only when the region grants it)`,
      field,
    )
  }
}
