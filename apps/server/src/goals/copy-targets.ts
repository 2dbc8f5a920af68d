import type { Database, Kysely } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Catalog } from '../catalog/catalog.ts'
import { catalogFor } from '../catalog/local-definitions.ts'
import { invalid, type ErrorDetail } from '../errors.ts'
import { getOrgUnit } from '../org/org-units.ts'
import { findPeriod } from '../org/periods.ts'
import { checkTargetFor, describeTargetProblem } from './target-checks.ts'
import { auditedTarget } from './targets.ts'

/**
 * Copies the targets of period `from` set on a unit and below it — those the caller may write —
 * to period `to`, in one transaction, each audited. Targets already set in `to` are kept (the
 * copy never overwrites a decision taken for the new period). A copied coordinator's target must
 * still be no laxer than the target above it in `to`; otherwise nothing is copied.
 *
 * @example
 * await copyTargets(db, catalog, scope, { orgUnit: region.id, from: '2024-25', to: '2025-26' }) // { copied: 12, kept: 0 }
 */
export async function copyTargets(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  input: { orgUnit: number; from: string; to: string },
): Promise<{ copied: number; kept: number }> {
  const unit = await getOrgUnit(db, input.orgUnit)
  scope.assertCanWrite(unit, 'targets')
  const [from, to] = await Promise.all([findPeriod(db, input.from, 'from'), findPeriod(db, input.to, 'to')])
  if (from.id === to.id) throw invalid([{ path: 'to', message: 'copy to another period' }])
  const rows = (
    await db
      .selectFrom('target as t')
      .innerJoin('org_unit as o', 'o.id', 't.org_unit_id')
      .select([
        't.indicator_code',
        't.org_unit_id',
        'o.path',
        'o.level',
        't.value',
        't.tolerance',
        't.score_bands',
        't.effective_gap',
        't.allow_laxer',
      ])
      .where('t.period_id', '=', from.id)
      .where('o.path', 'like', `${unit.path}%`)
      .orderBy('o.path')
      .orderBy('t.indicator_code')
      .execute()
  ).filter((r) => scope.canWrite(r, 'targets'))
  const view = await catalogFor(db, catalog, [unit])
  const details: ErrorDetail[] = []
  for (const [i, r] of rows.entries()) {
    const def = view.indicators.get(r.indicator_code)?.compiled.indicator
    if (!def) continue
    const problems = await checkTargetFor(db, scope, { id: r.org_unit_id, path: r.path, level: r.level }, to, def, {
      value: r.value,
    })
    details.push(...problems.map((p) => describeTargetProblem(p, `targets[${i}].`)))
  }
  if (details.length) throw invalid(details, `targets of ${input.from} do not fit ${input.to}`)
  return db.transaction().execute(async (trx) => {
    let copied = 0
    for (const r of rows) {
      const stored = {
        value: r.value,
        tolerance: r.tolerance,
        score_bands: r.score_bands,
        effective_gap: r.effective_gap,
        allow_laxer: r.allow_laxer,
      }
      const inserted = await trx
        .insertInto('target')
        .values({
          indicator_code: r.indicator_code,
          period_id: to.id,
          org_unit_id: r.org_unit_id,
          ...stored,
          score_bands: r.score_bands ? JSON.stringify(r.score_bands) : null,
        })
        .onConflict((oc) => oc.columns(['indicator_code', 'period_id', 'org_unit_id']).doNothing())
        .returning('id')
        .executeTakeFirst()
      if (!inserted) continue
      copied++
      await appendAudit(trx, [
        {
          actor: scope.user.login,
          action: 'copy',
          entity: 'target',
          entityKey: `${r.indicator_code}|${r.org_unit_id}|${input.to}`,
          orgUnitId: r.org_unit_id,
          oldValue: null,
          newValue: { ...auditedTarget(stored), copiedFrom: input.from },
        },
      ])
    }
    return { copied, kept: rows.length - copied }
  })
}
