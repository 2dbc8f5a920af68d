import { sql, type Database, type Kysely, type OrgUnit } from '@profmon/db'
import type { Scope } from '../../access/scope.ts'
import { appendAudit } from '../../audit/audit-log.ts'
import { LOCAL_GROUP, type Catalog } from '../../catalog/catalog.ts'
import { assertCollected } from '../campaigns/collection-plan.ts'
import { DomainError, invalid } from '../../errors.ts'
import { regionIdOf } from '../../org/org-units.ts'
import { enabledPluginIds } from '../../plugins/enabled.ts'
import { TRANSITIONS, type SubmissionState, type Transition } from '@profmon/contract/rules'
import { findPeriod } from '../../org/periods.ts'

/** The entry state of one org unit, period and direction, as the API shows it. */
export interface SubmissionView {
  orgUnit: number
  period: string
  plugin: string
  state: SubmissionState
  comment: string | null
  updatedAt: string | null
  updatedBy: string | null
}

/**
 * Checks period and direction (known, enabled in the unit's region, collected by its campaign; or
 * the `local` group of the owner's local elements); returns the period id.
 */
export async function resolveTarget(
  db: Kysely<Database>,
  catalog: Catalog,
  unit: Pick<OrgUnit, 'path'>,
  periodCode: string,
  plugin: string,
): Promise<number> {
  const period = await findPeriod(db, periodCode)
  if (plugin === LOCAL_GROUP) return period.id
  if (!(await enabledPluginIds(db, catalog, regionIdOf(unit))).includes(plugin))
    throw invalid([{ path: 'plugin', message: `the direction "${plugin}" is not enabled for this region` }])
  await assertCollected(db, unit, { id: period.id, code: periodCode }, plugin)
  return period.id
}

/**
 * Moves a submission along the workflow and audits the move (old state → new state and comment)
 * in one transaction. Submit: anyone who enters the unit's data; approve and return: the level
 * above (403 otherwise). A move the state does not allow is a 409 naming both.
 *
 * @example
 * await transition(db, catalog, scope, school, '2025-26', 'deficits', 'return', 'Проверьте итог по математике')
 */
export async function transition(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  unit: OrgUnit,
  periodCode: string,
  plugin: string,
  action: Transition,
  comment: string | undefined,
): Promise<SubmissionView> {
  const periodId = await resolveTarget(db, catalog, unit, periodCode, plugin)
  const { to, from, byApprover } = TRANSITIONS[action]
  const allowed = byApprover ? scope.approves(unit) : scope.canWrite(unit, 'data')
  if (!allowed)
    throw new DomainError(
      'forbidden',
      'forbidden',
      byApprover
        ? `org unit ${unit.id}: only the level above may ${action} its data`
        : `org unit ${unit.id}: your roles do not allow submitting its data`,
      [{ path: 'orgUnit', message: `not yours to ${action}` }],
    )
  if (action === 'return' && !comment?.trim())
    throw invalid([{ path: 'comment', message: 'say why the data is returned' }])
  const actor = scope.user.login
  return db.transaction().execute(async (trx) => {
    // Waits for writes in flight on the unit (they share-lock it) and holds off new ones until the move commits.
    await sql`select id from org_unit where id = ${unit.id} for no key update`.execute(trx)
    const current = (
      await sql<{ state: SubmissionState; comment: string | null }>`
        select state, comment from submission
        where org_unit_id = ${unit.id} and period_id = ${periodId} and plugin_id = ${plugin}
        for update
      `.execute(trx)
    ).rows[0]
    const state = current?.state ?? 'draft'
    if (!from.includes(state))
      throw new DomainError('conflict', 'invalid_transition', `cannot ${action} a submission that is ${state}`, [
        { path: 'state', message: `is ${state}; ${action} needs ${from.join(' or ')}`, state },
      ])
    // A return's comment stays visible after the resubmission, so the approver sees what was asked.
    const nextComment = action === 'return' ? comment!.trim() : (current?.comment ?? null)
    const now = new Date()
    const row = { state: to, comment: nextComment, updated_by: actor, updated_at: now }
    await trx
      .insertInto('submission')
      .values({ org_unit_id: unit.id, period_id: periodId, plugin_id: plugin, ...row })
      .onConflict((oc) => oc.columns(['org_unit_id', 'period_id', 'plugin_id']).doUpdateSet(row))
      .execute()
    await appendAudit(trx, [
      {
        actor,
        action,
        entity: 'submission',
        entityKey: `${plugin}|${unit.id}|${periodCode}`,
        orgUnitId: unit.id,
        oldValue: { state },
        newValue: action === 'return' ? { state: to, comment: nextComment } : { state: to },
      },
    ])
    return {
      orgUnit: unit.id,
      period: periodCode,
      plugin,
      state: to,
      comment: nextComment,
      updatedAt: now.toISOString(),
      updatedBy: actor,
    }
  })
}

/** The states of several units of one period and direction; units without a row are drafts. */
export async function readStates(
  db: Kysely<Database>,
  unitIds: number[],
  periodId: number,
  periodCode: string,
  plugin: string,
): Promise<Map<number, SubmissionView>> {
  const rows = unitIds.length
    ? await db
        .selectFrom('submission')
        .selectAll()
        .where('org_unit_id', 'in', unitIds)
        .where('period_id', '=', periodId)
        .where('plugin_id', '=', plugin)
        .execute()
    : []
  const byUnit = new Map(rows.map((r) => [r.org_unit_id, r]))
  return new Map(
    unitIds.map((id) => {
      const r = byUnit.get(id)
      return [
        id,
        {
          orgUnit: id,
          period: periodCode,
          plugin,
          state: r?.state ?? 'draft',
          comment: r?.comment ?? null,
          updatedAt: r ? new Date(r.updated_at).toISOString() : null,
          updatedBy: r?.updated_by ?? null,
        },
      ]
    }),
  )
}
