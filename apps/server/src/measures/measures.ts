import { speaksFor } from '@profmon/contract/rules'
import { sql, type Database, type Kysely, type MeasureStatus, type Transaction } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { LOCAL_GROUP, type Catalog } from '../catalog/catalog.ts'
import { catalogFor, revisionFor } from '../catalog/local-definitions.ts'
import { readCampaign } from '../collection/campaigns/campaigns.ts'
import { EVIDENCE_MAX_BYTES } from '../collection/evidence/evidence.ts'
import { evidenceKind, storedName } from '../collection/evidence/file-kind.ts'
import { assertFileSize } from '../collection/xlsx/upload-limit.ts'
import { DomainError, forbidden, invalid, notFound, type ErrorDetail } from '../errors.ts'
import { loadTargetResolver } from '../goals/effective-targets.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { findPeriod, type PeriodRef } from '../org/periods.ts'
import { recommendationLinkProblems } from '../recommendations/links.ts'
import { dueDateOf, MEASURE_TEMPLATES } from './templates.ts'

/** A measure as the API shows it. */
export interface MeasureView {
  id: number
  orgUnit: number
  orgUnitName: string
  period: string
  title: string
  description: string
  plugin: string | null
  indicators: string[]
  recommendations: number[]
  responsible: { name: string | null; position: string | null; user: number | null }
  startsOn: string
  dueOn: string
  status: MeasureStatus
  /** Due before today and neither done nor cancelled. */
  overdue: boolean
  expected: Record<string, number>
  /** How many progress entries it has. */
  progress: number
  /** The region's measure this one was pushed down from. */
  parent: number | null
  /** The roadmap template item it was made from. */
  template: string | null
  /** The previous period's measure it was carried over from. */
  carriedFrom: number | null
}

/** A progress entry as the API shows it. */
export interface ProgressView {
  id: number
  measure: number
  date: string
  text: string
  author: string
  at: string
  /** Documents attached to the entry (PDF, DOCX, XLSX, PNG, JPEG). */
  documents: { id: number; fileName: string; mime: string; size: number }[]
}

type Db = Kysely<Database> | Transaction<Database>

const ymd = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`

function baseQuery(db: Db) {
  return db
    .selectFrom('measure as m')
    .innerJoin('org_unit as o', 'o.id', 'm.org_unit_id')
    .innerJoin('period as p', 'p.id', 'm.period_id')
    .select([
      'm.id',
      'm.org_unit_id',
      'm.period_id',
      'm.title',
      'm.description',
      'm.plugin_id',
      'm.indicators',
      'm.recommendations',
      'm.responsible_name',
      'm.responsible_position',
      'm.responsible_user_id',
      'm.status',
      'm.expected',
      'm.template_item_code',
      'm.parent_measure_id',
      'm.carried_from',
      'o.name as unit_name',
      'o.path as unit_path',
      'o.level as unit_level',
      'p.code as period_code',
      ymd('m.starts_on').as('starts_on'),
      ymd('m.due_on').as('due_on'),
      sql<boolean>`(m.due_on < current_date and m.status in ('planned', 'in_progress'))`.as('overdue'),
      sql<number>`(select count(*)::int from measure_progress mp where mp.measure_id = m.id)`.as('progress'),
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

function viewOf(r: Row): MeasureView {
  return {
    id: r.id,
    orgUnit: r.org_unit_id,
    orgUnitName: r.unit_name,
    period: r.period_code,
    title: r.title,
    description: r.description,
    plugin: r.plugin_id,
    indicators: r.indicators,
    recommendations: r.recommendations,
    responsible: { name: r.responsible_name, position: r.responsible_position, user: r.responsible_user_id },
    startsOn: r.starts_on,
    dueOn: r.due_on,
    status: r.status,
    overdue: Boolean(r.overdue),
    expected: (r.expected ?? {}) as Record<string, number>,
    progress: Number(r.progress),
    parent: r.parent_measure_id,
    template: r.template_item_code,
    carriedFrom: r.carried_from,
  }
}

const unitOf = (r: Row) => ({ id: r.org_unit_id, path: r.unit_path, level: r.unit_level })

export interface ListFilter {
  orgUnit: number
  period: string
  plugin?: string | undefined
  status?: MeasureStatus | undefined
  overdue?: boolean | undefined
  indicator?: string | undefined
  /** A user id, or a part of the responsible person's name. */
  responsible?: string | undefined
}

/** The measures of an org unit in a period; a unit outside the caller's tree is a 403. */
export async function listMeasures(db: Kysely<Database>, scope: Scope, filter: ListFilter): Promise<MeasureView[]> {
  const unit = await getOrgUnit(db, filter.orgUnit)
  scope.assertCanRead(unit)
  const period = await findPeriod(db, filter.period)
  let q = baseQuery(db).where('m.org_unit_id', '=', unit.id).where('m.period_id', '=', period.id)
  if (filter.plugin) q = q.where('m.plugin_id', '=', filter.plugin)
  if (filter.status) q = q.where('m.status', '=', filter.status)
  if (filter.overdue !== undefined)
    q = q.where(sql<boolean>`(m.due_on < current_date and m.status in ('planned', 'in_progress'))`, '=', filter.overdue)
  if (filter.indicator) q = q.where(sql<boolean>`${filter.indicator} = any(m.indicators)`)
  if (filter.responsible) {
    const who = filter.responsible
    q = /^\d+$/.test(who)
      ? q.where('m.responsible_user_id', '=', Number(who))
      : q.where(sql<boolean>`lower(coalesce(m.responsible_name, '')) like ${`%${who.toLowerCase()}%`}`)
  }
  const rows = await q.orderBy('m.due_on').orderBy('m.id').execute()
  return rows.map(viewOf)
}

/**
 * The measures of these org units in a period, unscoped: for services that checked the caller may
 * read the units (effectiveness, the cycle view).
 */
export async function measuresOfUnits(db: Db, unitIds: readonly number[], periodId: number): Promise<MeasureView[]> {
  if (!unitIds.length) return []
  const rows = await baseQuery(db)
    .where('m.org_unit_id', 'in', [...unitIds])
    .where('m.period_id', '=', periodId)
    .orderBy('m.due_on')
    .orderBy('m.id')
    .execute()
  return rows.map(viewOf)
}

/** Measures by id with their unit's path, unscoped: the caller filters by what it may read. */
export async function measuresWithIds(db: Db, ids: readonly number[]): Promise<(MeasureView & { unitPath: string })[]> {
  if (!ids.length) return []
  const rows = await baseQuery(db)
    .where('m.id', 'in', [...ids])
    .execute()
  return rows.map((r) => ({ ...viewOf(r), unitPath: r.unit_path }))
}

async function readableRow(db: Db, scope: Scope, id: number, lock = false): Promise<Row> {
  let q = baseQuery(db).where('m.id', '=', id)
  if (lock) q = q.forUpdate('m')
  const row = await q.executeTakeFirst()
  if (!row) throw notFound(`measure ${id} does not exist`, 'id')
  if (!scope.canRead({ path: row.unit_path })) throw forbidden(`measure ${id} is outside your org tree`, 'id')
  return row
}

async function writableRow(db: Db, scope: Scope, id: number): Promise<Row> {
  const row = await readableRow(db, scope, id, true)
  scope.assertCanWrite(unitOf(row), 'measures', 'id')
  return row
}

/** One measure the caller sees: 404 when there is none, 403 outside the caller's tree. */
export async function getMeasure(db: Db, scope: Scope, id: number): Promise<MeasureView> {
  return viewOf(await readableRow(db, scope, id))
}

function locked(id: number, message: string): DomainError {
  return new DomainError('conflict', 'measure_done', `measure ${id} is done: ${message}`, [
    { path: 'id', message: `${message} (it is done)`, state: 'done' },
  ])
}

export interface MeasureInput {
  title?: string | undefined
  description?: string | undefined
  plugin?: string | null | undefined
  indicators?: string[] | undefined
  recommendations?: number[] | undefined
  responsible?:
    | { name?: string | null | undefined; position?: string | null | undefined; user?: number | null | undefined }
    | undefined
  startsOn?: string | undefined
  dueOn?: string | undefined
  status?: MeasureStatus | undefined
  expected?: Record<string, number> | undefined
}

export interface NewMeasure extends MeasureInput {
  orgUnit: number
  period: string
  title: string
  startsOn: string
  dueOn: string
}

/** The period right after this one, if any. */
async function nextPeriod(db: Db, period: PeriodRef): Promise<{ id: number; code: string } | undefined> {
  return db
    .selectFrom('period')
    .select(['id', 'code'])
    .where('ends_on', '>', period.endsOn)
    .orderBy('ends_on')
    .limit(1)
    .executeTakeFirst()
}

interface Checked {
  plugin: string | null
  indicators: string[]
  recommendations: number[]
  expected: Record<string, number>
}

/**
 * Checks what a measure links to, all problems at once (400 naming each field): dates in order,
 * indicators the unit sees, recommendations the caller sees addressed inside the unit's subtree,
 * expected values only for linked indicators, a known responsible user. Fills in missing expected
 * values from the target in force for the next period (the current one when there is no next).
 */
async function checkLinks(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  unit: { id: number; path: string },
  period: PeriodRef,
  after: {
    plugin: string | null | undefined
    indicators: string[]
    recommendations: number[]
    expected: Record<string, number> | undefined
    startsOn: string
    dueOn: string
    responsibleUser: number | null
  },
  defaultsFor: readonly string[],
): Promise<Checked> {
  const details: ErrorDetail[] = []
  if (after.dueOn < after.startsOn)
    details.push({ path: 'dueOn', message: `due date ${after.dueOn} is before the start ${after.startsOn}` })
  const view = await catalogFor(db, catalog, [unit])
  after.indicators.forEach((code, i) => {
    if (!view.indicators.has(code)) details.push({ path: `indicators[${i}]`, message: `unknown indicator "${code}"` })
  })
  details.push(...(await recommendationLinkProblems(db, scope, unit, after.recommendations)))
  for (const code of Object.keys(after.expected ?? {}))
    if (!after.indicators.includes(code))
      details.push({ path: `expected.${code}`, message: `indicator "${code}" is not linked to the measure` })
  if (after.responsibleUser !== null) {
    const user = await db.selectFrom('app_user').select('id').where('id', '=', after.responsibleUser).executeTakeFirst()
    if (!user) details.push({ path: 'responsible.user', message: `no user ${after.responsibleUser}` })
  }
  if (after.plugin && !catalog.plugins.has(after.plugin) && after.plugin !== LOCAL_GROUP)
    details.push({ path: 'plugin', message: `unknown direction "${after.plugin}"` })
  if (details.length) throw invalid(details)

  const expected: Record<string, number> = { ...after.expected }
  const missing = defaultsFor.filter((code) => after.indicators.includes(code) && !(code in expected))
  if (missing.length) {
    const target = (await nextPeriod(db, period)) ?? period
    const resolve = await loadTargetResolver(db, [unit], [target], missing)
    for (const code of missing) {
      const ind = view.indicators.get(code)!
      const def = (ind.local ? revisionFor(ind, target.code).compiled : ind.compiled).indicator
      const t = resolve(def, unit, target)
      if (t) expected[code] = t.value
    }
  }
  const first = after.indicators[0]
  const plugin = after.plugin !== undefined ? after.plugin : first ? view.indicators.get(first)!.pluginId : null
  return { plugin, indicators: after.indicators, recommendations: after.recommendations, expected }
}

/** Plans a measure of an org unit where the caller writes measures (403 elsewhere). */
export async function createMeasure(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  input: NewMeasure,
): Promise<MeasureView> {
  const unit = await getOrgUnit(db, input.orgUnit)
  scope.assertCanWrite(unit, 'measures')
  const period = await findPeriod(db, input.period)
  const indicators = [...new Set(input.indicators ?? [])]
  const checked = await checkLinks(
    db,
    catalog,
    scope,
    unit,
    period,
    {
      plugin: input.plugin,
      indicators,
      recommendations: [...new Set(input.recommendations ?? [])],
      expected: input.expected,
      startsOn: input.startsOn,
      dueOn: input.dueOn,
      responsibleUser: input.responsible?.user ?? null,
    },
    indicators,
  )
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('measure')
      .values({
        org_unit_id: unit.id,
        period_id: period.id,
        title: input.title,
        description: input.description ?? '',
        plugin_id: checked.plugin,
        indicators: checked.indicators,
        recommendations: checked.recommendations,
        responsible_name: input.responsible?.name ?? null,
        responsible_position: input.responsible?.position ?? null,
        responsible_user_id: input.responsible?.user ?? null,
        starts_on: input.startsOn,
        due_on: input.dueOn,
        status: input.status ?? 'planned',
        expected: JSON.stringify(checked.expected),
        created_by: scope.user.login,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const view = await getMeasure(trx, scope, id)
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: 'create',
        entity: 'measure',
        entityKey: String(id),
        orgUnitId: unit.id,
        newValue: view,
      },
    ])
    return view
  })
}

/**
 * Changes a measure. A done measure is locked (409) except for reopening it: status back to
 * in_progress, by someone who writes measures on its unit.
 */
export async function updateMeasure(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  id: number,
  input: MeasureInput,
): Promise<MeasureView> {
  return db.transaction().execute(async (trx) => {
    const row = await writableRow(trx, scope, id)
    const before = viewOf(row)
    if (row.status === 'done') {
      const onlyReopen = input.status === 'in_progress' && Object.keys(input).every((k) => k === 'status')
      if (!onlyReopen) throw locked(id, 'only reopening it (status in_progress) is allowed')
    }
    const period = await findPeriod(trx as Kysely<Database>, row.period_code)
    const indicators = input.indicators ? [...new Set(input.indicators)] : row.indicators
    const newlyLinked = indicators.filter((c) => !row.indicators.includes(c))
    const checked = await checkLinks(
      trx as Kysely<Database>,
      catalog,
      scope,
      unitOf(row),
      period,
      {
        plugin: input.plugin !== undefined ? input.plugin : row.plugin_id,
        indicators,
        recommendations: input.recommendations ? [...new Set(input.recommendations)] : row.recommendations,
        // Values of indicators unlinked now go with them.
        expected:
          input.expected ??
          Object.fromEntries(Object.entries(before.expected).filter(([code]) => indicators.includes(code))),
        startsOn: input.startsOn ?? row.starts_on,
        dueOn: input.dueOn ?? row.due_on,
        responsibleUser: input.responsible?.user !== undefined ? input.responsible.user : row.responsible_user_id,
      },
      input.expected ? [] : newlyLinked,
    )
    await trx
      .updateTable('measure')
      .set({
        title: input.title ?? row.title,
        description: input.description ?? row.description,
        plugin_id: checked.plugin,
        indicators: checked.indicators,
        recommendations: checked.recommendations,
        responsible_name: input.responsible?.name !== undefined ? input.responsible.name : row.responsible_name,
        responsible_position:
          input.responsible?.position !== undefined ? input.responsible.position : row.responsible_position,
        responsible_user_id: input.responsible?.user !== undefined ? input.responsible.user : row.responsible_user_id,
        starts_on: input.startsOn ?? row.starts_on,
        due_on: input.dueOn ?? row.due_on,
        status: input.status ?? row.status,
        expected: JSON.stringify(checked.expected),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute()
    const after = await getMeasure(trx, scope, id)
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: row.status === 'done' ? 'reopen' : 'update',
        entity: 'measure',
        entityKey: String(id),
        orgUnitId: row.org_unit_id,
        oldValue: before,
        newValue: after,
      },
    ])
    return after
  })
}

/** Deletes a measure with its progress; a done one is locked (409). Pushed-down copies keep living, unlinked. */
export async function deleteMeasure(db: Kysely<Database>, scope: Scope, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await writableRow(trx, scope, id)
    if (row.status === 'done') throw locked(id, 'a done measure cannot be deleted')
    await trx.deleteFrom('measure').where('id', '=', id).execute()
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: 'delete',
        entity: 'measure',
        entityKey: String(id),
        orgUnitId: row.org_unit_id,
        oldValue: viewOf(row),
      },
    ])
  })
}

/**
 * Records a dated progress entry: by someone who writes measures on the unit, or who enters data
 * of that very unit (a school operator on their school's measures). A done measure is locked.
 */
export async function addProgress(
  db: Kysely<Database>,
  scope: Scope,
  id: number,
  input: { date: string; text: string },
  file?: File,
): Promise<ProgressView> {
  let upload: { bytes: Uint8Array; fileName: string; mime: string } | undefined
  if (file) {
    assertFileSize(file, EVIDENCE_MAX_BYTES, 'Документ')
    const bytes = new Uint8Array(await file.arrayBuffer())
    const kind = await evidenceKind(bytes)
    if (!kind)
      throw new DomainError(
        'unsupported',
        'unsupported_media_type',
        'Документ должен быть файлом PDF, DOCX, XLSX, PNG или JPEG (тип определяется по содержимому, а не по имени)',
        [{ path: 'file', message: 'PDF, DOCX, XLSX, PNG или JPEG' }],
      )
    upload = { bytes, fileName: storedName(file.name, kind.ext), mime: kind.mime }
  }
  return db.transaction().execute(async (trx) => {
    const row = await readableRow(trx, scope, id, true)
    const unit = unitOf(row)
    if (!scope.canWrite(unit, 'measures') && !speaksFor(scope.user.roles, unit.id))
      scope.assertCanWrite(unit, 'measures', 'id')
    if (row.status === 'done') throw locked(id, 'no more progress on a done measure')
    const entry = await trx
      .insertInto('measure_progress')
      .values({ measure_id: id, on_date: input.date, text: input.text, author: scope.user.login })
      .returning(['id', ymd('on_date').as('date'), 'at'])
      .executeTakeFirstOrThrow()
    const documents: ProgressView['documents'] = []
    if (upload) {
      const doc = await trx
        .insertInto('measure_document')
        .values({
          progress_id: entry.id,
          file_name: upload.fileName,
          mime: upload.mime,
          size: upload.bytes.length,
          content: upload.bytes,
          uploaded_by: scope.user.login,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      documents.push({ id: doc.id, fileName: upload.fileName, mime: upload.mime, size: upload.bytes.length })
    }
    const view: ProgressView = {
      id: entry.id,
      measure: id,
      date: entry.date,
      text: input.text,
      author: scope.user.login,
      at: new Date(entry.at).toISOString(),
      documents,
    }
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: 'progress',
        entity: 'measure',
        entityKey: String(id),
        orgUnitId: row.org_unit_id,
        newValue: { date: view.date, text: view.text, documents: documents.map(({ id: _, ...d }) => d) },
      },
    ])
    return view
  })
}

/** A measure's progress entries with their documents, newest first. */
export async function listProgress(db: Kysely<Database>, scope: Scope, id: number): Promise<ProgressView[]> {
  await readableRow(db, scope, id)
  const [entries, docs] = await Promise.all([
    db
      .selectFrom('measure_progress')
      .select(['id', 'text', 'author', 'at', ymd('on_date').as('date')])
      .where('measure_id', '=', id)
      .orderBy('on_date', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('measure_document as d')
      .innerJoin('measure_progress as mp', 'mp.id', 'd.progress_id')
      .select(['d.id', 'd.progress_id', 'd.file_name', 'd.mime', 'd.size'])
      .where('mp.measure_id', '=', id)
      .orderBy('d.id')
      .execute(),
  ])
  return entries.map((e) => ({
    id: e.id,
    measure: id,
    date: e.date,
    text: e.text,
    author: e.author,
    at: new Date(e.at).toISOString(),
    documents: docs
      .filter((d) => d.progress_id === e.id)
      .map((d) => ({ id: d.id, fileName: d.file_name, mime: d.mime, size: d.size })),
  }))
}

/**
 * Carries a measure into the next period as a proposal (status `proposed`, linked to it through
 * `carriedFrom`), for a person to confirm by planning it: same title, direction, indicators,
 * responsible and expected values, dates moved a period on. Idempotent: the existing proposal is
 * returned with `created: false`.
 */
export async function carryMeasure(
  db: Kysely<Database>,
  scope: Scope,
  id: number,
): Promise<{ measure: MeasureView; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const row = await writableRow(trx, scope, id)
    const period = await findPeriod(trx as Kysely<Database>, row.period_code)
    const next = await nextPeriod(trx, period)
    if (!next) throw invalid([{ path: 'id', message: `there is no period after ${row.period_code} to carry into` }])
    const existing = await trx
      .selectFrom('measure')
      .select('id')
      .where('carried_from', '=', id)
      .where('org_unit_id', '=', row.org_unit_id)
      .executeTakeFirst()
    if (existing) return { measure: await getMeasure(trx, scope, existing.id), created: false }
    // A date moved on by the distance between the two periods' ends.
    const shift = (day: string) => sql<string>`to_char((${day}::date + (p2.ends_on - p1.ends_on)), 'YYYY-MM-DD')`
    const dates = await trx
      .selectFrom('period as p1')
      .innerJoin('period as p2', (j) => j.onTrue())
      .select([shift(row.starts_on).as('starts_on'), shift(row.due_on).as('due_on')])
      .where('p1.id', '=', row.period_id)
      .where('p2.id', '=', next.id)
      .executeTakeFirstOrThrow()
    const { id: created } = await trx
      .insertInto('measure')
      .values({
        org_unit_id: row.org_unit_id,
        period_id: next.id,
        title: row.title,
        description: row.description,
        plugin_id: row.plugin_id,
        indicators: row.indicators,
        recommendations: [],
        responsible_name: row.responsible_name,
        responsible_position: row.responsible_position,
        responsible_user_id: row.responsible_user_id,
        starts_on: dates.starts_on,
        due_on: dates.due_on,
        status: 'proposed',
        expected: JSON.stringify(row.expected ?? {}),
        carried_from: row.id,
        created_by: scope.user.login,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const view = await getMeasure(trx, scope, created)
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: 'carry',
        entity: 'measure',
        entityKey: String(created),
        orgUnitId: row.org_unit_id,
        newValue: { carriedFrom: row.id, period: next.code },
      },
    ])
    return { measure: view, created: true }
  })
}

/** A progress document's bytes with its stored name and type, for a caller who reads the measure's unit. */
export async function measureDocumentContent(db: Kysely<Database>, scope: Scope, id: number) {
  const doc = await db
    .selectFrom('measure_document as d')
    .innerJoin('measure_progress as mp', 'mp.id', 'd.progress_id')
    .innerJoin('measure as m', 'm.id', 'mp.measure_id')
    .innerJoin('org_unit as o', 'o.id', 'm.org_unit_id')
    .select(['d.content', 'd.mime', 'd.file_name', 'o.id as unit_id', 'o.path'])
    .where('d.id', '=', id)
    .executeTakeFirst()
  if (!doc) throw notFound(`document ${id} does not exist`, 'id')
  scope.assertCanRead({ id: doc.unit_id, path: doc.path }, 'id')
  return { bytes: new Uint8Array(doc.content), mime: doc.mime, fileName: doc.file_name }
}

/** The roadmap templates with their items' deadlines as day, month and year offset. */
export function listTemplates() {
  return MEASURE_TEMPLATES.map((t) => ({
    code: t.code,
    title: t.title,
    items: t.items.map((i) => ({
      code: i.code,
      group: i.group,
      title: i.title,
      deadline: i.deadline,
      seedDeadline: i.seedDeadline,
      campaign: i.campaign,
    })),
  }))
}

/**
 * Makes a template's items measures of a unit and period, due on the region's campaign deadlines
 * (or the seed's day in the period's year), in one transaction. Idempotent: an item already made
 * for the unit and period is skipped.
 */
export async function measuresFromTemplate(
  db: Kysely<Database>,
  scope: Scope,
  input: { orgUnit: number; period: string; template: string },
): Promise<{ created: number }> {
  const unit = await getOrgUnit(db, input.orgUnit)
  scope.assertCanWrite(unit, 'measures')
  const template = MEASURE_TEMPLATES.find((t) => t.code === input.template)
  if (!template) throw invalid([{ path: 'template', message: `unknown template "${input.template}"` }])
  const period = await findPeriod(db, input.period)
  const { starts_on } = await db
    .selectFrom('period')
    .select(ymd('starts_on').as('starts_on'))
    .where('id', '=', period.id)
    .executeTakeFirstOrThrow()
  const campaign = await readCampaign(db, regionIdOf(unit), period.code)
  return db.transaction().execute(async (trx) => {
    const rows = template.items.map((item) => {
      const due = dueDateOf(item, period.endsOn, campaign)
      return {
        org_unit_id: unit.id,
        period_id: period.id,
        title: item.title,
        description: item.description ?? '',
        starts_on: due < starts_on ? due : starts_on,
        due_on: due,
        status: 'planned' as const,
        template_item_code: item.code,
        created_by: scope.user.login,
      }
    })
    const created = await trx
      .insertInto('measure')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['org_unit_id', 'period_id', 'template_item_code'])
          .where('template_item_code', 'is not', null)
          .doNothing(),
      )
      .returning(['id', 'template_item_code'])
      .execute()
    if (created.length)
      await appendAudit(
        trx,
        created.map((r) => ({
          actor: scope.user.login,
          action: 'create',
          entity: 'measure',
          entityKey: String(r.id),
          orgUnitId: unit.id,
          newValue: { template: r.template_item_code },
        })),
      )
    return { created: created.length }
  })
}

/**
 * Copies a region's measure to each municipality of the region, linked to it as their parent.
 * Idempotent: a municipality that has its copy is skipped.
 */
export async function pushDownMeasure(db: Kysely<Database>, scope: Scope, id: number): Promise<{ created: number }> {
  return db.transaction().execute(async (trx) => {
    const row = await writableRow(trx, scope, id)
    if (row.unit_level !== 1)
      throw invalid([{ path: 'id', message: `measure ${id} is not a region's measure: only those are pushed down` }])
    const children = await trx
      .selectFrom('org_unit')
      .select('id')
      .where('parent_id', '=', row.org_unit_id)
      .where('level', '=', 2)
      .execute()
    if (!children.length) return { created: 0 }
    const created = await trx
      .insertInto('measure')
      .values(
        children.map((c) => ({
          org_unit_id: c.id,
          period_id: row.period_id,
          title: row.title,
          description: row.description,
          plugin_id: row.plugin_id,
          indicators: row.indicators,
          recommendations: [],
          responsible_name: null,
          responsible_position: null,
          starts_on: row.starts_on,
          due_on: row.due_on,
          status: 'planned' as const,
          expected: JSON.stringify(row.expected ?? {}),
          // The template item stays with the region's: a municipality makes its own from the template.
          parent_measure_id: row.id,
          created_by: scope.user.login,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['parent_measure_id', 'org_unit_id']).where('parent_measure_id', 'is not', null).doNothing(),
      )
      .returning(['id', 'org_unit_id'])
      .execute()
    if (created.length)
      await appendAudit(
        trx,
        created.map((r) => ({
          actor: scope.user.login,
          action: 'push-down',
          entity: 'measure',
          entityKey: String(r.id),
          orgUnitId: r.org_unit_id,
          newValue: { parent: row.id },
        })),
      )
    return { created: created.length }
  })
}
