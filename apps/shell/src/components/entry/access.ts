import type { Me } from '@profmon/ui'

const ENTERS = ['platform_admin', 'region_admin', 'municipal_coordinator', 'school_operator']

/** Whether the user enters data of the unit (their role is on it or above): the server's rule, for the UI. */
export function entersData(me: Me | null, unit: { path: string }): boolean {
  return !!me?.roles.some(
    (r) => ENTERS.includes(r.role) && (r.orgUnit === null || unit.path.startsWith(r.orgUnit.path)),
  )
}

/** Whether the user is the approving level of the unit: a role strictly above it (a region only by a platform admin). */
export function approves(me: Me | null, unit: { path: string }): boolean {
  const parent = unit.path.replace(/\d+\/$/, '')
  if (parent === '/') return !!me?.roles.some((r) => r.role === 'platform_admin')
  return entersData(me, { path: parent })
}
