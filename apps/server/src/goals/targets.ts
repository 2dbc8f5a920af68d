import { levelAtDepth } from '@profmon/contract/levels'
import type { TargetScoreBand } from '@profmon/contract/rules'
import type { Database, Kysely } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Catalog } from '../catalog/catalog.ts'
import { catalogFor } from '../catalog/local-definitions.ts'
import { invalid } from '../errors.ts'
import { getOrgUnit } from '../org/org-units.ts'
import { findPeriod } from '../org/periods.ts'
import type { TargetSource } from './effective-targets.ts'
import { checkTargetFor, describeTargetProblem } from './target-checks.ts'

/** A target as the API shows it. */
export interface TargetView {
  indicator: string
  period: string
  orgUnit: number
  value: number
  tolerance: number | null
  scoreBands: TargetScoreBand[] | null
  effectiveGap: number | null
  allowLaxer: boolean
  /** The level of the unit it is set on. */
  source: TargetSource
}

/** What a target row stores besides its key; what the audit log records of it. */
interface Stored {
  value: number
  tolerance: number | null
  score_bands: TargetScoreBand[] | null
  effective_gap: number | null
  allow_laxer: boolean
}

/** The audit log's picture of a target: the fields introduced with goals only when set, so old entries read alike. */
export function auditedTarget(t: Stored) {
  return {
    value: t.value,
    tolerance: t.tolerance,
    // Rebuilt key by key: jsonb hands keys back in its own order.
    ...(t.score_bands ? { scoreBands: t.score_bands.map((b) => ({ min: b.min, max: b.max, score: b.score })) } : {}),
    ...(t.effective_gap !== null ? { effectiveGap: t.effective_gap } : {}),
    ...(t.allow_laxer ? { allowLaxer: true } : {}),
  }
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
    .select([
      't.indicator_code',
      'p.code',
      't.org_unit_id',
      'o.level',
      't.value',
      't.tolerance',
      't.score_bands',
      't.effective_gap',
      't.allow_laxer',
    ])
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
    scoreBands: r.score_bands,
    effectiveGap: r.effective_gap,
    allowLaxer: r.allow_laxer,
    source: levelAtDepth(r.level) ?? 'organization',
  }))
}

/** The body of `PUT /api/targets`. */
export interface TargetWrite {
  indicator: string
  period: string
  orgUnit: number
  value: number | null
  tolerance?: number | null | undefined
  scoreBands?: TargetScoreBand[] | null | undefined
  effectiveGap?: number | null | undefined
  allowLaxer?: boolean | undefined
}

/**
 * Sets (or with `value: null` removes) an indicator's target for an org unit and period, audited
 * in the same transaction; an unchanged target writes nothing. The fields left out are cleared
 * (a PUT replaces the target). Region admins set any target in the region; a municipal coordinator
 * sets its municipality's (and its organisations') no laxer than the target above unless the
 * region's target allows laxer ones. Local indicators visible at the unit take targets alike.
 */
export async function setTarget(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  input: TargetWrite,
): Promise<TargetView | null> {
  const unit = await getOrgUnit(db, input.orgUnit)
  scope.assertCanWrite(unit, 'targets')
  const view = await catalogFor(db, catalog, [unit])
  const ind = view.indicators.get(input.indicator)
  if (!ind) throw invalid([{ path: 'indicator', message: `unknown indicator "${input.indicator}"` }])
  const period = await findPeriod(db, input.period)
  const value = input.value
  const stored: Stored | null =
    value === null
      ? null
      : {
          value,
          tolerance: input.tolerance ?? null,
          score_bands: input.scoreBands?.length ? input.scoreBands : null,
          effective_gap: input.effectiveGap ?? null,
          allow_laxer: input.allowLaxer ?? false,
        }
  if (stored) {
    if (stored.allow_laxer && unit.level !== 1)
      throw invalid([{ path: 'allowLaxer', message: "only a region's target lets municipalities set laxer ones" }])
    const problems = await checkTargetFor(db, scope, unit, period, ind.compiled.indicator, {
      value: stored.value,
      tolerance: stored.tolerance,
      scoreBands: stored.score_bands,
      effectiveGap: stored.effective_gap,
    })
    if (problems.length) throw invalid(problems.map((p) => describeTargetProblem(p)))
  }
  const key = { indicator_code: input.indicator, period_id: period.id, org_unit_id: unit.id }
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('target')
      .select(['value', 'tolerance', 'score_bands', 'effective_gap', 'allow_laxer'])
      .where('indicator_code', '=', key.indicator_code)
      .where('period_id', '=', period.id)
      .where('org_unit_id', '=', unit.id)
      .forUpdate()
      .executeTakeFirst()
    if (stored === null) {
      if (!before) return
      await trx
        .deleteFrom('target')
        .where('indicator_code', '=', key.indicator_code)
        .where('period_id', '=', period.id)
        .where('org_unit_id', '=', unit.id)
        .execute()
    } else {
      const columns = { ...stored, score_bands: stored.score_bands ? JSON.stringify(stored.score_bands) : null }
      await trx
        .insertInto('target')
        .values({ ...key, ...columns })
        .onConflict((oc) =>
          oc
            .columns(['indicator_code', 'period_id', 'org_unit_id'])
            .doUpdateSet({ ...columns, updated_at: new Date() }),
        )
        .execute()
    }
    const old = before ? auditedTarget(before as Stored) : null
    const now = stored ? auditedTarget(stored) : null
    if (JSON.stringify(old) === JSON.stringify(now)) return
    await appendAudit(trx, [
      {
        actor: scope.user.login,
        action: now === null ? 'delete' : before ? 'update' : 'create',
        entity: 'target',
        entityKey: `${input.indicator}|${unit.id}|${input.period}`,
        orgUnitId: unit.id,
        oldValue: old,
        newValue: now,
      },
    ])
  })
  return stored === null
    ? null
    : {
        indicator: input.indicator,
        period: input.period,
        orgUnit: unit.id,
        value: stored.value,
        tolerance: stored.tolerance,
        scoreBands: stored.score_bands,
        effectiveGap: stored.effective_gap,
        allowLaxer: stored.allow_laxer,
        source: levelAtDepth(unit.level) ?? 'organization',
      }
}
