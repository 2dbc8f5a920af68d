import { sql, type Database, type Transaction } from '@profmon/db'
import type { Catalog } from '../../catalog/catalog.ts'
import type { CollectionPlans } from '../campaigns/collection-plan.ts'
import { DomainError, type ErrorDetail } from '../../errors.ts'
import { regionIdOf } from '../../org/org-units.ts'
import { entryLock } from '@profmon/contract/rules'
import type { Scope } from '../../access/scope.ts'

/** The part of a Scope the locks ask: whether the editor is the approving level of a unit. */
export type Editor = Pick<Scope, 'approves'>

/** One value of a batch about to be written, by ids, with its place in the batch. */
export interface LockedKey {
  index: number
  orgUnitId: number
  periodId: number
  elementId: number
}

/**
 * Refuses a batch that touches locked data, before anything is written: 409 `locked` when the
 * unit's direction is submitted or approved, 403 `deadline_passed` after the campaign's monitoring
 * deadline — unless the editor is the approving level, who may still correct. Runs inside the
 * write's transaction and share-locks the units, so a concurrent transition waits.
 * No editor (a system write) is treated like the submitter: locks hold.
 */
export async function assertUnlocked(
  trx: Transaction<Database>,
  catalog: Catalog,
  keys: readonly LockedKey[],
  editor: Editor | undefined,
  /** The campaigns of the keys' regions and periods (their monitoring deadlines). */
  campaigns: CollectionPlans,
): Promise<void> {
  if (!keys.length) return
  const unitIds = [...new Set(keys.map((k) => k.orgUnitId))]
  const periodIds = [...new Set(keys.map((k) => k.periodId))]
  // Share-locking the units makes a concurrent submit or approve of one of them wait for this write
  // (and this write wait for it): a submission row that does not exist yet cannot be locked.
  const units = await trx
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('id', 'in', unitIds)
    .orderBy('id')
    .forShare()
    .execute()
  const unitById = new Map(units.map((u) => [u.id, u]))
  // The approving level is never locked out: skip the lookups when the editor approves every unit.
  const bound = keys.filter((k) => !editor?.approves(unitById.get(k.orgUnitId)!))
  if (!bound.length) return

  const states = (
    await sql<{ org_unit_id: number; period_id: number; plugin_id: string; state: string }>`
      select org_unit_id, period_id, plugin_id, state from submission
      where org_unit_id in (${sql.join(unitIds)}) and period_id in (${sql.join(periodIds)})
      for share
    `.execute(trx)
  ).rows
  const stateOf = new Map(states.map((s) => [`${s.org_unit_id}:${s.period_id}:${s.plugin_id}`, s.state]))

  const locked: ErrorDetail[] = []
  const late: ErrorDetail[] = []
  for (const k of bound) {
    const el = catalog.elementsById.get(k.elementId)!
    const unit = unitById.get(k.orgUnitId)!
    // A core element is locked by any direction using it that is submitted or approved: its
    // figures there must not change under the reviewer.
    const states = (el.directions ?? [el.pluginId]).map((d) => ({
      plugin: d,
      state: stateOf.get(`${k.orgUnitId}:${k.periodId}:${d}`),
    }))
    const { plugin, state } = states.find((s) => s.state === 'submitted' || s.state === 'approved') ??
      states[0] ?? { plugin: el.pluginId, state: undefined }
    const path = `values[${k.index}]`
    const due = campaigns.overdueSince(regionIdOf(unit), k.periodId)
    const lock = entryLock({ state, approver: false, deadlinePassed: !!due })
    if (lock === 'state')
      locked.push({
        path,
        message: `"${el.definition.code}" is locked: the direction "${plugin}" of org unit ${k.orgUnitId} is ${state}; only the approving level may change it`,
        lock: state,
        orgUnit: k.orgUnitId,
        plugin,
      })
    else if (lock === 'deadline')
      late.push({
        path,
        message: `"${el.definition.code}" is locked: the monitoring deadline ${due} has passed; only the approving level may change it`,
        lock: 'deadline',
        due,
        orgUnit: k.orgUnitId,
      })
  }
  if (locked.length) throw new DomainError('conflict', 'locked', locked[0]!.message, locked)
  if (late.length) throw new DomainError('forbidden', 'deadline_passed', late[0]!.message, late)
}
