import { ApiRequestError, type components } from '@profmon/ui'

export type Teacher = components['schemas']['Teacher']
export type PersonEvent = components['schemas']['PersonEvent']
export type IomStep = components['schemas']['IomStep']
export type NewPersonEvent = components['schemas']['NewPersonEvent']
export type PersonEventKind = components['schemas']['PersonEventKind']
export type Position = components['schemas']['Position']

export const EVENT_KINDS: PersonEventKind[] = [
  'diagnostics',
  'iom',
  'course',
  'retraining',
  'mentoring',
  'expert_role',
  'membership',
  'contest',
  'attestation',
]
export const POSITIONS: Position[] = ['teacher', 'head', 'deputy_head', 'methodist', 'educator', 'other']
export const STEP_KINDS: IomStep['kind'][] = ['course', 'mentoring', 'methodical_event', 'internship', 'other']

/** «Иванова Мария Петровна», or a numbered placeholder when the caller sees no personal data. */
export function fullName(p: Pick<Teacher, 'id' | 'surname' | 'name' | 'patronymic'>, anonymous: string): string {
  if (p.surname === undefined) return anonymous
  return [p.surname, p.name, p.patronymic].filter(Boolean).join(' ')
}

/**
 * Whole years from an ISO date to another (age, length of service), or null without a start.
 *
 * @example
 * wholeYears('1990-09-02', '2025-09-01') // 34
 */
export function wholeYears(from: string | null | undefined, to: string): number | null {
  if (!from) return null
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number]
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0)
}

/** Today as an ISO date in the browser's time zone. */
export function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** An ISO date moved by whole months (the due date of an ИОМ step). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1 + months, Math.min(d, 28)))
  return date.toISOString().slice(0, 10)
}

/** How many steps of a route are done, and whether all are. */
export function routeProgress(steps: readonly { completedOn: string | null }[]): {
  done: number
  total: number
  complete: boolean
} {
  const done = steps.filter((s) => s.completedOn).length
  return { done, total: steps.length, complete: steps.length > 0 && done === steps.length }
}

/** A refused save's problems to list under a form: one line per field the server named, else its message. */
export function problemsOf(error: unknown): string[] {
  return error instanceof ApiRequestError && error.details?.length
    ? error.details.map((d) => `${d.path}: ${d.message}`)
    : [(error as Error).message]
}
