import { approvesAt, canWriteAt } from '@profmon/contract/rules'
import type { Me } from '@profmon/ui'

/** Whether the user enters data of the unit (the contract's rule, as the server applies it). */
export function entersData(me: Me | null, unit: { path: string }): boolean {
  return !!me && canWriteAt(me.roles, unit, 'data')
}

/** Whether the user is the approving level of the unit (the contract's rule, as the server applies it). */
export function approves(me: Me | null, unit: { path: string }): boolean {
  return !!me && approvesAt(me.roles, unit)
}
