import {
  sql,
  type Database,
  type EmploymentPosition,
  type Kysely,
  type PersonCategory,
  type PersonEducation,
  type Transaction,
} from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { DomainError, forbidden, invalid, notFound, type ErrorDetail } from '../errors.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { decryptSnils, encryptSnils, pdKeys, snilsHash } from './pd-crypto.ts'
import { listEventsOf } from './events.ts'
import { registryTransaction } from './db-errors.ts'
import { PersonalAccess } from './personal-access.ts'
import { registrySettings } from './settings.ts'
import { formatSnils, normaliseSnils, validSnils } from './snils.ts'

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

// ---------------------------------------------------------------------------------------------
// Dates and names

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

// ---------------------------------------------------------------------------------------------
// Checks shared by the API and the import. Problems name fields, never values.

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

// ---------------------------------------------------------------------------------------------
// Reading

interface Loaded {
  id: number
  region_id: number
  surname: string
  name: string
  patronymic: string | null
  birth_date: string
  snils_enc: string | null
  snils_hash: string | null
  education: PersonEducation | null
  experience_since: string | null
  category: PersonCategory
  category_on: string | null
  management_reserve: boolean
  anonymised_at: Date | null
  version: number
  subjects: string[]
  employments: (EmploymentView & { path: string })[]
}

/** People with their subjects and every employment (with the unit's path), in the order of `ids`. */
export async function loadPeople(db: Db, ids: readonly number[], lock = false): Promise<Loaded[]> {
  if (!ids.length) return []
  let q = db
    .selectFrom('person')
    .select([
      'id',
      'region_id',
      'surname',
      'name',
      'patronymic',
      'birth_date',
      'snils_enc',
      'snils_hash',
      'education',
      'experience_since',
      'category',
      'category_on',
      'management_reserve',
      'anonymised_at',
      'version',
    ])
    .where('id', 'in', [...ids])
  if (lock) q = q.forUpdate()
  const people = await q.execute()
  const employments = await db
    .selectFrom('employment as e')
    .innerJoin('org_unit as o', 'o.id', 'e.org_unit_id')
    .select([
      'e.id',
      'e.person_id',
      'e.org_unit_id',
      'o.name as unit_name',
      'o.path',
      'e.position',
      'e.rate',
      'e.main',
      'e.starts_on',
      'e.ends_on',
    ])
    .where('e.person_id', 'in', [...ids])
    .orderBy('e.starts_on')
    .orderBy('e.id')
    .execute()
  const subjects = await db
    .selectFrom('person_subject as s')
    .innerJoin('dimension_option as o', 'o.id', 's.option_id')
    .select(['s.person_id', 'o.code'])
    .where('s.person_id', 'in', [...ids])
    .orderBy('o.sort')
    .execute()
  const byId = new Map(
    people.map((p) => [p.id, { ...p, subjects: [] as string[], employments: [] as Loaded['employments'] }]),
  )
  for (const e of employments)
    byId.get(e.person_id)?.employments.push({
      id: e.id,
      orgUnit: e.org_unit_id,
      orgUnitName: e.unit_name,
      path: e.path,
      position: e.position,
      rate: Number(e.rate),
      main: e.main,
      startsOn: e.starts_on,
      endsOn: e.ends_on,
    })
  for (const s of subjects) byId.get(s.person_id)?.subjects.push(s.code)
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** What a caller may see of one person: whether at all, whether their personal data, where they may write. */
interface Visibility {
  readable: boolean
  personal: boolean
  /** Employments in units the caller keeps records of. */
  writable: Set<number>
}

async function visibility(access: PersonalAccess, p: Loaded): Promise<Visibility> {
  const v: Visibility = { readable: access.scope.isPlatformAdmin, personal: false, writable: new Set() }
  for (const e of p.employments) {
    if (access.scope.canRead(e)) v.readable = true
    if (await access.canSee(e)) v.personal = true
    if (await access.canWrite(e)) v.writable.add(e.id)
  }
  return v
}

function viewOf(p: Loaded, scope: Scope, personal: boolean, card: boolean): PersonView {
  const view: PersonView = {
    id: p.id,
    hasSnils: p.snils_enc !== null,
    education: p.education,
    experienceSince: p.experience_since,
    category: p.category,
    categoryOn: p.category_on,
    managementReserve: p.management_reserve,
    subjects: p.subjects,
    employments: p.employments.filter((e) => scope.canRead(e)).map(({ path: _path, ...e }) => e),
    anonymised: p.anonymised_at !== null,
    version: p.version,
  }
  if (!personal) return view
  const { id, ...rest } = view
  const named: PersonView = {
    id,
    surname: p.surname,
    name: p.name,
    patronymic: p.patronymic,
    birthDate: p.birth_date,
    ...rest,
  }
  if (card) named.snils = p.snils_enc ? formatSnils(decryptSnils(p.snils_enc)) : null
  return named
}

/**
 * The people employed in a unit's subtree (an organisation's staff, or a municipality's), with
 * personal fields only for callers allowed to see them; a foreign unit is a 403. Every read is
 * audited: who viewed which people, with or without their personal data.
 */
export async function listTeachers(
  db: Kysely<Database>,
  scope: Scope,
  actor: string,
  filter: { orgUnit: number; state?: ListState | undefined; on?: string | undefined },
): Promise<{ personal: boolean; items: PersonView[] }> {
  const unit = await getOrgUnit(db, filter.orgUnit)
  scope.assertCanRead(unit)
  const access = new PersonalAccess(db, scope)
  const personal = await access.canSee(unit)
  if (personal) pdKeys()
  const on = filter.on ?? today()
  const state = filter.state ?? 'current'
  const rows = await db
    .selectFrom('employment as e')
    .innerJoin('org_unit as o', 'o.id', 'e.org_unit_id')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .select('e.person_id')
    .distinct()
    .where('o.path', 'like', `${unit.path}%`)
    .$if(state === 'current', (q) =>
      q.where('e.starts_on', '<=', on).where((eb) => eb.or([eb('e.ends_on', 'is', null), eb('e.ends_on', '>=', on)])),
    )
    .$if(state === 'left', (q) =>
      q.where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('employment as c')
              .innerJoin('org_unit as co', 'co.id', 'c.org_unit_id')
              .select('c.id')
              .whereRef('c.person_id', '=', 'e.person_id')
              .where('co.path', 'like', `${unit.path}%`)
              .where((eb) => eb.or([eb('c.ends_on', 'is', null), eb('c.ends_on', '>=', on)])),
          ),
        ),
      ),
    )
    .execute()
  const people = await loadPeople(
    db,
    rows.map((r) => r.person_id),
  )
  if (personal)
    people.sort((a, b) => a.surname.localeCompare(b.surname, 'ru') || a.name.localeCompare(b.name, 'ru') || a.id - b.id)
  else people.sort((a, b) => a.id - b.id)
  await appendAudit(db, [
    {
      actor,
      action: 'view',
      entity: 'person_list',
      entityKey: String(unit.id),
      orgUnitId: unit.id,
      newValue: { personal, state, on, people: people.map((p) => p.id) },
    },
  ])
  return { personal, items: people.map((p) => viewOf(p, scope, personal, false)) }
}

/** One person, 404 when there is none, 403 when none of their employments is in the caller's tree. */
async function readablePerson(db: Db, scope: Scope, id: number, lock = false) {
  const [person] = await loadPeople(db, [id], lock)
  if (!person) throw notFound(`person ${id} does not exist`, 'id')
  const access = new PersonalAccess(db, scope)
  const vis = await visibility(access, person)
  if (!vis.readable) throw forbidden(`person ${id} is not employed in your org tree`, 'id')
  return { person, vis, access }
}

/** The unit an audit entry of a person is filed under: an employment the caller reads (else the region). */
function auditUnit(p: Loaded, scope: Scope): number {
  return (
    (p.employments.find((e) => scope.canRead(e) && e.endsOn === null) ?? p.employments.find((e) => scope.canRead(e)))
      ?.orgUnit ?? p.region_id
  )
}

/** A person's card; the read is audited. */
export async function getTeacher(db: Kysely<Database>, scope: Scope, actor: string, id: number): Promise<PersonView> {
  const { person, vis } = await readablePerson(db, scope, id)
  if (vis.personal) pdKeys()
  await appendAudit(db, [
    {
      actor,
      action: 'view',
      entity: 'person',
      entityKey: String(id),
      orgUnitId: auditUnit(person, scope),
      newValue: { personal: vis.personal },
    },
  ])
  return viewOf(person, scope, vis.personal, true)
}

// ---------------------------------------------------------------------------------------------
// Writing

/** The fields of the person table from checked fields (SNILS encrypted and hashed). */
function personColumns(p: CheckedPerson) {
  return {
    surname: p.surname,
    name: p.name,
    patronymic: p.patronymic,
    birth_date: p.birthDate,
    snils_enc: p.snils ? encryptSnils(p.snils) : null,
    snils_hash: p.snils ? snilsHash(p.snils) : null,
    education: p.education,
    experience_since: p.experienceSince,
    category: p.category,
    category_on: p.categoryOn,
    management_reserve: p.managementReserve,
  }
}

/** What an audit entry keeps of a person: never a personal value, only which personal fields changed. */
function auditShape(
  p: Pick<
    CheckedPerson,
    'education' | 'experienceSince' | 'category' | 'categoryOn' | 'managementReserve' | 'subjects'
  >,
) {
  return {
    education: p.education,
    experienceSince: p.experienceSince,
    category: p.category,
    categoryOn: p.categoryOn,
    managementReserve: p.managementReserve,
    subjects: p.subjects,
  }
}

/**
 * The person of the region a new record is: the one with the same SNILS (by its keyed hash), or
 * — when the record has no SNILS or no one has it — the one with the same surname, name,
 * patronymic and birth date who has no other SNILS. A SNILS held by someone of another name or
 * birth date is an error; so are two namesakes born the same day.
 */
export async function matchPerson(
  db: Db,
  regionId: number,
  p: Pick<CheckedPerson, 'surname' | 'name' | 'patronymic' | 'birthDate' | 'snils'>,
): Promise<MatchResult> {
  const hash = p.snils ? snilsHash(p.snils) : null
  const candidates = await matchCandidates(db, regionId, [p.birthDate], hash ? [hash] : [])
  return matchAmong(candidates, p, hash)
}

/** A person of the registry as matching sees them. */
export interface MatchCandidate {
  id: number
  surname: string
  name: string
  patronymic: string | null
  birth_date: string
  snils_hash: string | null
}

export type MatchResult = { id: number } | { error: 'snils_taken' | 'ambiguous' } | undefined

/** The people of a region (not anonymised) born on one of the days or holding one of the SNILS hashes. */
export async function matchCandidates(
  db: Db,
  regionId: number,
  birthDates: readonly string[],
  hashes: readonly string[],
  onlyIds?: readonly number[],
): Promise<MatchCandidate[]> {
  if (!birthDates.length && !hashes.length) return []
  if (onlyIds && !onlyIds.length) return []
  return db
    .selectFrom('person')
    .select(['id', 'surname', 'name', 'patronymic', 'birth_date', 'snils_hash'])
    .where('region_id', '=', regionId)
    .where('anonymised_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(birthDates.length ? [eb('birth_date', 'in', [...new Set(birthDates)])] : []),
        ...(hashes.length ? [eb('snils_hash', 'in', [...new Set(hashes)])] : []),
      ]),
    )
    .$if(onlyIds !== undefined, (q) => q.where('id', 'in', [...onlyIds!]))
    .execute()
}

/** {@link matchPerson} among candidates already read (an import matches all its rows from one read). */
export function matchAmong(
  candidates: readonly MatchCandidate[],
  p: Pick<CheckedPerson, 'surname' | 'name' | 'patronymic' | 'birthDate'>,
  hash: string | null,
): MatchResult {
  const same = (c: MatchCandidate) => samePerson({ ...c, birthDate: c.birth_date }, p)
  if (hash) {
    const bySnils = candidates.find((c) => c.snils_hash === hash)
    if (bySnils) return same(bySnils) ? { id: bySnils.id } : { error: 'snils_taken' }
  }
  // A record with a SNILS is never someone who holds another SNILS; one without may be anyone of that name.
  const byName = candidates.filter((c) => (hash === null || c.snils_hash === null) && same(c))
  if (byName.length > 1) return { error: 'ambiguous' }
  return byName[0] ? { id: byName[0].id } : undefined
}

type Named = { surname: string; name: string; patronymic?: string | null; birthDate: string }

/**
 * Whether two records name the same person: surname, name and birth date equal (case, ё/е and
 * spaces aside); the patronymic too, unless one of them has none (a file that leaves it out).
 */
export function samePerson(a: Named, b: Named): boolean {
  if (a.birthDate !== b.birthDate || nameKey(a.surname) !== nameKey(b.surname) || nameKey(a.name) !== nameKey(b.name))
    return false
  const pa = nameKey(a.patronymic)
  const pb = nameKey(b.patronymic)
  return !pa || !pb || pa === pb
}

export const MATCH_MESSAGES = {
  snils_taken: 'this SNILS belongs to a person of another name or birth date in the region’s registry',
  ambiguous: 'several people of the region have this name and birth date; give the SNILS',
} as const

async function setSubjects(trx: Transaction<Database>, personId: number, codes: string[], ids: Map<string, number>) {
  await trx.deleteFrom('person_subject').where('person_id', '=', personId).execute()
  if (codes.length)
    await trx
      .insertInto('person_subject')
      .values(codes.map((c) => ({ person_id: personId, option_id: ids.get(c)! })))
      .execute()
}

/** Organisations of employments, each checked: an organisation (level 3), of one region, where the caller keeps records. */
async function employmentUnits(
  db: Db,
  access: PersonalAccess,
  employments: readonly EmploymentInput[],
  birthDate: string | undefined,
): Promise<Map<number, { id: number; path: string }>> {
  const problems: ErrorDetail[] = []
  employments.forEach((e, i) =>
    problems.push(...checkEmployment(e, birthDate).map((p) => ({ ...p, path: `employments[${i}].${p.path}` }))),
  )
  const ids = [...new Set(employments.map((e) => e.orgUnit))]
  const units = ids.length
    ? await db.selectFrom('org_unit').select(['id', 'path', 'level']).where('id', 'in', ids).execute()
    : []
  const byId = new Map(units.map((u) => [u.id, u]))
  for (const [i, e] of employments.entries())
    if (!byId.has(e.orgUnit)) problems.push({ path: `employments[${i}].orgUnit`, message: `no org unit ${e.orgUnit}` })
  if (problems.length) throw invalid(problems)
  // Access first: a unit outside the caller's records is a 403 whatever else is wrong with it.
  for (const [i, e] of employments.entries())
    await access.assertCanWrite(byId.get(e.orgUnit)!, `employments[${i}].orgUnit`)
  for (const [i, e] of employments.entries())
    if (byId.get(e.orgUnit)!.level !== 3)
      problems.push({ path: `employments[${i}].orgUnit`, message: `org unit ${e.orgUnit} is not an organisation` })
  if (problems.length) throw invalid(problems)
  if (new Set(units.map(regionIdOf)).size > 1)
    throw invalid([{ path: 'employments', message: 'all employments must be in one region' }])
  return byId
}

function employmentRow(personId: number, e: EmploymentInput) {
  return {
    person_id: personId,
    org_unit_id: e.orgUnit,
    position: e.position,
    rate: e.rate ?? 1,
    main: e.main ?? true,
    starts_on: e.startsOn,
    ends_on: e.endsOn ?? null,
  }
}

/**
 * Records a person with their employments, in organisations where the caller keeps records.
 * When the region's registry already has them (same SNILS, or same name and birth date), the
 * employments are added to that person (`created: false`); personal fields of a person already
 * recorded are not overwritten. Audited without personal values.
 */
export async function createTeacher(
  db: Kysely<Database>,
  scope: Scope,
  actor: string,
  input: NewPerson,
): Promise<{ person: PersonView; created: boolean }> {
  pdKeys()
  if (!input.employments.length)
    throw invalid([{ path: 'employments', message: 'at least one employment (the organisation) is required' }])
  const subjectIds = await optionIds(db, 'subject')
  const checked = checkPerson(input, subjectIds)
  if (!checked.ok) throw invalid(checked.problems)
  const p = checked.person
  const id = await registryTransaction(db, async (trx) => {
    const access = new PersonalAccess(trx, scope)
    const units = await employmentUnits(trx, access, input.employments, p.birthDate)
    const regionId = regionIdOf([...units.values()][0]!)
    const match = await matchPerson(trx, regionId, p)
    if (match && 'error' in match)
      throw new DomainError('conflict', match.error, MATCH_MESSAGES[match.error], [
        { path: match.error === 'snils_taken' ? 'snils' : 'birthDate', message: MATCH_MESSAGES[match.error] },
      ])
    let personId: number
    let created = false
    if (match) {
      personId = match.id
      const existing = await trx
        .selectFrom('person')
        .select(['snils_hash'])
        .where('id', '=', personId)
        .forUpdate()
        .executeTakeFirstOrThrow()
      if (!existing.snils_hash && p.snils)
        await trx
          .updateTable('person')
          .set({
            snils_enc: encryptSnils(p.snils),
            snils_hash: snilsHash(p.snils),
            version: sql`version + 1`,
            updated_at: new Date(),
          })
          .where('id', '=', personId)
          .execute()
    } else {
      created = true
      personId = (
        await trx
          .insertInto('person')
          .values({ region_id: regionId, ...personColumns(p), created_by: actor })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
      if (p.subjects) await setSubjects(trx, personId, p.subjects, subjectIds)
    }
    const employments = await trx
      .insertInto('employment')
      .values(input.employments.map((e) => employmentRow(personId, e)))
      .returning(['id', 'org_unit_id'])
      .execute()
    await appendAudit(trx, [
      {
        actor,
        action: created ? 'create' : 'employ',
        entity: 'person',
        entityKey: String(personId),
        orgUnitId: input.employments[0]!.orgUnit,
        newValue: {
          ...(created ? auditShape(p) : {}),
          employments: employments.map((e, i) => ({ id: e.id, ...input.employments[i] })),
        },
      },
    ])
    return { personId, created }
  })
  const [person] = await loadPeople(db, [id.personId])
  return { person: viewOf(person!, scope, true, true), created: id.created }
}

/**
 * Changes a person: any field given, the subjects, and — when `employments` is given — their
 * employments in the organisations where the caller keeps records (others stay). 409 when the
 * version is not the current one. Audited with the fields changed, never their personal values.
 */
export async function updateTeacher(
  db: Kysely<Database>,
  scope: Scope,
  actor: string,
  id: number,
  change: PersonChange,
): Promise<PersonView> {
  pdKeys()
  const subjectIds = await optionIds(db, 'subject')
  await registryTransaction(db, async (trx) => {
    const { person, vis, access } = await readablePerson(trx, scope, id, true)
    if (!vis.writable.size)
      throw forbidden(`person ${id}: your roles do not allow changing the records of their organisations`, 'id')
    if (person.anonymised_at) throw new DomainError('conflict', 'anonymised', `person ${id} is anonymised`)
    if (change.version !== person.version)
      throw new DomainError(
        'conflict',
        'version_conflict',
        `person ${id} was changed by someone else (version ${person.version}, not ${change.version}); reload it`,
        [{ path: 'version', message: `the current version is ${person.version}`, current: person.version }],
      )
    const merged: PersonInput = {
      surname: change.surname ?? person.surname,
      name: change.name ?? person.name,
      patronymic: change.patronymic === undefined ? person.patronymic : change.patronymic,
      birthDate: change.birthDate ?? person.birth_date,
      snils: change.snils === undefined ? undefined : change.snils,
      education: change.education === undefined ? person.education : change.education,
      experienceSince: change.experienceSince === undefined ? person.experience_since : change.experienceSince,
      category: change.category ?? person.category,
      categoryOn: change.categoryOn === undefined ? person.category_on : change.categoryOn,
      managementReserve: change.managementReserve ?? person.management_reserve,
      subjects: change.subjects,
    }
    const checked = checkPerson(merged, subjectIds)
    if (!checked.ok) throw invalid(checked.problems)
    const p = checked.person
    const personalChanged = (['surname', 'name', 'patronymic', 'birthDate', 'snils'] as const).filter(
      (f) => change[f] !== undefined,
    )
    const cols = personColumns(p)
    const set: Record<string, unknown> = { ...cols }
    if (change.snils === undefined) {
      delete set.snils_enc
      delete set.snils_hash
    } else if (p.snils) {
      const other = await trx
        .selectFrom('person')
        .select('id')
        .where('region_id', '=', person.region_id)
        .where('snils_hash', '=', cols.snils_hash)
        .where('id', '<>', id)
        .executeTakeFirst()
      if (other)
        throw new DomainError('conflict', 'snils_taken', MATCH_MESSAGES.snils_taken, [
          { path: 'snils', message: MATCH_MESSAGES.snils_taken },
        ])
    }
    if (change.employments) {
      await employmentUnits(trx, access, change.employments, p.birthDate)
      const mine = person.employments.filter((e) => vis.writable.has(e.id)).map((e) => e.id)
      if (mine.length) await trx.deleteFrom('employment').where('id', 'in', mine).execute()
      if (change.employments.length)
        await trx
          .insertInto('employment')
          .values(change.employments.map((e) => employmentRow(id, e)))
          .execute()
      const left = await trx.selectFrom('employment').select('id').where('person_id', '=', id).execute()
      if (!left.length)
        throw invalid([
          { path: 'employments', message: 'a person keeps at least one employment; delete the person instead' },
        ])
    } else {
      for (const e of person.employments)
        if (e.startsOn < p.birthDate)
          throw invalid([{ path: 'birthDate', message: 'an employment starts before the birth date' }])
    }
    await trx
      .updateTable('person')
      .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .execute()
    if (p.subjects) await setSubjects(trx, id, p.subjects, subjectIds)
    await appendAudit(trx, [
      {
        actor,
        action: 'update',
        entity: 'person',
        entityKey: String(id),
        orgUnitId: auditUnit(person, scope),
        oldValue: auditShape({
          education: person.education,
          experienceSince: person.experience_since,
          category: person.category,
          categoryOn: person.category_on,
          managementReserve: person.management_reserve,
          subjects: person.subjects,
        }),
        newValue: {
          ...auditShape({ ...p, subjects: p.subjects ?? person.subjects }),
          personalChanged,
          ...(change.employments ? { employments: change.employments } : {}),
        },
      },
    ])
  })
  const [person] = await loadPeople(db, [id])
  return viewOf(person!, scope, true, true)
}

/**
 * Takes a person off the records of the caller's organisations: their employments there are
 * deleted; the person with their events goes when no employment remains.
 */
export async function deleteTeacher(db: Kysely<Database>, scope: Scope, actor: string, id: number): Promise<void> {
  await registryTransaction(db, async (trx) => {
    const { person, vis } = await readablePerson(trx, scope, id, true)
    if (!vis.writable.size)
      throw forbidden(`person ${id}: your roles do not allow changing the records of their organisations`, 'id')
    const mine = person.employments.filter((e) => vis.writable.has(e.id))
    await trx
      .deleteFrom('employment')
      .where(
        'id',
        'in',
        mine.map((e) => e.id),
      )
      .execute()
    const whole = mine.length === person.employments.length
    if (whole) await trx.deleteFrom('person').where('id', '=', id).execute()
    await appendAudit(trx, [
      {
        actor,
        action: 'delete',
        entity: 'person',
        entityKey: String(id),
        orgUnitId: mine[0]!.orgUnit,
        oldValue: { employments: mine.map(({ path: _p, orgUnitName: _n, ...e }) => e) },
        newValue: { personDeleted: whole },
      },
    ])
  })
}

/**
 * Everything the registry holds on a person, for their request (152-ФЗ art. 14): the card with
 * SNILS, employments in the caller's tree and every event. Only for callers who see the person's
 * personal data; audited as an export.
 */
export async function exportTeacher(db: Kysely<Database>, scope: Scope, actor: string, id: number) {
  const { person, vis } = await readablePerson(db, scope, id)
  if (!vis.personal) throw forbidden(`person ${id}: your roles do not allow reading their personal data`, 'id')
  pdKeys()
  const events = await listEventsOf(db, scope, [id])
  await appendAudit(db, [
    {
      actor,
      action: 'export',
      entity: 'person',
      entityKey: String(id),
      orgUnitId: auditUnit(person, scope),
      newValue: { events: events.length },
    },
  ])
  return {
    exportedAt: new Date().toISOString(),
    exportedBy: actor,
    person: viewOf(person, scope, true, true),
    events,
  }
}

/**
 * Anonymises the people of a region whose last employment ended more than the region's retention
 * period ago: names, SNILS and the day and month of birth are replaced (the birth year stays, so
 * the counts by age keep their meaning), employments and events stay for the counts.
 */
export async function anonymiseLeavers(
  db: Kysely<Database>,
  scope: Scope,
  actor: string,
  regionId: number,
  on = today(),
): Promise<{ anonymised: number; before: string }> {
  const region = await getOrgUnit(db, regionId)
  if (region.level !== 1) throw invalid([{ path: 'region', message: `org unit ${regionId} is not a region` }])
  scope.assertCanWrite(region, 'plugins', 'region')
  return registryTransaction(db, async (trx) => {
    const settings = await registrySettings(trx, region.id)
    const d = new Date(`${on}T00:00:00Z`)
    d.setUTCMonth(d.getUTCMonth() - settings.retentionMonths)
    const before = d.toISOString().slice(0, 10)
    const due = await trx
      .selectFrom('person as p')
      .select('p.id')
      .where('p.region_id', '=', region.id)
      .where('p.anonymised_at', 'is', null)
      .where(({ exists, not, selectFrom }) =>
        not(
          exists(
            selectFrom('employment as e')
              .select('e.id')
              .whereRef('e.person_id', '=', 'p.id')
              .where((eb) => eb.or([eb('e.ends_on', 'is', null), eb('e.ends_on', '>=', before)])),
          ),
        ),
      )
      .where(({ exists, selectFrom }) =>
        exists(selectFrom('employment as e').select('e.id').whereRef('e.person_id', '=', 'p.id')),
      )
      .execute()
    const ids = due.map((r) => r.id)
    // The run is audited even when nobody was due: who asked, when, with which cut-off.
    await appendAudit(trx, [
      {
        actor,
        action: 'anonymise',
        entity: 'person',
        entityKey: `region:${region.id}`,
        orgUnitId: region.id,
        newValue: { people: ids, leftBefore: before, retentionMonths: settings.retentionMonths },
      },
    ])
    if (ids.length) {
      await trx
        .updateTable('person')
        .set({
          surname: 'Обезличено',
          name: sql<string>`'№ ' || id`,
          patronymic: null,
          birth_date: sql<string>`make_date(extract(year from birth_date)::int, 7, 1)`,
          snils_enc: null,
          snils_hash: null,
          anonymised_at: new Date(),
          version: sql`version + 1`,
          updated_at: new Date(),
        })
        .where('id', 'in', ids)
        .execute()
    }
    return { anonymised: ids.length, before }
  })
}

export { readablePerson, viewOf, type Loaded }
