import { sql, type Database, type Kysely, type Transaction } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { invalid, type ErrorDetail } from '../errors.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { checkEvent, insertEvents, type CheckedEvent, type EventInput } from './events.ts'
import { encryptSnils, pdKeys, snilsHash } from './pd-crypto.ts'
import { matchAmong, matchCandidates, type MatchCandidate } from './matching.ts'
import {
  checkEmployment,
  checkPerson,
  optionTitles,
  personKey,
  type CheckedPerson,
  type EmploymentInput,
} from './person-fields.ts'
import { registryTransaction } from './db-errors.ts'
import { PersonalAccess } from './personal-access.ts'
import { formatSnils, normaliseSnils, validSnils } from '@profmon/contract/rules'
import {
  cellDate,
  cellEnum,
  cellList,
  cellText,
  cellYesNo,
  columnLabel,
  LABELS,
  readRegistryWorkbook,
  type ParsedSheet,
  type SheetRow,
} from './workbook.ts'

/** One refused cell (or row, or sheet), named by sheet, row and column — never by its value. */
export interface RegistryImportError {
  sheet: string
  row: number | null
  column: string
  message: string
}

export interface StaffImportResult {
  ok: boolean
  written: number
  errors: RegistryImportError[]
}

/** A row of a region-wide events file that matched nobody: what the file itself said of the person. */
export interface UnmatchedRow {
  sheet: string
  row: number
  /** Nobody of that SNILS or name and birth date; several namesakes; the SNILS holder has another name. */
  reason: 'not_found' | 'ambiguous' | 'snils_conflict'
  surname: string | null
  name: string | null
  patronymic: string | null
  birthDate: string | null
  snils: string | null
}

export interface EventsImportResult {
  ok: boolean
  matched: number
  unmatched: UnmatchedRow[]
  errors: RegistryImportError[]
}

/** The Russian wording of the checks' problems, by their English message. */
const RU: Record<string, string> = {
  required: 'обязательное поле',
  'a date YYYY-MM-DD is required': 'нужна дата (ДД.ММ.ГГГГ)',
  'a date YYYY-MM-DD': 'ожидается дата (ДД.ММ.ГГГГ)',
  'the birth date is not plausible': 'неправдоподобная дата рождения',
  'a SNILS has 11 digits (XXX-XXX-XXX YY)': 'в СНИЛС 11 цифр (XXX-XXX-XXX YY)',
  'the SNILS check number does not match': 'неверная контрольная сумма СНИЛС',
  'cannot be in the future': 'дата ещё не наступила',
  'cannot be before the birth date': 'дата раньше даты рождения',
  'unknown subject': 'неизвестный предмет: см. лист «Справочники»',
  'leaving comes before hiring': 'дата увольнения раньше даты приёма',
  'hiring comes before the birth date': 'дата приёма раньше даты рождения',
  'a rate above 0 (1 = a full rate)': 'ставка — число больше 0 (1 — полная ставка)',
  'completion comes before the start': 'дата завершения раньше даты события',
  'unknown deficit type': 'неизвестный вид дефицита: см. лист «Справочники»',
  'deficits are found by a diagnostics only': 'дефициты указываются только для диагностики',
  'only an ИОМ or a course is built on a diagnostics': 'на диагностике строятся только ИОМ и курсы',
}

function ru(message: string): string {
  return RU[message] ?? (message.startsWith('Invalid') || message.startsWith('Too') ? 'недопустимое значение' : message)
}

/** Which column a problem of a field belongs to. */
const COLUMN_OF: Record<string, string> = {
  surname: 'surname',
  name: 'name',
  patronymic: 'patronymic',
  birthDate: 'birth_date',
  snils: 'snils',
  experienceSince: 'experience_since',
  categoryOn: 'category_on',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  rate: 'rate',
  occurredOn: 'occurred_on',
  completedOn: 'completed_on',
  'details.title': 'title',
  'details.instrument': 'title',
  'details.name': 'title',
  'details.programme': 'title',
  'details.provider': 'provider',
  'details.hours': 'hours',
  'details.distance': 'distance',
  'details.pedagogical': 'pedagogical',
  'details.role': 'role',
  'details.kind': 'role',
  'details.level': 'level',
  'details.result': 'result',
  'details.category': 'category',
  basedOn: 'kind',
}

function columnOfPath(path: string): string {
  const base = path.replace(/\[\d+\].*$/, '')
  return (
    COLUMN_OF[path] ?? COLUMN_OF[base] ?? (base === 'subjects' ? 'subjects' : base === 'deficits' ? 'deficits' : base)
  )
}

class Collector {
  readonly errors: RegistryImportError[] = []

  cell(sheet: ParsedSheet, row: SheetRow, code: string, message: string) {
    this.errors.push({ sheet: sheet.name, row: row.number, column: columnLabel(sheet, code), message })
  }

  problems(sheet: ParsedSheet, row: SheetRow, problems: ErrorDetail[]) {
    for (const p of problems) this.cell(sheet, row, columnOfPath(p.path), ru(p.message))
  }
}

/** A dimension's options by code and by lower-case Russian title. */
async function optionLookup(db: Kysely<Database>, dimension: string) {
  const options = await optionTitles(db, dimension)
  const map = new Map<string, string>()
  for (const o of options) {
    map.set(o.code.toLowerCase(), o.code)
    map.set(o.title.toLowerCase().replace(/ё/g, 'е'), o.code)
  }
  return {
    ids: new Map(options.map((o) => [o.code, o.id])),
    codeOf: (text: string) => map.get(text.toLowerCase().replace(/ё/g, 'е')) ?? `?${text}`,
  }
}

/** The person columns of a row, typed, with problems of form (dates that are no dates). */
function personCells(c: Collector, sheet: ParsedSheet, row: SheetRow) {
  const birth = cellDate(row.cells.get('birth_date'))
  if (birth === undefined) c.cell(sheet, row, 'birth_date', 'ожидается дата (ДД.ММ.ГГГГ)')
  return {
    surname: cellText(row.cells.get('surname')) ?? '',
    name: cellText(row.cells.get('name')) ?? '',
    patronymic: cellText(row.cells.get('patronymic')),
    birthDate: birth ?? '',
    snils: cellText(row.cells.get('snils')),
    /** The birth date cell held something that is no date (already reported). */
    badBirth: birth === undefined,
  }
}

/** The problems of a row's person, but the birth date's when its cell was already reported. */
function personProblems(problems: ErrorDetail[], typed: { badBirth: boolean }): ErrorDetail[] {
  return problems.filter((p) => p.path !== 'birthDate' || !typed.badBirth)
}

interface StaffRow {
  sheet: ParsedSheet
  row: SheetRow
  person: CheckedPerson
  /** Cells left empty keep what the registry has. */
  given: Set<string>
  employment: EmploymentInput
}

interface EventRow {
  sheet: ParsedSheet
  row: SheetRow
  person: Pick<CheckedPerson, 'surname' | 'name' | 'patronymic' | 'birthDate' | 'snils'>
  event: CheckedEvent
  /** As typed, for the unmatched list of a region-wide file. */
  typed: ReturnType<typeof personCells>
}

function parseStaffRow(
  c: Collector,
  sheet: ParsedSheet,
  row: SheetRow,
  subjects: Awaited<ReturnType<typeof optionLookup>>,
): StaffRow | undefined {
  const before = c.errors.length
  const typed = personCells(c, sheet, row)
  const get = (code: string) => row.cells.get(code)
  const enumCell = <K extends string>(code: string, labels: Record<K, string>) => {
    const v = cellEnum(labels, get(code))
    if (v === undefined) c.cell(sheet, row, code, 'значение не из списка')
    return v ?? null
  }
  const dateCell = (code: string) => {
    const v = cellDate(get(code))
    if (v === undefined) c.cell(sheet, row, code, 'ожидается дата (ДД.ММ.ГГГГ)')
    return v ?? null
  }
  const yesNo = (code: string) => {
    const v = cellYesNo(get(code))
    if (v === undefined) c.cell(sheet, row, code, 'ожидается «да» или «нет»')
    return v ?? null
  }
  const position = enumCell('position', LABELS.position)
  if (position === null && get('position') === null) c.cell(sheet, row, 'position', 'обязательное поле')
  const education = enumCell('education', LABELS.education)
  const category = enumCell('category', LABELS.category)
  const experienceSince = dateCell('experience_since')
  const categoryOn = dateCell('category_on')
  const startsOn = dateCell('starts_on')
  if (startsOn === null && get('starts_on') === null) c.cell(sheet, row, 'starts_on', 'обязательное поле')
  const endsOn = dateCell('ends_on')
  const main = yesNo('main')
  const reserve = yesNo('management_reserve')
  const rawRate = get('rate')
  let rate: number | undefined
  if (rawRate !== null && rawRate !== undefined) {
    rate = typeof rawRate === 'number' ? rawRate : Number(String(rawRate).replace(',', '.'))
    if (!Number.isFinite(rate)) {
      c.cell(sheet, row, 'rate', 'ожидается число')
      rate = undefined
    }
  }
  const subjectCodes = cellList(get('subjects')).map(subjects.codeOf)
  const given = new Set([...row.cells].filter(([, v]) => v !== null).map(([k]) => k))
  const checked = checkPerson(
    {
      ...typed,
      education,
      experienceSince,
      category: category ?? undefined,
      categoryOn,
      managementReserve: reserve ?? undefined,
      subjects: subjectCodes.length ? subjectCodes : undefined,
    },
    subjects.ids,
  )
  if (!checked.ok) c.problems(sheet, row, personProblems(checked.problems, typed))
  const employment: EmploymentInput = {
    orgUnit: 0,
    position: position ?? 'teacher',
    rate,
    main: main ?? true,
    startsOn: startsOn ?? '',
    endsOn,
  }
  if (startsOn) c.problems(sheet, row, checkEmployment(employment, checked.ok ? checked.person.birthDate : undefined))
  if (c.errors.length > before || !checked.ok) return undefined
  return { sheet, row, person: checked.person, given, employment }
}

function parseEventRow(
  c: Collector,
  sheet: ParsedSheet,
  row: SheetRow,
  deficits: Awaited<ReturnType<typeof optionLookup>>,
): EventRow | undefined {
  const before = c.errors.length
  const typed = personCells(c, sheet, row)
  const get = (code: string) => row.cells.get(code)
  const kind = cellEnum(LABELS.kind, get('kind'))
  if (!kind) {
    c.cell(sheet, row, 'kind', get('kind') === null ? 'обязательное поле' : 'значение не из списка')
    return undefined
  }
  const occurredOn = cellDate(get('occurred_on'))
  const completedOn = cellDate(get('completed_on'))
  if (occurredOn === undefined) c.cell(sheet, row, 'occurred_on', 'ожидается дата (ДД.ММ.ГГГГ)')
  if (completedOn === undefined) c.cell(sheet, row, 'completed_on', 'ожидается дата (ДД.ММ.ГГГГ)')
  const title = cellText(get('title'))
  const listed = <K extends string>(code: string, labels: Partial<Record<K, string>>) => {
    const v = cellEnum(labels, get(code))
    if (v === undefined) c.cell(sheet, row, code, 'значение не из списка')
    return v ?? undefined
  }
  const yesNo = (code: string) => {
    const v = cellYesNo(get(code))
    if (v === undefined) c.cell(sheet, row, code, 'ожидается «да» или «нет»')
    return v ?? undefined
  }
  const hoursCell = get('hours')
  const hours = hoursCell === null || hoursCell === undefined ? undefined : Number(String(hoursCell).replace(',', '.'))
  if (hours !== undefined && !Number.isFinite(hours)) c.cell(sheet, row, 'hours', 'ожидается число')
  const drop = <T extends Record<string, unknown>>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null))
  let details: Record<string, unknown> = {}
  switch (kind) {
    case 'diagnostics':
      details = drop({ instrument: title })
      break
    case 'iom':
      details = drop({ title })
      break
    case 'course':
      details = drop({
        title,
        provider: listed('provider', LABELS.provider),
        hours,
        distance: yesNo('distance'),
      })
      break
    case 'retraining':
      details = drop({ pedagogical: yesNo('pedagogical'), provider: cellText(get('provider')) })
      break
    case 'mentoring':
      details = drop({
        role: listed('role', { mentor: LABELS.role.mentor, mentee: LABELS.role.mentee }),
        programme: title,
      })
      break
    case 'expert_role':
      details = drop({
        role: listed('role', {
          gia_commission: LABELS.role.gia_commission,
          contest_jury: LABELS.role.contest_jury,
          course_expertise: LABELS.role.course_expertise,
        }),
      })
      break
    case 'membership':
      details = drop({
        kind: listed('role', {
          methodical_asset: LABELS.role.methodical_asset,
          network_community: LABELS.role.network_community,
        }),
        name: title,
      })
      break
    case 'contest':
      details = drop({
        level: listed('level', LABELS.level),
        result: listed('result', LABELS.result),
        name: title,
      })
      break
    case 'attestation':
      details = drop({ category: listed('category', LABELS.category) })
      break
  }
  const input: EventInput = {
    kind,
    occurredOn: occurredOn ?? '',
    completedOn: completedOn ?? null,
    details,
    deficits: cellList(get('deficits')).map(deficits.codeOf),
  }
  const checked = checkEvent(input, deficits.ids)
  if (!checked.ok)
    c.problems(
      sheet,
      row,
      checked.problems.filter((p) => !(p.path === 'occurredOn' && occurredOn === undefined)),
    )
  // Who it is: the same checks as a staff row, but only of the person's identifying fields.
  const who = checkPerson(typed, new Map())
  if (!who.ok) c.problems(sheet, row, personProblems(who.problems, typed))
  if (c.errors.length > before || !checked.ok || !who.ok) return undefined
  return { sheet, row, person: who.person, event: checked.event, typed }
}

/** A staff row's identity when its name, birth date (and SNILS, if any) are readable; else undefined. */
function quietIdentity(row: SheetRow): { hash: string | null; key: string } | undefined {
  const surname = cellText(row.cells.get('surname'))
  const name = cellText(row.cells.get('name'))
  const birthDate = cellDate(row.cells.get('birth_date'))
  if (!surname || !name || !birthDate) return undefined
  const typed = cellText(row.cells.get('snils'))
  const digits = typed ? normaliseSnils(typed) : undefined
  const snils = digits && validSnils(digits) ? digits : null
  return identity({ surname, name, patronymic: cellText(row.cells.get('patronymic')), birthDate, snils })
}

/** Thrown inside the import's transaction to roll it back with the errors found there. */
class Refused extends Error {
  readonly errors: RegistryImportError[]
  constructor(errors: RegistryImportError[]) {
    super('import refused')
    this.errors = errors
  }
}

/** The identity keys of a record: its SNILS hash and its name + birth date key. */
function identity(p: Pick<CheckedPerson, 'surname' | 'name' | 'patronymic' | 'birthDate' | 'snils'>) {
  return { hash: p.snils ? snilsHash(p.snils) : null, key: personKey(p) }
}

async function dedupeEvents(
  trx: Transaction<Database>,
  rows: { personId: number; event: CheckedEvent }[],
): Promise<boolean[]> {
  if (!rows.length) return []
  const existing = await trx
    .selectFrom('person_event')
    .select(['person_id', 'kind', 'occurred_on', 'details'])
    .where(sql<boolean>`person_id = any(${[...new Set(rows.map((r) => r.personId))]}::int[])`)
    .execute()
  const keys = new Set(existing.map((e) => `${e.person_id}|${e.kind}|${e.occurred_on}|${canonical(e.details)}`))
  return rows.map((r) => {
    const k = `${r.personId}|${r.event.kind}|${r.event.occurredOn}|${canonical(r.event.details)}`
    if (keys.has(k)) return false
    keys.add(k)
    return true
  })
}

function canonical(o: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b))))
}

/** Links each new ИОМ to the person's latest diagnostics on or before its date. */
async function linkIoms(trx: Transaction<Database>, ids: readonly number[]) {
  if (!ids.length) return
  await sql`
    update person_event i set based_on = (
      select d.id from person_event d
      where d.person_id = i.person_id and d.kind = 'diagnostics' and d.occurred_on <= i.occurred_on
      order by d.occurred_on desc, d.id desc limit 1
    )
    where i.id = any(${[...ids]}::int[]) and i.kind = 'iom' and i.based_on is null
  `.execute(trx)
}

/**
 * Imports an organisation's filled template, all or nothing: the staff sheet (people matched
 * across the region by SNILS or by name and birth date, their employment in this organisation
 * added or updated, subjects and qualification updated from the cells given) and the events
 * sheet (each row matched to a person of the file or of the organisation's records). Any error —
 * a bad SNILS check number, an unknown subject, a leaving date before the hiring date, the same
 * person twice — writes nothing; errors name sheet, row and column, never the value.
 */
export async function importStaff(
  db: Kysely<Database>,
  scope: Scope,
  actor: string,
  bytes: Uint8Array,
  orgUnitId: number,
): Promise<StaffImportResult> {
  const unit = await getOrgUnit(db, orgUnitId)
  await new PersonalAccess(db, scope).assertCanWrite(unit)
  if (unit.level !== 3) throw invalid([{ path: 'orgUnit', message: 'a staff list is imported into an organisation' }])
  pdKeys()
  const sheets = await readRegistryWorkbook(bytes)
  const c = new Collector()
  if (!sheets.length)
    return {
      ok: false,
      written: 0,
      errors: [
        { sheet: '', row: null, column: '', message: 'в файле нет листов шаблона (скрытая строка кодов, строка 3)' },
      ],
    }
  const subjects = await optionLookup(db, 'subject')
  const deficits = await optionLookup(db, 'deficit_type')
  const staff: StaffRow[] = []
  const events: EventRow[] = []
  for (const sheet of sheets)
    for (const row of sheet.rows)
      if (sheet.kind === 'staff') {
        const r = parseStaffRow(c, sheet, row, subjects)
        if (r) staff.push({ ...r, employment: { ...r.employment, orgUnit: unit.id } })
      } else {
        const r = parseEventRow(c, sheet, row, deficits)
        if (r) events.push(r)
      }
  // The same person twice in the staff list (whatever else is wrong with either row).
  const firstRow = new Map<string, number>()
  for (const sheet of sheets.filter((x) => x.kind === 'staff'))
    for (const row of sheet.rows) {
      const id = quietIdentity(row)
      if (!id) continue
      const seen = (id.hash && firstRow.get(`h:${id.hash}`)) || firstRow.get(`k:${id.key}`)
      if (seen) c.cell(sheet, row, 'surname', `этот человек уже указан в строке ${seen}`)
      else {
        if (id.hash) firstRow.set(`h:${id.hash}`, row.number)
        firstRow.set(`k:${id.key}`, row.number)
      }
    }
  c.errors.sort((a, b) => a.sheet.localeCompare(b.sheet) || (a.row ?? 0) - (b.row ?? 0))
  if (c.errors.length) return { ok: false, written: 0, errors: c.errors }

  const regionId = regionIdOf(unit)
  try {
    return await registryTransaction(db, async (trx) => {
      await new PersonalAccess(trx, scope).assertCanWrite(unit)
      const all = [...staff.map((s) => s.person), ...events.map((e) => e.person)]
      const candidates = await matchCandidates(
        trx,
        regionId,
        all.map((p) => p.birthDate),
        all.flatMap((p) => (p.snils ? [snilsHash(p.snils)] : [])),
      )
      // Staff rows: the person each is.
      const personOf = new Map<StaffRow, number | null>()
      for (const s of staff) {
        const m = matchAmong(candidates, s.person, identity(s.person).hash)
        if (m && 'error' in m)
          c.cell(
            s.sheet,
            s.row,
            m.error === 'snils_taken' ? 'snils' : 'birth_date',
            m.error === 'snils_taken'
              ? 'этот СНИЛС в реестре региона принадлежит человеку с другими ФИО или датой рождения'
              : 'в реестре региона несколько человек с такими ФИО и датой рождения: укажите СНИЛС',
          )
        personOf.set(s, m && 'id' in m ? m.id : null)
      }
      const matchedIds = [...personOf.values()].filter((v): v is number => v !== null)
      if (new Set(matchedIds).size !== matchedIds.length)
        for (const s of staff) {
          const id = personOf.get(s)
          if (id !== null && matchedIds.indexOf(id!) !== matchedIds.lastIndexOf(id!))
            c.cell(s.sheet, s.row, 'surname', 'этот человек уже указан в другой строке (совпадение в реестре)')
        }
      if (c.errors.length) throw new Refused(c.errors)

      let written = 0
      const subjectRows: { person_id: number; option_id: number }[] = []
      const touched: number[] = []
      const existingEmployments = matchedIds.length
        ? await trx
            .selectFrom('employment')
            .select(['id', 'person_id', 'starts_on'])
            .where('person_id', 'in', matchedIds)
            .where('org_unit_id', '=', unit.id)
            .execute()
        : []
      for (const s of staff) {
        let id = personOf.get(s)!
        const p = s.person
        if (id === null) {
          id = (
            await trx
              .insertInto('person')
              .values({
                region_id: regionId,
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
                created_by: actor,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
          personOf.set(s, id)
        } else {
          const set: Record<string, unknown> = {}
          if (s.given.has('education')) set.education = p.education
          if (s.given.has('experience_since')) set.experience_since = p.experienceSince
          if (s.given.has('category')) set.category = p.category
          if (s.given.has('category_on')) set.category_on = p.categoryOn
          if (s.given.has('management_reserve')) set.management_reserve = p.managementReserve
          if (p.snils && !candidates.find((x) => x.id === id)?.snils_hash) {
            set.snils_enc = encryptSnils(p.snils)
            set.snils_hash = snilsHash(p.snils)
          }
          await trx
            .updateTable('person')
            .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
            .where('id', '=', id)
            .execute()
        }
        touched.push(id)
        if (p.subjects) {
          await trx.deleteFrom('person_subject').where('person_id', '=', id).execute()
          subjectRows.push(...p.subjects.map((code) => ({ person_id: id!, option_id: subjects.ids.get(code)! })))
        }
        const e = s.employment
        const same = existingEmployments.find((x) => x.person_id === id && x.starts_on === e.startsOn)
        const row = {
          position: e.position,
          rate: e.rate ?? 1,
          main: e.main ?? true,
          starts_on: e.startsOn,
          ends_on: e.endsOn ?? null,
        }
        if (same) await trx.updateTable('employment').set(row).where('id', '=', same.id).execute()
        else
          await trx
            .insertInto('employment')
            .values({ person_id: id, org_unit_id: unit.id, ...row })
            .execute()
        written++
      }
      if (subjectRows.length) await trx.insertInto('person_subject').values(subjectRows).execute()

      // Events: a person of this file, or of this organisation's records (present or past).
      const fileCandidates: MatchCandidate[] = staff.map((x) => ({
        id: personOf.get(x)!,
        surname: x.person.surname,
        name: x.person.name,
        patronymic: x.person.patronymic,
        birth_date: x.person.birthDate,
        snils_hash: identity(x.person).hash,
      }))
      const staffOfUnit = await trx
        .selectFrom('employment')
        .select('person_id')
        .distinct()
        .where('org_unit_id', '=', unit.id)
        .execute()
      const ownIds = new Set(staffOfUnit.map((r) => r.person_id))
      const own: MatchCandidate[] = candidates.filter((x) => ownIds.has(x.id))
      const eventRows: { personId: number; orgUnitId: number; event: CheckedEvent; actor: string }[] = []
      for (const e of events) {
        const id = identity(e.person)
        const inFile = matchAmong(fileCandidates, e.person, id.hash)
        let personId = inFile && 'id' in inFile ? inFile.id : undefined
        if (!personId) {
          const m = matchAmong(own, e.person, id.hash)
          if (m && 'id' in m) personId = m.id
          else {
            c.cell(
              e.sheet,
              e.row,
              'surname',
              m
                ? 'человек не определён однозначно: укажите СНИЛС'
                : 'этого человека нет в списке сотрудников организации (ни в файле, ни в реестре)',
            )
            continue
          }
        }
        eventRows.push({ personId, orgUnitId: unit.id, event: e.event, actor })
      }
      if (c.errors.length) throw new Refused(c.errors)
      const fresh = await dedupeEvents(trx, eventRows)
      const toInsert = eventRows.filter((_, i) => fresh[i])
      // Diagnostics first, so that an ИОМ of the same file finds the diagnostics it is built on.
      toInsert.sort((a, b) => Number(a.event.kind !== 'diagnostics') - Number(b.event.kind !== 'diagnostics'))
      const eventIds = await insertEvents(trx, toInsert, deficits.ids)
      await linkIoms(
        trx,
        eventIds.filter((_, i) => toInsert[i]!.event.kind === 'iom'),
      )
      written += toInsert.length
      await appendAudit(trx, [
        {
          actor,
          action: 'import',
          entity: 'person_list',
          entityKey: String(unit.id),
          orgUnitId: unit.id,
          newValue: { people: [...new Set(touched)], events: eventIds },
        },
      ])
      return { ok: true, written, errors: [] }
    })
  } catch (err) {
    if (err instanceof Refused) return { ok: false, written: 0, errors: err.errors }
    throw err
  }
}

/**
 * Imports a region-wide events file (e.g. the regional centre's course completions): each row is
 * matched to a person of the region's registry by SNILS or by name and birth date and recorded by
 * the region; rows matching nobody (or several) are listed back with what the file itself said.
 * A row that is wrong in itself (a date that is none, an unknown kind) refuses the whole file.
 */
export async function importRegionEvents(
  db: Kysely<Database>,
  scope: Scope,
  actor: string,
  bytes: Uint8Array,
  regionId: number,
): Promise<EventsImportResult> {
  const region = await getOrgUnit(db, regionId)
  scope.assertCanWrite(region, 'data', 'region')
  if (region.level !== 1) throw invalid([{ path: 'region', message: `org unit ${regionId} is not a region` }])
  pdKeys()
  const sheets = (await readRegistryWorkbook(bytes)).filter((s) => s.kind === 'events')
  const c = new Collector()
  if (!sheets.length)
    return {
      ok: false,
      matched: 0,
      unmatched: [],
      errors: [{ sheet: '', row: null, column: '', message: 'в файле нет листа событий из шаблона' }],
    }
  const deficits = await optionLookup(db, 'deficit_type')
  const events: EventRow[] = []
  for (const sheet of sheets)
    for (const row of sheet.rows) {
      const r = parseEventRow(c, sheet, row, deficits)
      if (r) events.push(r)
    }
  if (c.errors.length) return { ok: false, matched: 0, unmatched: [], errors: c.errors }
  return registryTransaction(db, async (trx) => {
    const candidates = await matchCandidates(
      trx,
      region.id,
      events.map((e) => e.person.birthDate),
      events.flatMap((e) => (e.person.snils ? [snilsHash(e.person.snils)] : [])),
    )
    const unmatched: UnmatchedRow[] = []
    const rows: { personId: number; orgUnitId: number; event: CheckedEvent; actor: string }[] = []
    for (const e of events) {
      const m = matchAmong(candidates, e.person, identity(e.person).hash)
      if (m && 'id' in m) rows.push({ personId: m.id, orgUnitId: region.id, event: e.event, actor })
      else
        unmatched.push({
          sheet: e.sheet.name,
          row: e.row.number,
          reason: !m ? 'not_found' : m.error === 'ambiguous' ? 'ambiguous' : 'snils_conflict',
          surname: e.typed.surname || null,
          name: e.typed.name || null,
          patronymic: e.typed.patronymic,
          birthDate: e.typed.birthDate || null,
          snils: e.person.snils ? formatSnils(e.person.snils) : null,
        })
    }
    const fresh = await dedupeEvents(trx, rows)
    const ids = await insertEvents(
      trx,
      rows.filter((_, i) => fresh[i]),
      deficits.ids,
    )
    await appendAudit(trx, [
      {
        actor,
        action: 'import',
        entity: 'person_event',
        entityKey: `region:${region.id}`,
        orgUnitId: region.id,
        newValue: { matched: rows.length, written: ids.length, unmatched: unmatched.length, events: ids },
      },
    ])
    return { ok: true, matched: rows.length, unmatched, errors: [] }
  })
}
