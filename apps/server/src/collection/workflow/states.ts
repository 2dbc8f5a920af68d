import type { SubmissionState } from '@profmon/db'

export type { SubmissionState }

/** What a user does to a submission; the route names them (`…/submit`, `…/approve`, `…/return`). */
export type Transition = 'submit' | 'approve' | 'return'

/**
 * The entry workflow (design: draft → submitted → approved, or returned with a comment, by the
 * level above). A return reopens the data for the submitter; an approved one can still be returned
 * when the approving level finds a mistake later.
 */
export const TRANSITIONS: Record<Transition, { from: readonly SubmissionState[]; to: SubmissionState }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted', 'approved'], to: 'returned' },
}

/** States in which the submitter's data is locked: only the approving level may change it. */
export const LOCKED_STATES: readonly SubmissionState[] = ['submitted', 'approved']

/** Submit is done by the unit itself (or anyone above); approve and return by the level above. */
export const BY_APPROVER: Record<Transition, boolean> = { submit: false, approve: true, return: true }
