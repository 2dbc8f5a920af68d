import { sql, type Expression, type SqlBool } from '@profmon/db'
import { DomainError, forbidden } from '../errors.ts'
import { regionIdOf } from '../org/org-units.ts'
import type { CurrentUser, HeldRole } from './current-user.ts'
import { ORG_LEVEL_DEPTH, inSubtree } from '@profmon/contract/levels'
import {
  approvesAt,
  ASSIGNABLE_ROLES,
  canWriteAt,
  ROLE_ACTIONS,
  ROLE_LEVEL,
  type Role,
  type WriteAction,
} from '@profmon/contract/rules'

/** Enough of an org unit to place it in the tree. */
export interface UnitPath {
  id: number
  path: string
}

export { inSubtree }

/** SQL: the path column lies in one of the subtrees (an index range scan per subtree). */
export function pathInSubtrees(column: Expression<string>, paths: readonly string[]): Expression<SqlBool> {
  if (!paths.length) return sql<SqlBool>`false`
  return sql<SqlBool>`(${sql.join(
    paths.map((p) => sql`${column} like ${`${p}%`}`),
    sql` or `,
  )})`
}

/**
 * What the caller may see and change, from their role assignments: the one place where the
 * org-tree rules live. Routes call `assertCanRead(unit)` / `assertCanWrite(unit, action)` and
 * build lists from `readablePaths()`; nothing else decides access.
 *
 * @example
 * const unit = await getOrgUnit(db, id)
 * c.var.scope.assertCanRead(unit) // 403 outside the caller's subtrees
 */
export class Scope {
  readonly user: CurrentUser
  readonly isPlatformAdmin: boolean

  constructor(user: CurrentUser) {
    this.user = user
    this.isPlatformAdmin = user.roles.some((r) => r.role === 'platform_admin')
  }

  /** The caller reads a unit inside any of their roles' subtrees (every role reads, an analyst only reads). */
  canRead(unit: Pick<UnitPath, 'path'>): boolean {
    return this.isPlatformAdmin || this.user.roles.some((r) => r.orgUnit && inSubtree(unit, r.orgUnit))
  }

  assertCanRead(unit: UnitPath, field = 'orgUnit'): void {
    if (!this.canRead(unit)) throw forbidden(`org unit ${unit.id} is outside your org tree`, field)
  }

  /** Root paths of the subtrees the caller reads; `null` = everything (platform admin). */
  readablePaths(): string[] | null {
    if (this.isPlatformAdmin) return null
    return topmost(this.user.roles.flatMap((r) => (r.orgUnit ? [r.orgUnit.path] : [])))
  }

  /** Whether one of the caller's roles allows this kind of write on the unit. */
  canWrite(unit: Pick<UnitPath, 'path'>, action: WriteAction): boolean {
    return canWriteAt(this.user.roles, unit, action)
  }

  /**
   * Whether the caller is the approving level of a unit: enters data one level above it (a region
   * has no level above; only a platform admin approves it).
   */
  approves(unit: Pick<UnitPath, 'path'>): boolean {
    return approvesAt(this.user.roles, unit)
  }

  assertCanWrite(unit: UnitPath, action: WriteAction, field = 'orgUnit'): void {
    if (this.canWrite(unit, action)) return
    const reason = this.canRead(unit) ? `your roles do not allow ${WHAT[action]} here` : 'it is outside your org tree'
    throw forbidden(`org unit ${unit.id}: ${reason}`, field)
  }

  /**
   * The same check for a batch: every item's unit must be writable, else one 403 naming each
   * refused item. Items without a unit (unknown ids) are left to the caller's validation.
   */
  assertCanWriteEach(items: { unit: UnitPath | undefined; field: string }[], action: WriteAction): void {
    const denied = items.flatMap(({ unit, field }) =>
      unit && !this.canWrite(unit, action)
        ? [{ path: field, message: `org unit ${unit.id}: not yours for ${WHAT[action]}` }]
        : [],
    )
    if (denied.length) throw new DomainError('forbidden', 'forbidden', denied.map((d) => d.message).join('; '), denied)
  }

  /** Root paths where the caller may do this kind of write; `null` = everywhere. */
  writablePaths(action: WriteAction): string[] | null {
    if (this.isPlatformAdmin) return null
    return topmost(
      this.user.roles.flatMap((r) => (r.orgUnit && ROLE_ACTIONS[r.role].includes(action) ? [r.orgUnit.path] : [])),
    )
  }

  /** Whether the caller may give `role` on `unit` (null: a platform admin bound to no region). */
  canAssign(role: Role, unit: Pick<UnitPath, 'path'> | null): boolean {
    return this.user.roles.some(
      (r) =>
        ASSIGNABLE_ROLES[r.role].includes(role) &&
        (r.role === 'platform_admin' || (unit !== null && r.orgUnit !== null && inSubtree(unit, r.orgUnit))),
    )
  }

  /**
   * Whether the caller manages a user: every role the user holds must be one the caller could
   * give, so a coordinator never edits someone who is also a region admin.
   */
  canManage(roles: readonly HeldRole[]): boolean {
    if (this.isPlatformAdmin) return true
    return roles.length > 0 && roles.every((r) => this.canAssign(r.role, r.orgUnit))
  }

  assertCanManage(userId: number, roles: readonly HeldRole[]): void {
    if (!this.canManage(roles)) throw forbidden(`user ${userId} is not one of the users you manage`, 'id')
  }

  /** Users are managed by platform admins, region admins and coordinators only. */
  assertManagesUsers(): void {
    if (!this.isPlatformAdmin && !this.writablePaths('users')?.length)
      throw forbidden('your roles do not allow managing users')
  }

  /** Whether the caller works in this region (any role in it) and so sees its directions. */
  canSeeRegion(regionId: number): boolean {
    return this.isPlatformAdmin || this.user.roles.some((r) => r.orgUnit && regionIdOf(r.orgUnit) === regionId)
  }

  assertCanSeeRegion(regionId: number, field = 'region'): void {
    if (!this.canSeeRegion(regionId)) throw forbidden(`region ${regionId} is not yours`, field)
  }

  /** The region of the caller's first bound role, or undefined (a platform admin bound to no region). */
  homeRegionId(): number | undefined {
    const home = this.user.roles.find((r) => r.orgUnit)?.orgUnit
    return home ? regionIdOf(home) : undefined
  }

  /** Checks that a role is held on a unit of the right level (a coordinator on a municipality, …). */
  static checkRoleLevel(role: Role, unit: { level: number } | null): string | undefined {
    const level = ROLE_LEVEL[role]
    if (unit === null) return role === 'platform_admin' ? undefined : `${role} must be bound to an org unit`
    if (level !== null && unit.level !== ORG_LEVEL_DEPTH[level]) return `${role} is held on ${LEVEL_NAMES[level]}`
    return undefined
  }
}

const WHAT: Record<WriteAction, string> = {
  data: 'entering data',
  targets: 'setting targets',
  plugins: 'enabling directions',
  users: 'managing users',
  campaigns: 'setting deadlines',
  definitions: 'defining local indicators',
  recommendations: 'writing recommendations',
  conclusions: 'writing conclusions',
  measures: 'planning measures',
  decisions: 'registering decisions',
}

const LEVEL_NAMES = { region: 'a region', municipality: 'a municipality', organization: 'an organisation' } as const

/** Drops paths inside other paths of the list: `/1/`, `/1/5/` → `/1/`. */
function topmost(paths: string[]): string[] {
  const unique = [...new Set(paths)]
  return unique.filter((p) => !unique.some((q) => q !== p && p.startsWith(q)))
}
