import { sql, type Database, type IomStepKind, type Kysely, type PersonEventKind, type Transaction } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { forbidden, invalid, notFound, type ErrorDetail } from '../errors.ts'
import { parseEventDetails } from './event-details.ts'
import { readablePerson } from './people-read.ts'
import { isDate, optionIds, today } from './person-fields.ts'
import { registryTransaction } from './db-errors.ts'
import { PersonalAccess } from './personal-access.ts'

type Db = Kysely<Database> | Transaction<Database>

export interface StepInput {
  kind: IomStepKind
  title: string
  dueOn?: string | null | undefined
  completedOn?: string | null | undefined
}

/** An event as a form or an import gives it. */
export interface EventInput {
  kind: PersonEventKind
  occurredOn: string
  completedOn?: string | null | undefined
  /** The diagnostics (an event id of the same person) an ИОМ or a course is built on. */
  basedOn?: number | null | undefined
  details?: Record<string, unknown> | undefined
  /** Diagnostics: codes of the `deficit_type` dimension found. */
  deficits?: string[] | undefined
  /** ИОМ: its planned steps, in order. */
  steps?: StepInput[] | undefined
  /** The organisation recording it; default the first of the person's where the caller keeps records. */
  orgUnit?: number | undefined
}

export interface StepView {
  id: number
  kind: IomStepKind
  title: string
  dueOn: string | null
  completedOn: string | null
}

/** An event as the API shows it; `orgUnit` (who recorded it) only when the caller reads that unit. */
export interface EventView {
  id: number
  person: number
  kind: PersonEventKind
  occurredOn: string
  completedOn: string | null
  basedOn: number | null
  details: Record<string, unknown>
  deficits: string[]
  steps: StepView[]
  orgUnit: number | null
  createdBy: string | null
  createdAt: string
}

/** An event's fields checked (dates in order, deficits and steps only where they belong), normalised. */
export interface CheckedEvent {
  kind: PersonEventKind
  occurredOn: string
  completedOn: string | null
  basedOn: number | null
  details: Record<string, unknown>
  deficits: string[]
  steps: StepInput[]
}

/** Checks an event without touching the database: problems by field, never with values. */
export function checkEvent(
  input: EventInput,
  deficitIds: ReadonlyMap<string, number>,
  on = today(),
): { ok: true; event: CheckedEvent } | { ok: false; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = []
  if (!isDate(input.occurredOn)) problems.push({ path: 'occurredOn', message: 'a date YYYY-MM-DD is required' })
  else if (input.occurredOn > on) problems.push({ path: 'occurredOn', message: 'cannot be in the future' })
  if (input.completedOn !== undefined && input.completedOn !== null) {
    if (!isDate(input.completedOn)) problems.push({ path: 'completedOn', message: 'a date YYYY-MM-DD' })
    else if (isDate(input.occurredOn) && input.completedOn < input.occurredOn)
      problems.push({ path: 'completedOn', message: 'completion comes before the start' })
  }
  const details = parseEventDetails(input.kind, input.details ?? {})
  if (!details.ok) problems.push(...details.problems)
  if (input.basedOn != null && input.kind !== 'iom' && input.kind !== 'course')
    problems.push({ path: 'basedOn', message: 'only an ИОМ or a course is built on a diagnostics' })
  const deficits = [...new Set(input.deficits ?? [])]
  if (deficits.length && input.kind !== 'diagnostics')
    problems.push({ path: 'deficits', message: 'deficits are found by a diagnostics only' })
  for (const [i, code] of deficits.entries())
    if (!deficitIds.has(code)) problems.push({ path: `deficits[${i}]`, message: 'unknown deficit type' })
  const steps = input.steps ?? []
  if (steps.length && input.kind !== 'iom') problems.push({ path: 'steps', message: 'only an ИОМ has steps' })
  for (const [i, s] of steps.entries()) {
    if (!s.title?.trim()) problems.push({ path: `steps[${i}].title`, message: 'required' })
    for (const f of ['dueOn', 'completedOn'] as const)
      if (s[f] != null && !isDate(s[f])) problems.push({ path: `steps[${i}].${f}`, message: 'a date YYYY-MM-DD' })
  }
  if (problems.length) return { ok: false, problems }
  return {
    ok: true,
    event: {
      kind: input.kind,
      occurredOn: input.occurredOn,
      completedOn: input.completedOn ?? null,
      basedOn: input.basedOn ?? null,
      details: details.ok ? details.details : {},
      deficits,
      steps: steps.map((s) => ({ ...s, title: s.title.trim() })),
    },
  }
}

/**
 * Checks what needs the database: the diagnostics an event is built on belongs to the same
 * person; a mentoring partner is a person of the same region.
 */
async function checkLinks(db: Db, personId: number, regionId: number, e: CheckedEvent): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = []
  if (e.basedOn !== null) {
    const base = await db
      .selectFrom('person_event')
      .select(['person_id', 'kind'])
      .where('id', '=', e.basedOn)
      .executeTakeFirst()
    if (!base || base.person_id !== personId || base.kind !== 'diagnostics')
      problems.push({ path: 'basedOn', message: 'not a diagnostics of this person' })
  }
  const partner = e.details.partner_id
  if (typeof partner === 'number') {
    const row = await db.selectFrom('person').select('region_id').where('id', '=', partner).executeTakeFirst()
    if (!row || row.region_id !== regionId || partner === personId)
      problems.push({ path: 'details.partner_id', message: 'not another person of the region’s registry' })
  }
  return problems
}

/** Inserts checked events with their deficits and steps; the ids in order. */
export async function insertEvents(
  trx: Transaction<Database>,
  rows: { personId: number; orgUnitId: number; event: CheckedEvent; actor: string }[],
  deficitIds: ReadonlyMap<string, number>,
): Promise<number[]> {
  if (!rows.length) return []
  const ids: number[] = []
  // In chunks: one statement per few hundred events, the parameter limit stays far away.
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500)
    const inserted = await trx
      .insertInto('person_event')
      .values(
        chunk.map((r) => ({
          person_id: r.personId,
          org_unit_id: r.orgUnitId,
          kind: r.event.kind,
          occurred_on: r.event.occurredOn,
          completed_on: r.event.completedOn,
          based_on: r.event.basedOn,
          details: JSON.stringify(r.event.details),
          created_by: r.actor,
        })),
      )
      .returning('id')
      .execute()
    ids.push(...inserted.map((r) => r.id))
  }
  const options = rows.flatMap((r, i) =>
    r.event.deficits.map((code) => ({ event_id: ids[i]!, option_id: deficitIds.get(code)! })),
  )
  for (let i = 0; i < options.length; i += 1000)
    await trx
      .insertInto('person_event_option')
      .values(options.slice(i, i + 1000))
      .execute()
  const steps = rows.flatMap((r, i) =>
    r.event.steps.map((s, n) => ({
      event_id: ids[i]!,
      kind: s.kind,
      title: s.title,
      due_on: s.dueOn ?? null,
      completed_on: s.completedOn ?? null,
      sort: n,
    })),
  )
  for (let i = 0; i < steps.length; i += 1000)
    await trx
      .insertInto('iom_step')
      .values(steps.slice(i, i + 1000))
      .execute()
  return ids
}

/** The events of people, newest first, as the caller may see them (the recording unit only inside their tree). */
export async function listEventsOf(
  db: Db,
  scope: Scope,
  personIds: readonly number[],
  eventId?: number,
): Promise<EventView[]> {
  if (!personIds.length) return []
  let q = db
    .selectFrom('person_event as e')
    .innerJoin('org_unit as o', 'o.id', 'e.org_unit_id')
    .select([
      'e.id',
      'e.person_id',
      'e.kind',
      'e.occurred_on',
      'e.completed_on',
      'e.based_on',
      'e.details',
      'e.org_unit_id',
      'o.path',
      'e.created_by',
      'e.created_at',
    ])
    .where(sql<boolean>`e.person_id = any(${[...personIds]}::int[])`)
  if (eventId !== undefined) q = q.where('e.id', '=', eventId)
  const events = await q.orderBy('e.occurred_on', 'desc').orderBy('e.id', 'desc').execute()
  const ids = events.map((e) => e.id)
  const deficits = ids.length
    ? await db
        .selectFrom('person_event_option as eo')
        .innerJoin('dimension_option as o', 'o.id', 'eo.option_id')
        .select(['eo.event_id', 'o.code'])
        .where('eo.event_id', 'in', ids)
        .orderBy('o.sort')
        .execute()
    : []
  const steps = ids.length
    ? await db.selectFrom('iom_step').selectAll().where('event_id', 'in', ids).orderBy('sort').orderBy('id').execute()
    : []
  return events.map((e) => ({
    id: e.id,
    person: e.person_id,
    kind: e.kind,
    occurredOn: e.occurred_on,
    completedOn: e.completed_on,
    basedOn: e.based_on,
    details: e.details,
    deficits: deficits.filter((d) => d.event_id === e.id).map((d) => d.code),
    steps: steps
      .filter((s) => s.event_id === e.id)
      .map((s) => ({ id: s.id, kind: s.kind, title: s.title, dueOn: s.due_on, completedOn: s.completed_on })),
    orgUnit: scope.canRead({ path: e.path }) ? e.org_unit_id : null,
    createdBy: e.created_by,
    createdAt: new Date(e.created_at).toISOString(),
  }))
}

/** A person's events, newest first; the read is audited like a card. */
export async function listEvents(
  db: Kysely<Database>,
  scope: Scope,
  actor: string,
  personId: number,
): Promise<EventView[]> {
  const { person } = await readablePerson(db, scope, personId)
  const events = await listEventsOf(db, scope, [personId])
  await appendAudit(db, [
    {
      actor,
      action: 'view',
      entity: 'person_events',
      entityKey: String(personId),
      orgUnitId: person.employments.find((e) => scope.canRead(e))?.orgUnit ?? person.region_id,
      newValue: { events: events.length },
    },
  ])
  return events
}

/**
 * Records an event of a person in one of their organisations where the caller keeps records:
 * a diagnostics with the deficits found, an ИОМ with its steps (built on a diagnostics), a
 * course, … Audited.
 */
export async function createEvent(
  db: Kysely<Database>,
  scope: Scope,
  actor: string,
  personId: number,
  input: EventInput,
): Promise<EventView> {
  const deficitIds = await optionIds(db, 'deficit_type')
  const checked = checkEvent(input, deficitIds)
  if (!checked.ok) throw invalid(checked.problems)
  const id = await registryTransaction(db, async (trx) => {
    const { person, vis } = await readablePerson(trx, scope, personId, true)
    const mine = person.employments.filter((e) => vis.writable.has(e.id))
    if (!mine.length)
      throw forbidden(`person ${personId}: your roles do not allow recording events in their organisations`, 'id')
    const unit = input.orgUnit === undefined ? mine[0]! : mine.find((e) => e.orgUnit === input.orgUnit)
    if (!unit)
      throw invalid([{ path: 'orgUnit', message: 'not one of the person’s organisations where you keep records' }])
    const problems = await checkLinks(trx, personId, person.region_id, checked.event)
    if (problems.length) throw invalid(problems)
    const [eventId] = await insertEvents(
      trx,
      [{ personId, orgUnitId: unit.orgUnit, event: checked.event, actor }],
      deficitIds,
    )
    await appendAudit(trx, [
      {
        actor,
        action: 'create',
        entity: 'person_event',
        entityKey: String(eventId),
        orgUnitId: unit.orgUnit,
        newValue: { person: personId, ...checked.event },
      },
    ])
    return eventId!
  })
  const [view] = await listEventsOf(db, scope, [personId], id)
  return view!
}

/** The event of a person, locked, when the caller keeps the records of the unit that recorded it. */
async function writableEvent(trx: Transaction<Database>, scope: Scope, personId: number, eventId: number) {
  const { person } = await readablePerson(trx, scope, personId, true)
  const event = await trx
    .selectFrom('person_event as e')
    .innerJoin('org_unit as o', 'o.id', 'e.org_unit_id')
    .select(['e.id', 'e.kind', 'e.org_unit_id', 'o.path', 'e.person_id'])
    .where('e.id', '=', eventId)
    .where('e.person_id', '=', personId)
    .forUpdate('e')
    .executeTakeFirst()
  if (!event) throw notFound(`person ${personId} has no event ${eventId}`, 'eventId')
  if (!(await new PersonalAccess(trx, scope).canWrite(event)))
    throw forbidden(`event ${eventId} was recorded by a unit whose records you do not keep`, 'eventId')
  return { person, event }
}

/**
 * Changes an event (its kind stays): dates, details, the deficits of a diagnostics, the steps of
 * an ИОМ (replaced as given: the way to mark a step completed). Audited.
 */
export async function updateEvent(
  db: Kysely<Database>,
  scope: Scope,
  actor: string,
  personId: number,
  eventId: number,
  input: Omit<EventInput, 'kind' | 'orgUnit'>,
): Promise<EventView> {
  const deficitIds = await optionIds(db, 'deficit_type')
  await registryTransaction(db, async (trx) => {
    const { person, event } = await writableEvent(trx, scope, personId, eventId)
    const checked = checkEvent({ ...input, kind: event.kind }, deficitIds)
    if (!checked.ok) throw invalid(checked.problems)
    const problems = await checkLinks(trx, personId, person.region_id, checked.event)
    if (checked.event.basedOn === eventId)
      problems.push({ path: 'basedOn', message: 'an event is not built on itself' })
    if (problems.length) throw invalid(problems)
    const e = checked.event
    await trx
      .updateTable('person_event')
      .set({
        occurred_on: e.occurredOn,
        completed_on: e.completedOn,
        based_on: e.basedOn,
        details: JSON.stringify(e.details),
      })
      .where('id', '=', eventId)
      .execute()
    await trx.deleteFrom('person_event_option').where('event_id', '=', eventId).execute()
    if (e.deficits.length)
      await trx
        .insertInto('person_event_option')
        .values(e.deficits.map((code) => ({ event_id: eventId, option_id: deficitIds.get(code)! })))
        .execute()
    await trx.deleteFrom('iom_step').where('event_id', '=', eventId).execute()
    if (e.steps.length)
      await trx
        .insertInto('iom_step')
        .values(
          e.steps.map((s, n) => ({
            event_id: eventId,
            kind: s.kind,
            title: s.title,
            due_on: s.dueOn ?? null,
            completed_on: s.completedOn ?? null,
            sort: n,
          })),
        )
        .execute()
    await appendAudit(trx, [
      {
        actor,
        action: 'update',
        entity: 'person_event',
        entityKey: String(eventId),
        orgUnitId: event.org_unit_id,
        newValue: { person: personId, ...e },
      },
    ])
  })
  const [view] = await listEventsOf(db, scope, [personId], eventId)
  return view!
}

/** Deletes an event (its deficits and steps with it; an ИОМ built on it keeps standing, unlinked). Audited. */
export async function deleteEvent(
  db: Kysely<Database>,
  scope: Scope,
  actor: string,
  personId: number,
  eventId: number,
): Promise<void> {
  await registryTransaction(db, async (trx) => {
    const { event } = await writableEvent(trx, scope, personId, eventId)
    await trx.deleteFrom('person_event').where('id', '=', eventId).execute()
    await appendAudit(trx, [
      {
        actor,
        action: 'delete',
        entity: 'person_event',
        entityKey: String(eventId),
        orgUnitId: event.org_unit_id,
        oldValue: { person: personId, kind: event.kind },
      },
    ])
  })
}
