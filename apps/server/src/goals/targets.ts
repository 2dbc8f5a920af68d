import type { Database, Kysely } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Catalog } from '../catalog/catalog.ts'
import { invalid } from '../errors.ts'
import { getOrgUnit } from '../org/org-units.ts'
import { findPeriod } from '../org/periods.ts'

/** A target as the API shows it. */
export interface TargetView {
  indicator: string
  period: string
  orgUnit: number
  value: number
  tolerance: number | null
}

/**
 * Targets set on an org unit and inside its subtree (each applies to the unit's whole subtree),
 * optionally of one period; the caller must read the unit.
 */
export async function listTargets(
  db: Kysely<Database>,
  scope: Scope,
  where: { orgUnit: number; period?: string | undefined },
): Promise<TargetView[]> {
  const unit = await getOrgUnit(db, where.orgUnit)
  scope.assertCanRead(unit)
  let query = db
    .selectFrom('target as t')
    .innerJoin('org_unit as o', 'o.id', 't.org_unit_id')
    .innerJoin('period as p', 'p.id', 't.period_id')
    .select(['t.indicator_code', 'p.code', 't.org_unit_id', 't.value', 't.tolerance'])
    .where('o.path', 'like', `${unit.path}%`)
    .orderBy('o.path')
    .orderBy('p.starts_on')
    .orderBy('t.indicator_code')
  if (where.period !== undefined) query = query.where('t.period_id', '=', (await findPeriod(db, where.period)).id)
  const rows = await query.execute()
  return rows.map((r) => ({
    indicator: r.indicator_code,
    period: r.code,
    orgUnit: r.org_unit_id,
    value: r.value,
    tolerance: r.tolerance,
  }))
}

/**
 * Sets (or with `value: null` removes) an indicator's target for an org unit and period, audited
 * in the same transaction; an unchanged target writes nothing. Region admins (the `targets` action).
 */
export async function setTarget(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  input: {
    indicator: string
    period: string
    orgUnit: number
    value: number | null
    tolerance?: number | null | undefined
  },
): Promise<TargetView | null> {
  const unit = await getOrgUnit(db, input.orgUnit)
  scope.assertCanWrite(unit, 'targets')
  if (!catalog.indicators.has(input.indicator))
    throw invalid([{ path: 'indicator', message: `unknown indicator "${input.indicator}"` }])
  const period = (await findPeriod(db, input.period)).id
  const tolerance = input.tolerance ?? null
  const value = input.value
  const key = { indicator_code: input.indicator, period_id: period, org_unit_id: unit.id }
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('target')
      .select(['value', 'tolerance'])
      .where('indicator_code', '=', key.indicator_code)
      .where('period_id', '=', period)
      .where('org_unit_id', '=', unit.id)
      .forUpdate()
      .executeTakeFirst()
    if (value === null) {
      if (!before) return
      await trx
        .deleteFrom('target')
        .where('indicator_code', '=', key.indicator_code)
        .where('period_id', '=', period)
        .where('org_unit_id', '=', unit.id)
        .execute()
    } else
      await trx
        .insertInto('target')
        .values({ ...key, value, tolerance })
        .onConflict((oc) =>
          oc
            .columns(['indicator_code', 'period_id', 'org_unit_id'])
            .doUpdateSet({ value, tolerance, updated_at: new Date() }),
        )
        .execute()
    const after = value === null ? null : { value, tolerance }
    if (before && after && before.value === after.value && before.tolerance === after.tolerance) return
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: after === null ? 'delete' : before ? 'update' : 'create',
        entity: 'target',
        entityKey: `${input.indicator}|${unit.id}|${input.period}`,
        orgUnitId: unit.id,
        oldValue: before ?? null,
        newValue: after,
      },
    ])
  })
  return value === null
    ? null
    : { indicator: input.indicator, period: input.period, orgUnit: unit.id, value, tolerance }
}
