import { sql, type Database, type Kysely, type Transaction } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { DomainError, forbidden, invalid, type ErrorDetail } from '../errors.ts'
import { regionIdOf } from '../org/org-units.ts'
import { registryTransaction } from './db-errors.ts'
import { matchPerson, MATCH_MESSAGES } from './matching.ts'
import { encryptSnils, pdKeys, snilsHash } from './pd-crypto.ts'
import { loadPeople, readablePerson, auditUnit, viewOf } from './people-read.ts'
import {
  checkEmployment,
  checkPerson,
  optionIds,
  type CheckedPerson,
  type EmploymentInput,
  type NewPerson,
  type PersonChange,
  type PersonInput,
  type PersonView,
} from './person-fields.ts'
import { PersonalAccess } from './personal-access.ts'

/** Writing people: records, employments and subjects, audited without personal values. */

type Db = Kysely<Database> | Transaction<Database>

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
