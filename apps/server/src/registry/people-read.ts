import {
  sql,
  type Database,
  type Kysely,
  type PersonCategory,
  type PersonEducation,
  type Transaction,
} from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { forbidden, notFound } from '../errors.ts'
import { getOrgUnit } from '../org/org-units.ts'
import { decryptSnils, pdKeys } from './pd-crypto.ts'
import { today, type EmploymentView, type ListState, type PersonView } from './person-fields.ts'
import { PersonalAccess } from './personal-access.ts'
import { formatSnils } from '@profmon/contract/rules'

/** Reading people: lists and cards, each read audited, personal fields only for whom may see them. */

type Db = Kysely<Database> | Transaction<Database>

export interface Loaded {
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
    .where(sql<boolean>`id = any(${[...ids]}::int[])`)
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
    .where(sql<boolean>`e.person_id = any(${[...ids]}::int[])`)
    .orderBy('e.starts_on')
    .orderBy('e.id')
    .execute()
  const subjects = await db
    .selectFrom('person_subject as s')
    .innerJoin('dimension_option as o', 'o.id', 's.option_id')
    .select(['s.person_id', 'o.code'])
    .where(sql<boolean>`s.person_id = any(${[...ids]}::int[])`)
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

export function viewOf(p: Loaded, scope: Scope, personal: boolean, card: boolean): PersonView {
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
export async function readablePerson(db: Db, scope: Scope, id: number, lock = false) {
  const [person] = await loadPeople(db, [id], lock)
  if (!person) throw notFound(`person ${id} does not exist`, 'id')
  const access = new PersonalAccess(db, scope)
  const vis = await visibility(access, person)
  if (!vis.readable) throw forbidden(`person ${id} is not employed in your org tree`, 'id')
  return { person, vis, access }
}

/** The unit an audit entry of a person is filed under: an employment the caller reads (else the region). */
export function auditUnit(p: Loaded, scope: Scope): number {
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
