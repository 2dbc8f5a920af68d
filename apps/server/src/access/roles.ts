import type { Role } from '@profmon/db'

export type { Role }

/** Every role, most powerful first. */
export const ROLES = [
  'platform_admin',
  'region_admin',
  'municipal_coordinator',
  'school_operator',
  'analyst',
] as const satisfies readonly Role[]

/**
 * Kinds of writes, each checked against the caller's roles on the target org unit:
 * `data` — data values; `targets` — indicator targets; `plugins` — enabling a direction for a
 * region; `users` — users and their role assignments; `campaigns` — a region's deadlines.
 */
export type WriteAction = 'data' | 'targets' | 'plugins' | 'users' | 'campaigns'

/**
 * What each role may write inside its own subtree (the role list). An analyst reads
 * only; a platform admin writes everywhere, bound or not.
 */
export const ROLE_ACTIONS: Record<Role, readonly WriteAction[]> = {
  platform_admin: ['data', 'targets', 'plugins', 'users', 'campaigns'],
  region_admin: ['data', 'targets', 'plugins', 'users', 'campaigns'],
  municipal_coordinator: ['data', 'users'],
  school_operator: ['data'],
  analyst: [],
}

/**
 * Roles an admin may hand out within their subtree: a region admin staffs the region, a
 * coordinator only the schools of their municipality; platform admins are made by platform admins.
 */
export const ASSIGNABLE_ROLES: Record<Role, readonly Role[]> = {
  platform_admin: ROLES,
  region_admin: ['region_admin', 'municipal_coordinator', 'school_operator', 'analyst'],
  municipal_coordinator: ['school_operator'],
  school_operator: [],
  analyst: [],
}

/**
 * The org level (1 region, 2 municipality, 3 organisation) a role is held on; `null` = any.
 * A platform admin is bound to a region or to nothing.
 */
export const ROLE_LEVEL: Record<Role, number | null> = {
  platform_admin: 1,
  region_admin: 1,
  municipal_coordinator: 2,
  school_operator: 3,
  analyst: null,
}
