import { compileIndicator } from '@profmon/contract'
import { sql, type Database, type Kysely } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { computeAnalytics } from '../analytics/analytics.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { DomainError, invalid } from '../errors.ts'
import { getOrgUnit, pathIds } from '../org/org-units.ts'
import { findPeriod } from '../org/periods.ts'
import { LOCAL_GROUP, type Catalog } from './catalog.ts'
import { catalogFor, loadLocalIndicators, type LocalIndicatorRow } from './local-definitions.ts'
import { draftIndicator, slugOf, type LocalIndicatorInput } from './local-drafts.ts'
import { assertCanDefine, ownedUnit, uniqueCode } from './local-owners.ts'

/*
 * Local indicators: defined by municipalities and regions as data, revised (each revision valid
 * from a period on), archived (data kept) and previewed with the analytics' own evaluator. Every
 * write is audited in its transaction.
 */

/** Org units of the owner's subtree that have data for any element the indicator refers to. */
async function usageOf(db: Kysely<Database>, row: LocalIndicatorRow): Promise<number> {
  const codes = new Set<string>()
  for (const r of row.revisions) {
    const c = compileIndicator(r.definition)
    for (const ref of c.refs) codes.add(ref.code)
  }
  if (!codes.size) return 0
  const res = await sql<{ n: number }>`
    select count(distinct v.org_unit_id)::int as n
    from data_value v
    join org_unit o on o.id = v.org_unit_id
    join data_element e on e.id = v.element_id
    where o.path like ${`${row.owner.path}%`} and e.code = any(${[...codes]}::text[])
  `.execute(db)
  return Number(res.rows[0]?.n ?? 0)
}

async function viewOf(db: Kysely<Database>, scope: Scope, row: LocalIndicatorRow) {
  const last = row.revisions[row.revisions.length - 1]!
  return {
    code: row.code,
    title: last.definition.title,
    kind: last.definition.kind,
    direction: row.direction,
    owner: { id: row.owner.id, name: row.owner.name, level: row.owner.level },
    /** Whether the caller may revise or archive it (the contract's `definitions` action on its owner). */
    editable: scope.canWrite(row.owner, 'definitions'),
    revision: last.revision,
    validFrom: last.validFrom,
    archived: row.archived,
    definition: last.definition,
    revisions: row.revisions.map((r) => ({
      revision: r.revision,
      validFrom: r.validFrom,
      author: r.author,
      at: r.at.toISOString(),
    })),
    usage: { orgUnits: await usageOf(db, row) },
  }
}

async function byCode(db: Kysely<Database>, code: string): Promise<LocalIndicatorRow> {
  const found = await db
    .selectFrom('indicator')
    .select('owner_org_unit_id')
    .where('code', '=', code)
    .where('owner_org_unit_id', 'is not', null)
    .executeTakeFirst()
  if (!found)
    throw new DomainError('not_found', 'not_found', `no local indicator "${code}"`, [
      { path: 'code', message: 'unknown' },
    ])
  const rows = await loadLocalIndicators(db, { ownerIds: [found.owner_org_unit_id!] }, true)
  return rows.find((r) => r.code === code)!
}

async function latestPeriod(db: Kysely<Database>): Promise<string> {
  const p = await db.selectFrom('period').select('code').orderBy('starts_on', 'desc').limit(1).executeTakeFirst()
  if (!p) throw invalid([{ path: 'period', message: 'no periods yet' }])
  return p.code
}

/** Local indicators owned by the unit, its ancestors and its subtree (the caller must read the unit). */
export async function listLocalIndicators(db: Kysely<Database>, scope: Scope, orgUnit: number) {
  const unit = await getOrgUnit(db, orgUnit)

  scope.assertCanRead(unit)
  const rows = await loadLocalIndicators(db, { ownerIds: pathIds(unit.path), subtrees: [unit.path] }, true)
  const indicators = []
  for (const r of rows) indicators.push(await viewOf(db, scope, r))
  return { indicators }
}

/** Defines a local indicator owned by a municipality or region the caller defines for (revision 1). */
export async function createLocalIndicator(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  body: LocalIndicatorInput & { orgUnit: number; slug?: string | undefined },
) {
  const unit = await ownedUnit(db, scope, body.orgUnit)
  const view = await catalogFor(db, catalog, [unit])
  const title = typeof body.title === 'string' ? body.title : body.title.ru
  const code = await uniqueCode(db, 'indicator', `local.${unit.id}.${body.slug ?? slugOf(title)}`)
  const { indicator } = draftIndicator(code, body, view)
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('indicator')
      .values({
        code,
        plugin_id: null,
        owner_org_unit_id: unit.id,
        direction: body.direction ?? null,
        definition: JSON.stringify(indicator),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('local_indicator_revision')
      .values({
        indicator_id: row.id,
        revision: 1,
        definition: JSON.stringify(indicator),
        valid_from_period_id: null,
        author: scope.user.login,
      })
      .execute()
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: 'create',
        entity: 'local_indicator',
        entityKey: code,
        orgUnitId: unit.id,
        newValue: { revision: 1, definition: indicator, direction: body.direction ?? null },
      },
    ])
  })
  return await viewOf(db, scope, await byCode(db, code))
}

/** Edits a local indicator: appends a revision valid from a period on (default: the latest period). */
export async function reviseLocalIndicator(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  code: string,
  body: LocalIndicatorInput & { validFrom?: string | undefined },
) {
  const row = await byCode(db, code)
  assertCanDefine(scope, row.owner, 'code')
  const view = await catalogFor(db, catalog, [row.owner])
  const { indicator } = draftIndicator(code, body, view)
  const validFrom = body.validFrom ?? (await latestPeriod(db))
  const period = await findPeriod(db, validFrom, 'validFrom')
  const before = row.revisions[row.revisions.length - 1]!
  const revision = before.revision + 1
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('indicator')
      .set({ definition: JSON.stringify(indicator), direction: body.direction ?? null })
      .where('id', '=', row.id)
      .execute()
    await trx
      .insertInto('local_indicator_revision')
      .values({
        indicator_id: row.id,
        revision,
        definition: JSON.stringify(indicator),
        valid_from_period_id: period.id,
        author: scope.user.login,
      })
      .execute()
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: 'update',
        entity: 'local_indicator',
        entityKey: code,
        orgUnitId: row.owner.id,
        oldValue: { revision: before.revision, definition: before.definition },
        newValue: { revision, validFrom, definition: indicator },
      },
    ])
  })
  return await viewOf(db, scope, await byCode(db, code))
}

/** Archives a local indicator: no longer evaluated; its data and revisions are kept. */
export async function archiveLocalIndicator(db: Kysely<Database>, scope: Scope, code: string) {
  const row = await byCode(db, code)
  assertCanDefine(scope, row.owner, 'code')
  if (!row.archived)
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('indicator').set({ archived_at: new Date() }).where('id', '=', row.id).execute()
      await appendAudit(trx, [
        {
          actor: scope.user.login,
          action: 'archive',
          entity: 'local_indicator',
          entityKey: code,
          orgUnitId: row.owner.id,
          oldValue: { archived: false },
          newValue: { archived: true },
        },
      ])
    })
  return await viewOf(db, scope, await byCode(db, code))
}

/** Evaluates a draft for an org unit and its children in a period, without saving (the editor's preview). */
export async function previewLocalIndicator(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  body: Omit<LocalIndicatorInput, 'title'> & {
    title?: LocalIndicatorInput['title'] | undefined
    orgUnit: number
    period?: string | undefined
  },
) {
  const unit = await getOrgUnit(db, body.orgUnit)
  scope.assertCanRead(unit)
  const [view, period] = await Promise.all([catalogFor(db, catalog, [unit]), body.period ?? latestPeriod(db)])
  const { compiled } = draftIndicator(`local.${unit.id}.preview`, { ...body, title: body.title ?? '—' }, view)
  const draft = { pluginId: LOCAL_GROUP, compiled }
  const args = { unit, periods: [period], indicators: [], draft }
  const self = await computeAnalytics(db, view, { ...args, level: 'self' })
  const children = await computeAnalytics(db, view, { ...args, level: 'children' })
  return { rows: [...self, ...children] }
}
