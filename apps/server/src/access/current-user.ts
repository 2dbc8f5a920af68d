import type { Database, Kysely } from '@profmon/db'
import { regionIdOf } from '../org/org-units.ts'
import type { Role } from '@profmon/contract/rules'

/** The org unit a role is held on, as the API shows it. */
export interface RoleUnit {
  id: number
  name: string
  level: number
  path: string
}

/** One role assignment: a role on an org unit's subtree (`null`: a platform admin bound to no region). */
export interface HeldRole {
  role: Role
  orgUnit: RoleUnit | null
}

/** The caller of a request: who, with which roles, and by which credential. */
export interface CurrentUser {
  id: number
  login: string
  name: string
  roles: HeldRole[]
  /** The session (cookie) or API token (Bearer) the request came with; a background job acts for its requester. */
  via: { kind: 'session'; sessionId: string } | { kind: 'token'; tokenId: number } | { kind: 'job'; jobId: string }
}

/** Role assignments of users, oldest first (the first one is a user's home), with their org units. */
export async function rolesOf(db: Kysely<Database>, userIds: number[]): Promise<Map<number, HeldRole[]>> {
  const rows = await db
    .selectFrom('role_assignment as r')
    .leftJoin('org_unit as u', 'u.id', 'r.org_unit_id')
    .select(['r.user_id', 'r.role', 'u.id', 'u.name', 'u.level', 'u.path'])
    .where('r.user_id', 'in', userIds.length ? userIds : [-1])
    .orderBy('r.id')
    .execute()
  const byUser = new Map<number, HeldRole[]>(userIds.map((id) => [id, []]))
  for (const r of rows)
    byUser.get(r.user_id)!.push({
      role: r.role,
      orgUnit: r.id === null ? null : { id: r.id, name: r.name!, level: r.level!, path: r.path! },
    })
  return byUser
}

/** The org unit of a user's first bound role: where their own audit entries (tokens, password) are filed. */
export function homeUnitId(roles: readonly HeldRole[]): number | null {
  return roles.find((r) => r.orgUnit)?.orgUnit?.id ?? null
}

/**
 * The body of `GET /api/auth/me` (and of a successful login). `regionId` is the region of the
 * first bound role; null for a platform admin bound to no region.
 *
 * @example
 * meOf(user) // { id: 3, login: 'mun1', name: '…', roles: [{ role: 'municipal_coordinator', orgUnit: { id: 2, … } }], regionId: 1 }
 */
export function meOf(user: Pick<CurrentUser, 'id' | 'login' | 'name' | 'roles'>) {
  const home = user.roles.find((r) => r.orgUnit)?.orgUnit
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    roles: user.roles.map((r) => ({ role: r.role, orgUnit: r.orgUnit })),
    regionId: home ? regionIdOf(home) : null,
  }
}
