/**
 * The entry workflow (design: draft → submitted → approved, or returned with a comment, by the
 * level above), shared by the server's locks and the shell's read-only cells.
 */

/**
 * States of a unit's data for one period and direction.
 *
 * @example
 * SUBMISSION_STATES[0] // 'draft'
 */
export const SUBMISSION_STATES = ['draft', 'submitted', 'approved', 'returned'] as const

/**
 * One state of the entry workflow.
 *
 * @example
 * const state: SubmissionState = 'submitted'
 */
export type SubmissionState = (typeof SUBMISSION_STATES)[number]

/**
 * What a user does to a submission; the API names them (`…/submit`, `…/approve`, `…/return`).
 *
 * @example
 * const t: Transition = 'approve'
 */
export type Transition = 'submit' | 'approve' | 'return'

/**
 * Each transition's start states and end state. A return reopens the data for the submitter; an
 * approved one can still be returned when the approving level finds a mistake later.
 *
 * @example
 * TRANSITIONS.submit.from // ['draft', 'returned']
 */
export const TRANSITIONS: Readonly<
  Record<Transition, { from: readonly SubmissionState[]; to: SubmissionState; byApprover: boolean }>
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', byApprover: false },
  approve: { from: ['submitted'], to: 'approved', byApprover: true },
  return: { from: ['submitted', 'approved'], to: 'returned', byApprover: true },
}

/**
 * States in which the submitter's data is locked: only the approving level may change it.
 *
 * @example
 * LOCKED_STATES.includes('approved') // true
 */
export const LOCKED_STATES: readonly SubmissionState[] = ['submitted', 'approved']

/**
 * Whether a state locks the submitter out (an unknown or missing state is a draft).
 *
 * @example
 * isLockedState('returned') // false
 */
export function isLockedState(state: string | null | undefined): boolean {
  return !!state && (LOCKED_STATES as readonly string[]).includes(state)
}

/**
 * Why an editor may not change a unit's data, or null when they may: the approving level is
 * never locked out; anyone else is by a submitted or approved state, then by a passed deadline.
 *
 * @example
 * entryLock({ state: 'submitted', approver: false, deadlinePassed: false }) // 'state'
 */
export function entryLock(input: {
  state: string | null | undefined
  approver: boolean
  deadlinePassed: boolean
}): 'state' | 'deadline' | null {
  if (input.approver) return null
  if (isLockedState(input.state)) return 'state'
  return input.deadlinePassed ? 'deadline' : null
}
