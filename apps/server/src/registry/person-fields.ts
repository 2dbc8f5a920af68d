import type { Database, EmploymentPosition, Kysely, PersonCategory, PersonEducation, Transaction } from '@profmon/db'
import type { ErrorDetail } from '../errors.ts'
import { normaliseSnils, validSnils } from '@profmon/contract/rules'

/**
 * A person's fields as the API and the import give them, and their checks: dates in order,
 * SNILS well-formed with its check number, subjects known. Problems name fields, never values.
 */

type Db = Kysely<Database> | Transaction<Database>

export const POSITIONS = [
  'teacher',
  'head',
  'deputy_head',
  'methodist',
  'educator',
  'other',
] as const satisfies readonly EmploymentPosition[]
export const EDUCATIONS = [
  'higher_pedagogical',
  'higher_other',
  'secondary_pedagogical',
  'secondary_other',
] as const satisfies readonly PersonEducation[]

/** An employment as the API shows it (only in units the caller reads). */
export interface EmploymentView {
  id: number
  orgUnit: number
  orgUnitName: string
  position: EmploymentPosition
  rate: number
  main: boolean
  startsOn: string
  endsOn: string | null
}

/**
 * A person as the API shows it. The personal fields (`surname`, `name`, `patronymic`,
 * `birthDate`, `snils`) are absent — not null — for a caller who may not see them.
 */
export interface PersonView {
  id: number
  surname?: string
  name?: string
  patronymic?: string | null
  birthDate?: string
  /** On a card only, `XXX-XXX-XXX YY`. */
  snils?: string | null
  hasSnils: boolean
  education: PersonEducation | null
  experienceSince: string | null
  category: PersonCategory
  categoryOn: string | null
  managementReserve: boolean
  subjects: string[]
  employments: EmploymentView[]
  anonymised: boolean
  version: number
}

export interface EmploymentInput {
  orgUnit: number
  position: EmploymentPosition
  rate?: number | undefined
  main?: boolean | undefined
  startsOn: string
  endsOn?: string | null | undefined
}

/** The fields of a person a form or an import gives; SNILS as typed. */
export interface PersonInput {
  surname: string
  name: string
  patronymic?: string | null | undefined
  birthDate: string
  snils?: string | null | undefined
  education?: PersonEducation | null | undefined
  experienceSince?: string | null | undefined
  category?: PersonCategory | undefined
  categoryOn?: string | null | undefined
  managementReserve?: boolean | undefined
  /** Codes of the `subject` dimension. */
  subjects?: string[] | undefined
}

export interface NewPerson extends PersonInput {
  employments: EmploymentInput[]
}

export type PersonChange = Partial<PersonInput> & {
  version: number
  /** Replaces the employments in the units the caller keeps records of; others stay. */
  employments?: EmploymentInput[] | undefined
}

/** Which people a list shows: employed on `on` (default today), those who left, or all. */
export type ListState = 'current' | 'left' | 'all'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Whether a text is a calendar date `YYYY-MM-DD`. */
export function isDate(s: unknown): s is string {
  if (typeof s !== 'string' || !DATE.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/** Today as `YYYY-MM-DD` (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10)
}

/** A name as matching compares it: trimmed, lower case, ё as е, single spaces. */
export function nameKey(s: string | null | undefined): string {
  return (s ?? '').trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ')
}

/** The matching key of a person without SNILS: surname, name, patronymic and birth date. */
export function personKey(p: { surname: string; name: string; patronymic?: string | null; birthDate: string }): string {
  return [nameKey(p.surname), nameKey(p.name), nameKey(p.patronymic), p.birthDate].join('|')
}

/** A person's fields checked and normalised (SNILS as 11 digits), or the problems by field. */
export function checkPerson(
  input: PersonInput,
  subjectIds: ReadonlyMap<string, number>,
  on = today(),
): { ok: true; person: CheckedPerson } | { ok: false; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = []
  const surname = input.surname?.trim() ?? ''
  const name = input.name?.trim() ?? ''
  if (!surname) problems.push({ path: 'surname', message: 'required' })
  if (!name) problems.push({ path: 'name', message: 'required' })
  if (!isDate(input.birthDate)) problems.push({ path: 'birthDate', message: 'a date YYYY-MM-DD is required' })
  else if (input.birthDate > on || input.birthDate < '1900-01-01')
    problems.push({ path: 'birthDate', message: 'the birth date is not plausible' })
  let snils: string | null = null
  if (input.snils !== undefined && input.snils !== null && String(input.snils).trim() !== '') {
    const digits = normaliseSnils(String(input.snils))
    if (!digits) problems.push({ path: 'snils', message: 'a SNILS has 11 digits (XXX-XXX-XXX YY)' })
    else if (!validSnils(digits)) problems.push({ path: 'snils', message: 'the SNILS check number does not match' })
    else snils = digits
  }
  for (const field of ['experienceSince', 'categoryOn'] as const) {
    const v = input[field]
    if (v === undefined || v === null) continue
    if (!isDate(v)) problems.push({ path: field, message: 'a date YYYY-MM-DD' })
    else if (v > on) problems.push({ path: field, message: 'cannot be in the future' })
    else if (isDate(input.birthDate) && v < input.birthDate)
      problems.push({ path: field, message: 'cannot be before the birth date' })
  }
  const subjects = input.subjects === undefined ? undefined : [...new Set(input.subjects)]
  for (const [i, code] of (subjects ?? []).entries())
    if (!subjectIds.has(code)) problems.push({ path: `subjects[${i}]`, message: 'unknown subject' })
  if (problems.length) return { ok: false, problems }
  return {
    ok: true,
    person: {
      surname,
      name,
      patronymic: input.patronymic?.trim() || null,
      birthDate: input.birthDate,
      snils,
      education: input.education ?? null,
      experienceSince: input.experienceSince ?? null,
      category: input.category ?? 'none',
      categoryOn: input.categoryOn ?? null,
      managementReserve: input.managementReserve ?? false,
      subjects,
    },
  }
}

/** A person's fields once checked. */
export interface CheckedPerson {
  surname: string
  name: string
  patronymic: string | null
  birthDate: string
  snils: string | null
  education: PersonEducation | null
  experienceSince: string | null
  category: PersonCategory
  categoryOn: string | null
  managementReserve: boolean
  subjects: string[] | undefined
}

/** An employment's dates and rate checked: problems by field. */
export function checkEmployment(e: EmploymentInput, birthDate?: string): ErrorDetail[] {
  const problems: ErrorDetail[] = []
  if (!isDate(e.startsOn)) problems.push({ path: 'startsOn', message: 'a date YYYY-MM-DD is required' })
  if (e.endsOn !== undefined && e.endsOn !== null && !isDate(e.endsOn))
    problems.push({ path: 'endsOn', message: 'a date YYYY-MM-DD' })
  else if (isDate(e.startsOn) && e.endsOn && e.endsOn < e.startsOn)
    problems.push({ path: 'endsOn', message: 'leaving comes before hiring' })
  if (birthDate && isDate(e.startsOn) && e.startsOn < birthDate)
    problems.push({ path: 'startsOn', message: 'hiring comes before the birth date' })
  if (e.rate !== undefined && !(e.rate > 0 && e.rate <= 99.99))
    problems.push({ path: 'rate', message: 'a rate above 0 (1 = a full rate)' })
  return problems
}

/** Option ids of a dimension by code (`subject`, `deficit_type`). */
export async function optionIds(db: Db, dimension: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('dimension_option')
    .select(['id', 'code'])
    .where('dimension_code', '=', dimension)
    .execute()
  return new Map(rows.map((r) => [r.code, r.id]))
}

/** Option titles (Russian) by code, for import matching and templates. */
export async function optionTitles(db: Db, dimension: string): Promise<{ id: number; code: string; title: string }[]> {
  const rows = await db
    .selectFrom('dimension_option')
    .select(['id', 'code', 'title'])
    .where('dimension_code', '=', dimension)
    .orderBy('sort')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ id: r.id, code: r.code, title: (r.title as { ru?: string } | null)?.ru ?? r.code }))
}
