import type { Addressee } from '@profmon/contract'
import { type Database, type Kysely, type RecommendationState, type Transaction } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { LOCAL_GROUP, type Catalog } from '../catalog/catalog.ts'
import { catalogFor } from '../catalog/local-definitions.ts'
import { DomainError, forbidden, invalid, notFound, type ErrorDetail } from '../errors.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { findPeriod } from '../org/periods.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'
import { canAcknowledge, canManage, canSee, visibleTo } from './visibility.ts'

/** A recommendation as the API shows it. */
export interface RecommendationView {
  id: number
  orgUnit: number
  orgUnitName: string
  ownerOrgUnit: number
  period: string
  addressee: Addressee
  plugin: string | null
  indicator: string | null
  indicators: string[]
  rule: string | null
  text: string
  state: RecommendationState
  stale: boolean
  edited: boolean
  source: 'generated' | 'authored'
  createdBy: string
  createdAt: string
  publishedBy: string | null
  publishedAt: string | null
  acknowledgedBy: string | null
  acknowledgedAt: string | null
  withdrawnReason: string | null
  targets: number[]
  /** What triggered a generated one, as it was when last generated. */
  figures: RecommendationFigures | null
}

/** The analytics figures a generated recommendation cites. */
export interface RecommendationFigures {
  indicator: string
  value: number | null
  target: number | null
  status: string | null
  numerator: number | null
  denominator: number | null
  /** People for a share, else the indicator's unit; null without a target. */
  gap: number | null
}

type Db = Kysely<Database> | Transaction<Database>

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

function baseQuery(db: Db) {
  return db
    .selectFrom('recommendation as r')
    .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
    .innerJoin('org_unit as w', 'w.id', 'r.owner_org_unit_id')
    .innerJoin('period as p', 'p.id', 'r.period_id')
    .selectAll('r')
    .select(['o.name as unit_name', 'o.path as unit_path', 'w.path as owner_path', 'p.code as period_code'])
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

function viewOf(r: Row): RecommendationView {
  return {
    id: r.id,
    orgUnit: r.org_unit_id,
    orgUnitName: r.unit_name,
    ownerOrgUnit: r.owner_org_unit_id,
    period: r.period_code,
    addressee: r.addressee,
    plugin: r.plugin_id,
    indicator: r.indicators[0] ?? null,
    indicators: r.indicators,
    rule: r.rule_code,
    text: r.text,
    state: r.state,
    stale: r.stale,
    edited: r.edited,
    source: r.source,
    createdBy: r.created_by,
    createdAt: iso(r.created_at)!,
    publishedBy: r.published_by,
    publishedAt: iso(r.published_at),
    acknowledgedBy: r.acknowledged_by,
    acknowledgedAt: iso(r.acknowledged_at),
    withdrawnReason: r.withdrawn_reason,
    // Each addressed unit gets a recommendation of its own, so it acknowledges its own.
    targets: [r.org_unit_id],
    figures: (r.figures ?? null) as RecommendationFigures | null,
  }
}

const placeOf = (r: Row) => ({
  orgUnit: { id: r.org_unit_id, path: r.unit_path },
  owner: { path: r.owner_path },
  state: r.state,
  publishedAt: r.published_at,
})

export interface ListFilter {
  orgUnit: number
  period: string
  addressee?: Addressee | undefined
  state?: RecommendationState | undefined
  plugin?: string | undefined
  includeDescendants?: boolean | undefined
}

/**
 * Recommendations addressed to an org unit (or inside its subtree) in a period that the caller
 * sees (see {@link canSee}); a unit outside the caller's tree is a 403.
 */
export async function listRecommendations(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  filter: ListFilter,
): Promise<RecommendationView[]> {
  const unit = await getOrgUnit(db, filter.orgUnit)
  scope.assertCanRead(unit)
  const period = await findPeriod(db, filter.period)
  // A direction switched off is hidden, its recommendations kept (like its data).
  const shown = [...(await enabledPluginIds(db, catalog, regionIdOf(unit))), LOCAL_GROUP]
  let q = baseQuery(db)
    .where('r.period_id', '=', period.id)
    .where(visibleTo(scope))
    .where((eb) => eb.or([eb('r.plugin_id', 'is', null), eb('r.plugin_id', 'in', shown)]))
  q = filter.includeDescendants ? q.where('o.path', 'like', `${unit.path}%`) : q.where('r.org_unit_id', '=', unit.id)
  if (filter.addressee) q = q.where('r.addressee', '=', filter.addressee)
  if (filter.state) q = q.where('r.state', '=', filter.state)
  if (filter.plugin) q = q.where('r.plugin_id', '=', filter.plugin)
  const rows = await q.orderBy('o.path').orderBy('r.id').execute()
  return rows.map(viewOf)
}

/** One recommendation the caller sees: 404 when there is none, 403 when it is not theirs to see. */
export async function getRecommendation(db: Db, scope: Scope, id: number): Promise<RecommendationView> {
  return viewOf(await visibleRow(db, scope, id))
}

async function visibleRow(db: Db, scope: Scope, id: number, lock = false): Promise<Row> {
  let q = baseQuery(db).where('r.id', '=', id)
  if (lock) q = q.forUpdate('r')
  const row = await q.executeTakeFirst()
  if (!row) throw notFound(`recommendation ${id} does not exist`, 'id')
  if (!canSee(scope, placeOf(row))) throw forbidden(`recommendation ${id} is outside your org tree`, 'id')
  return row
}

/** The deepest unit where the caller writes recommendations that holds `unit`: the author's unit. */
function ownerFor(scope: Scope, unit: { id: number; path: string }): number {
  const held = scope.user.roles
    .filter((r) => r.orgUnit && unit.path.startsWith(r.orgUnit.path))
    .filter((r) => scope.canWrite(r.orgUnit!, 'recommendations'))
    .sort((a, b) => b.orgUnit!.path.length - a.orgUnit!.path.length)[0]
  return held?.orgUnit?.id ?? regionIdOf(unit)
}

function checkIndicators(catalog: Catalog, codes: readonly string[]): void {
  const details: ErrorDetail[] = codes.flatMap((code, i) =>
    catalog.indicators.has(code) ? [] : [{ path: `indicators[${i}]`, message: `unknown indicator "${code}"` }],
  )
  if (details.length) throw invalid(details)
}

export interface AuthoredInput {
  period: string
  addressee: Addressee
  orgUnits: number[]
  text: string
  indicators?: string[] | undefined
  plugin?: string | undefined
}

/**
 * Writes a recommendation by hand: one draft per addressed unit (each acknowledges its own), all
 * inside the caller's subtree (else a 403 naming `orgUnits[i]`), known indicators and direction.
 */
export async function createRecommendations(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  input: AuthoredInput,
): Promise<RecommendationView[]> {
  const ids = [...new Set(input.orgUnits)]
  const units = await db.selectFrom('org_unit').select(['id', 'path']).where('id', 'in', ids).execute()
  const byId = new Map(units.map((u) => [u.id, u]))
  const missing = input.orgUnits.flatMap((id, i) =>
    byId.has(id) ? [] : [{ path: `orgUnits[${i}]`, message: `no org unit ${id}` }],
  )
  if (missing.length) throw new DomainError('not_found', 'not_found', missing.map((m) => m.message).join('; '), missing)
  scope.assertCanWriteEach(
    input.orgUnits.map((id, i) => ({ unit: byId.get(id), field: `orgUnits[${i}]` })),
    'recommendations',
  )
  const period = await findPeriod(db, input.period)
  const indicators = [...new Set(input.indicators ?? [])]
  // Local indicators count where the addressed units see them (owned by them or an ancestor).
  const view = await catalogFor(db, catalog, units)
  checkIndicators(view, input.indicators ?? [])
  if (input.plugin !== undefined && !catalog.plugins.has(input.plugin) && input.plugin !== LOCAL_GROUP)
    throw invalid([{ path: 'plugin', message: `unknown direction "${input.plugin}"` }])
  const plugin = input.plugin ?? (indicators[0] ? view.indicators.get(indicators[0])!.pluginId : null)
  return db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('recommendation')
      .values(
        ids.map((id) => ({
          period_id: period.id,
          org_unit_id: id,
          owner_org_unit_id: ownerFor(scope, byId.get(id)!),
          source: 'authored' as const,
          plugin_id: plugin,
          addressee: input.addressee,
          indicators,
          text: input.text,
          state: 'draft' as const,
          created_by: scope.user.login,
        })),
      )
      .returning(['id', 'org_unit_id'])
      .execute()
    await appendAudit(
      trx,
      created.map((r) => ({
        actor: scope.user.login,
        action: 'create',
        entity: 'recommendation',
        entityKey: String(r.id),
        orgUnitId: r.org_unit_id,
        newValue: { addressee: input.addressee, text: input.text, indicators },
      })),
    )
    const rows = await baseQuery(trx)
      .where(
        'r.id',
        'in',
        created.map((r) => r.id),
      )
      .orderBy('o.path')
      .execute()
    return rows.map(viewOf)
  })
}

/** Changes a draft's text, addressee or indicators and marks it edited, so generation keeps it. */
export async function updateRecommendation(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  id: number,
  input: { text?: string | undefined; addressee?: Addressee | undefined; indicators?: string[] | undefined },
): Promise<RecommendationView> {
  return db.transaction().execute(async (trx) => {
    const row = await managedRow(trx, scope, id)
    if (row.state !== 'draft') throw conflict(id, row.state, 'only a draft can be edited')
    if (input.indicators) checkIndicators(await catalogFor(trx, catalog, [{ path: row.unit_path }]), input.indicators)
    const after = {
      text: input.text ?? row.text,
      addressee: input.addressee ?? row.addressee,
      indicators: input.indicators ? [...new Set(input.indicators)] : row.indicators,
    }
    await trx
      .updateTable('recommendation')
      .set({ ...after, edited: true, updated_at: new Date() })
      .where('id', '=', id)
      .execute()
    await audit(
      trx,
      scope,
      row,
      'update',
      { text: row.text, addressee: row.addressee, indicators: row.indicators },
      after,
    )
    return getRecommendation(trx, scope, id)
  })
}

/** Publishes drafts, all or none: each must be a draft the caller manages (a 403 / 409 naming `ids[i]`). */
export async function publishRecommendations(
  db: Kysely<Database>,
  scope: Scope,
  ids: number[],
  field = 'ids',
): Promise<RecommendationView[]> {
  return db.transaction().execute(async (trx) => {
    const rows: Row[] = []
    for (const [i, id] of ids.entries()) {
      if (ids.indexOf(id) !== i) continue
      const path = field === 'id' ? 'id' : `${field}[${i}]`
      const row = await managedRow(trx, scope, id, path)
      if (row.state !== 'draft') throw conflict(id, row.state, 'only a draft can be published', path)
      rows.push(row)
    }
    const now = new Date()
    for (const row of rows) {
      await trx
        .updateTable('recommendation')
        .set({ state: 'published', published_by: scope.user.login, published_at: now, updated_at: now })
        .where('id', '=', row.id)
        .execute()
      await audit(trx, scope, row, 'publish', { state: row.state }, { state: 'published' })
    }
    return Promise.all(rows.map((r) => getRecommendation(trx, scope, r.id)))
  })
}

/** The addressed unit confirms it has read a published recommendation: its user's name and the time are kept. */
export async function acknowledgeRecommendation(
  db: Kysely<Database>,
  scope: Scope,
  id: number,
): Promise<RecommendationView> {
  return db.transaction().execute(async (trx) => {
    const row = await visibleRow(trx, scope, id, true)
    if (!canAcknowledge(scope, placeOf(row)))
      throw forbidden(`recommendation ${id}: only a user entering data of the addressed unit acknowledges it`, 'id')
    if (row.state !== 'published') throw conflict(id, row.state, 'only a published recommendation can be acknowledged')
    const now = new Date()
    await trx
      .updateTable('recommendation')
      .set({ state: 'acknowledged', acknowledged_by: scope.user.name, acknowledged_at: now, updated_at: now })
      .where('id', '=', id)
      .execute()
    await audit(trx, scope, row, 'acknowledge', { state: row.state }, { state: 'acknowledged', by: scope.user.name })
    return getRecommendation(trx, scope, id)
  })
}

/** Withdraws a draft or a published recommendation, with a reason the addressee sees. */
export async function withdrawRecommendation(
  db: Kysely<Database>,
  scope: Scope,
  id: number,
  reason: string,
): Promise<RecommendationView> {
  return db.transaction().execute(async (trx) => {
    const row = await managedRow(trx, scope, id)
    if (row.state !== 'draft' && row.state !== 'published')
      throw conflict(id, row.state, 'only a draft or a published recommendation can be withdrawn')
    const now = new Date()
    await trx
      .updateTable('recommendation')
      .set({
        state: 'withdrawn',
        withdrawn_by: scope.user.login,
        withdrawn_at: now,
        withdrawn_reason: reason,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute()
    await audit(trx, scope, row, 'withdraw', { state: row.state }, { state: 'withdrawn', reason })
    return getRecommendation(trx, scope, id)
  })
}

async function managedRow(trx: Db, scope: Scope, id: number, field = 'id'): Promise<Row> {
  const row = await visibleRow(trx, scope, id, true).catch((err: unknown) => {
    if (err instanceof DomainError && field !== 'id')
      throw new DomainError(err.kind, err.code, err.message, [{ path: field, message: err.message }])
    throw err
  })
  if (!canManage(scope, placeOf(row)))
    throw forbidden(`recommendation ${id}: your roles do not allow writing recommendations of its unit`, field)
  return row
}

function conflict(id: number, state: string, message: string, field = 'id'): DomainError {
  return new DomainError('conflict', 'invalid_transition', `recommendation ${id} is ${state}: ${message}`, [
    { path: field, message: `${message} (it is ${state})`, state },
  ])
}

function audit(trx: Db, scope: Scope, row: Row, action: string, oldValue: unknown, newValue: unknown) {
  return appendAudit(trx, [
    {
      actor: scope.user.login,
      action,
      entity: 'recommendation',
      entityKey: String(row.id),
      orgUnitId: row.org_unit_id,
      oldValue,
      newValue,
    },
  ])
}
