import type { Database, Kysely, OrgUnit } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { computeAnalytics, type AnalyticsRow } from '../analytics/analytics.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { LOCAL_GROUP, type Catalog } from '../catalog/catalog.ts'
import { catalogFor } from '../catalog/local-definitions.ts'
import { DomainError, invalid, notFound } from '../errors.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { findPeriod } from '../org/periods.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'
import type { RichText } from './rich-text.ts'

/** A written conclusion as the API shows it: the draft, and what was last published with its figures. */
export interface ConclusionView {
  id: number
  orgUnit: number
  period: string
  plugin: string
  body: RichText
  version: number
  updatedBy: string
  updatedAt: string
  published: { version: number; at: string; by: string; body: RichText; figures: AnalyticsRow[] } | null
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('conclusion as c')
    .innerJoin('period as p', 'p.id', 'c.period_id')
    .selectAll('c')
    .select('p.code as period_code')
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

function viewOf(r: Row): ConclusionView {
  return {
    id: r.id,
    orgUnit: r.org_unit_id,
    period: r.period_code,
    plugin: r.plugin_id,
    body: r.body as RichText,
    version: r.version,
    updatedBy: r.updated_by,
    updatedAt: new Date(r.updated_at).toISOString(),
    published:
      r.published_at === null
        ? null
        : {
            version: r.published_version!,
            at: new Date(r.published_at).toISOString(),
            by: r.published_by!,
            body: r.published_body as RichText,
            figures: r.published_figures as AnalyticsRow[],
          },
  }
}

/** Conclusions of an org unit and period (of one direction when given); the caller must read the unit. */
export async function listConclusions(
  db: Kysely<Database>,
  scope: Scope,
  where: { orgUnit: number; period: string; plugin?: string | undefined },
): Promise<ConclusionView[]> {
  const unit = await getOrgUnit(db, where.orgUnit)
  scope.assertCanRead(unit)
  const period = await findPeriod(db, where.period)
  let q = baseQuery(db).where('c.org_unit_id', '=', unit.id).where('c.period_id', '=', period.id)
  if (where.plugin) q = q.where('c.plugin_id', '=', where.plugin)
  return (await q.orderBy('c.plugin_id').execute()).map(viewOf)
}

/** One conclusion with its published snapshot; 404 when there is none, 403 outside the caller's tree. */
export async function getConclusion(db: Kysely<Database>, scope: Scope, id: number): Promise<ConclusionView> {
  const row = await baseQuery(db).where('c.id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`conclusion ${id} does not exist`, 'id')
  scope.assertCanRead(await getOrgUnit(db, row.org_unit_id), 'id')
  return viewOf(row)
}

async function assertDirection(db: Kysely<Database>, catalog: Catalog, unit: OrgUnit, plugin: string) {
  if (plugin === LOCAL_GROUP) return
  if (!(await enabledPluginIds(db, catalog, regionIdOf(unit))).includes(plugin))
    throw invalid([{ path: 'plugin', message: `the direction "${plugin}" is not enabled for this region` }])
}

/**
 * Saves the draft of a unit's conclusion for a period and direction. Optimistic: `version` is the
 * version read (0 or none for a new one); a newer stored version is a 409 naming the current one.
 * Region admins and coordinators in their subtree (the `conclusions` action); audited.
 */
export async function saveConclusion(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  input: { orgUnit: number; period: string; plugin: string; body: RichText; version?: number | undefined },
): Promise<ConclusionView> {
  const unit = await getOrgUnit(db, input.orgUnit)
  scope.assertCanWrite(unit, 'conclusions')
  const period = await findPeriod(db, input.period)
  await assertDirection(db, catalog, unit, input.plugin)
  const id = await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('conclusion')
      .select(['id', 'version', 'body'])
      .where('org_unit_id', '=', unit.id)
      .where('period_id', '=', period.id)
      .where('plugin_id', '=', input.plugin)
      .forUpdate()
      .executeTakeFirst()
    const read = input.version ?? 0
    if ((before?.version ?? 0) !== read)
      throw new DomainError(
        'conflict',
        'version_conflict',
        `the conclusion was changed meanwhile: version ${before?.version ?? 0}, you read ${read}`,
        [{ path: 'version', message: 'changed by someone else', current: before?.version ?? 0 }],
      )
    const body = JSON.stringify(input.body)
    const saved = before
      ? await trx
          .updateTable('conclusion')
          .set({ body, version: before.version + 1, updated_by: scope.user.login, updated_at: new Date() })
          .where('id', '=', before.id)
          .returning(['id', 'version'])
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('conclusion')
          .values({
            org_unit_id: unit.id,
            period_id: period.id,
            plugin_id: input.plugin,
            body,
            updated_by: scope.user.login,
          })
          .returning(['id', 'version'])
          .executeTakeFirstOrThrow()
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: before ? 'update' : 'create',
        entity: 'conclusion',
        entityKey: String(saved.id),
        orgUnitId: unit.id,
        oldValue: before ? { version: before.version, body: before.body } : null,
        newValue: { version: saved.version, body: input.body },
      },
    ])
    return saved.id
  })
  return getConclusion(db, scope, id)
}

/**
 * Publishes a conclusion: its current body and the analytics rows of its unit, period and
 * direction (the unit and its children — what GET /api/analytics returns) are frozen together,
 * so a later change of data does not change what was said.
 */
export async function publishConclusion(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  id: number,
): Promise<ConclusionView> {
  const row = await baseQuery(db).where('c.id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`conclusion ${id} does not exist`, 'id')
  const unit = await getOrgUnit(db, row.org_unit_id)
  scope.assertCanWrite(unit, 'conclusions', 'id')
  const figures = await figuresOf(db, catalog, unit, row.period_code, row.plugin_id)
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('conclusion')
      .select(['version', 'body'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const now = new Date()
    await trx
      .updateTable('conclusion')
      .set({
        published_version: current.version,
        published_body: JSON.stringify(current.body),
        published_figures: JSON.stringify(figures),
        published_by: scope.user.login,
        published_at: now,
      })
      .where('id', '=', id)
      .execute()
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: 'publish',
        entity: 'conclusion',
        entityKey: String(id),
        orgUnitId: unit.id,
        oldValue: row.published_version === null ? null : { version: row.published_version },
        newValue: { version: current.version, figures: figures.length },
      },
    ])
  })
  return getConclusion(db, scope, id)
}

/** The analytics rows a conclusion speaks about: the unit and its children, its direction's indicators. */
async function figuresOf(
  db: Kysely<Database>,
  catalog: Catalog,
  unit: OrgUnit,
  period: string,
  plugin: string,
): Promise<AnalyticsRow[]> {
  const view = await catalogFor(db, catalog, [unit])
  const rows = [
    ...(await computeAnalytics(db, view, { unit, level: 'self', periods: [period], indicators: [] })),
    ...(await computeAnalytics(db, view, { unit, level: 'children', periods: [period], indicators: [] })),
  ]
  return rows.filter((r) => view.indicators.get(r.indicator)?.pluginId === plugin)
}
