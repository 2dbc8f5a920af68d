import { inSubtree, parentPath, type OrgLevel } from '../levels/index.ts'

/**
 * Every role, most powerful first.
 *
 * @example
 * ROLES.includes('analyst') // true
 */
export const ROLES = ['platform_admin', 'region_admin', 'municipal_coordinator', 'school_operator', 'analyst'] as const

/**
 * A role a user holds on an org unit's subtree.
 *
 * @example
 * const role: Role = 'municipal_coordinator'
 */
export type Role = (typeof ROLES)[number]

/**
 * Kinds of writes, each checked against the caller's roles on the target org unit:
 * `data` — data values; `targets` — indicator targets (a coordinator's no laxer than the region's
 * unless the region allows it); `plugins` — enabling a direction for a
 * region; `users` — users and their role assignments; `campaigns` — a region's deadlines;
 * `definitions` — local indicators and local data elements; `recommendations` — generating,
 * writing, publishing and withdrawing targeted recommendations; `conclusions` — the written
 * conclusion of an analysis; `measures` — planning measures (меры), pushing them down and
 * reporting their progress, carrying them into the next period and commenting on their
 * effectiveness; `decisions` — registering management decisions (управленческие решения).
 *
 * @example
 * const action: WriteAction = 'data'
 */
export type WriteAction =
  | 'data'
  | 'targets'
  | 'plugins'
  | 'users'
  | 'campaigns'
  | 'definitions'
  | 'recommendations'
  | 'conclusions'
  | 'measures'
  | 'decisions'

/**
 * What each role may write inside its own subtree. An analyst reads only; a platform admin writes
 * everywhere, bound or not.
 *
 * @example
 * ROLE_ACTIONS.school_operator // ['data']
 */
export const ROLE_ACTIONS: Readonly<Record<Role, readonly WriteAction[]>> = {
  platform_admin: [
    'data',
    'targets',
    'plugins',
    'users',
    'campaigns',
    'definitions',
    'recommendations',
    'conclusions',
    'measures',
    'decisions',
  ],
  region_admin: [
    'data',
    'targets',
    'plugins',
    'users',
    'campaigns',
    'definitions',
    'recommendations',
    'conclusions',
    'measures',
    'decisions',
  ],
  municipal_coordinator: [
    'data',
    'targets',
    'users',
    'definitions',
    'recommendations',
    'conclusions',
    'measures',
    'decisions',
  ],
  school_operator: ['data'],
  analyst: [],
}

/**
 * Roles an admin may hand out within their subtree: a region admin staffs the region, a
 * coordinator only the schools of their municipality; platform admins are made by platform admins.
 *
 * @example
 * ASSIGNABLE_ROLES.municipal_coordinator // ['school_operator']
 */
export const ASSIGNABLE_ROLES: Readonly<Record<Role, readonly Role[]>> = {
  platform_admin: ROLES,
  region_admin: ['region_admin', 'municipal_coordinator', 'school_operator', 'analyst'],
  municipal_coordinator: ['school_operator'],
  school_operator: [],
  analyst: [],
}

/**
 * The org level a role is held on; `null` = any. A platform admin is bound to a region or to
 * nothing.
 *
 * @example
 * ROLE_LEVEL.municipal_coordinator // 'municipality'
 */
export const ROLE_LEVEL: Readonly<Record<Role, OrgLevel | null>> = {
  platform_admin: 'region',
  region_admin: 'region',
  municipal_coordinator: 'municipality',
  school_operator: 'organization',
  analyst: null,
}

/**
 * A role as held by a user: on an org unit's subtree, or (a platform admin only) on nothing.
 *
 * @example
 * const held: HeldRoleLike = { role: 'school_operator', orgUnit: { path: '/1/5/123/' } }
 */
export interface HeldRoleLike {
  role: Role
  orgUnit: { path: string } | null
}

/**
 * Whether the roles allow this kind of write on the unit: a role with the action held on the
 * unit or above it (a platform admin everywhere).
 *
 * @example
 * canWriteAt([{ role: 'school_operator', orgUnit: { path: '/1/5/123/' } }], { path: '/1/5/123/' }, 'data') // true
 */
export function canWriteAt(roles: readonly HeldRoleLike[], unit: { path: string }, action: WriteAction): boolean {
  return roles.some(
    (r) =>
      ROLE_ACTIONS[r.role].includes(action) &&
      (r.role === 'platform_admin' || (r.orgUnit !== null && inSubtree(unit, r.orgUnit))),
  )
}

/**
 * Whether any of the roles allows this kind of write somewhere (what a navigation shows).
 *
 * @example
 * canWriteSomewhere([{ role: 'analyst', orgUnit: { path: '/1/' } }], 'data') // false
 */
export function canWriteSomewhere(roles: readonly HeldRoleLike[], action: WriteAction): boolean {
  return roles.some((r) => ROLE_ACTIONS[r.role].includes(action))
}

/**
 * Whether the roles make their holder the approving level of a unit: someone who enters data one
 * level above (a coordinator for their schools, a region admin for the municipalities). A region
 * has no level above; only a platform admin approves it.
 *
 * @example
 * approvesAt([{ role: 'municipal_coordinator', orgUnit: { path: '/1/5/' } }], { path: '/1/5/123/' }) // true
 */
export function approvesAt(roles: readonly HeldRoleLike[], unit: { path: string }): boolean {
  const parent = parentPath(unit.path)
  if (parent === '/') return roles.some((r) => r.role === 'platform_admin')
  return canWriteAt(roles, { path: parent }, 'data')
}

/**
 * Whether the roles speak for a unit itself: a data-entry role held on that very unit (an analyst
 * reads and never answers for it; the level above does not answer for it either). Who
 * acknowledges a recommendation addressed to the unit.
 *
 * @example
 * speaksFor([{ role: 'school_operator', orgUnit: { id: 123 } }], 123) // true
 */
export function speaksFor(roles: readonly { role: Role; orgUnit: { id: number } | null }[], unitId: number): boolean {
  return roles.some((r) => r.orgUnit?.id === unitId && ROLE_ACTIONS[r.role].includes('data'))
}
