import type { RecommendationRule } from '@profmon/contract'
import type { Database, Kysely } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { computeAnalytics, type AnalyticsRow } from '../analytics/analytics.ts'
import { appendAudit, type AuditInput } from '../audit/audit-log.ts'
import type { Catalog } from '../catalog/catalog.ts'
import { getOrgUnit, regionIdOf } from '../org/org-units.ts'
import { findPeriod } from '../org/periods.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'
import { firingRules, renderText, type Firing } from './fire.ts'

/** What a generation changed: drafts added, drafts brought up to date (or back from stale), drafts marked stale. */
export interface GenerationResult {
  created: number
  updated: number
  stale: number
}

/**
 * Generates draft recommendations for an org unit's subtree and a period: every rule of every
 * enabled direction is evaluated on the analytics rows (the GET /api/analytics code path) of each
 * unit at the rule's levels. One draft per (rule, unit, period) that fires. Re-generating adds what
 * newly fires, refreshes untouched drafts, marks drafts whose trigger no longer holds as stale
 * (kept), un-stales those that fire again, and never rewrites a draft a person edited; published,
 * acknowledged and withdrawn ones are left as they are. Idempotent; audited in one transaction.
 *
 * @example
 * await generateRecommendations(db, catalog, scope, { orgUnit: 5, period: '2025-26' }) // { created: 12, updated: 0, stale: 0 }
 */
export async function generateRecommendations(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  input: { orgUnit: number; period: string },
): Promise<GenerationResult> {
  const unit = await getOrgUnit(db, input.orgUnit)
  scope.assertCanWrite(unit, 'recommendations')
  const period = await findPeriod(db, input.period)
  const enabled = await enabledPluginIds(db, catalog, regionIdOf(unit))
  const rules = enabled.flatMap((plugin) =>
    (catalog.plugins.get(plugin)?.recommendations ?? [])
      .filter((rule) => catalog.indicators.has(rule.indicator))
      .map((rule) => ({ rule, plugin })),
  )
  const pluginOf = new Map(rules.map((r) => [r.rule.code, r.plugin]))
  const firings = await fire(
    db,
    catalog,
    unit,
    period.code,
    rules.map((r) => r.rule),
  )

  const result: GenerationResult = { created: 0, updated: 0, stale: 0 }
  if (!rules.length) return result
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('recommendation as r')
      .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
      .select(['r.id', 'r.rule_code', 'r.org_unit_id', 'r.text', 'r.state', 'r.stale', 'r.edited'])
      .where('r.source', '=', 'generated')
      .where('r.period_id', '=', period.id)
      .where('r.rule_code', 'in', [...pluginOf.keys()])
      .where('o.path', 'like', `${unit.path}%`)
      .forUpdate('r')
      .execute()
    const byKey = new Map(existing.map((r) => [`${r.rule_code}|${r.org_unit_id}`, r]))
    const audit: AuditInput[] = []
    const entry = (id: number, orgUnitId: number, action: string, oldValue: unknown, newValue: unknown) =>
      audit.push({
        actor: scope.user.login,
        action,
        entity: 'recommendation',
        entityKey: String(id),
        orgUnitId,
        oldValue,
        newValue,
      })
    const fired = new Set<string>()
    for (const f of firings) {
      const key = `${f.rule.code}|${f.row.orgUnit}`
      fired.add(key)
      const text = textOf(catalog, f)
      const figures = JSON.stringify(figuresOf(f))
      const known = byKey.get(key)
      if (!known) {
        const row = await trx
          .insertInto('recommendation')
          .values({
            period_id: period.id,
            org_unit_id: f.row.orgUnit,
            owner_org_unit_id: unit.id,
            source: 'generated',
            rule_code: f.rule.code,
            plugin_id: pluginOf.get(f.rule.code)!,
            addressee: f.rule.addressee,
            indicators: [f.rule.indicator],
            text,
            figures,
            state: 'draft',
            created_by: scope.user.login,
          })
          .onConflict((oc) =>
            oc.columns(['rule_code', 'org_unit_id', 'period_id']).where('source', '=', 'generated').doNothing(),
          )
          .returning('id')
          .executeTakeFirst()
        if (!row) continue
        result.created++
        entry(row.id, f.row.orgUnit, 'generate', null, { rule: f.rule.code, text })
        continue
      }
      if (known.state !== 'draft') continue
      // A person's edit wins: only the stale flag of an edited draft follows the data.
      const set = known.edited
        ? known.stale
          ? { stale: false }
          : null
        : known.stale || known.text !== text
          ? { stale: false, text, figures }
          : null
      if (!set) continue
      await trx
        .updateTable('recommendation')
        .set({ ...set, updated_at: new Date() })
        .where('id', '=', known.id)
        .execute()
      result.updated++
      entry(
        known.id,
        known.org_unit_id,
        'regenerate',
        { text: known.text, stale: known.stale },
        { text: set.text ?? known.text, stale: false },
      )
    }
    const gone = existing.filter(
      (r) => r.state === 'draft' && !r.stale && !fired.has(`${r.rule_code}|${r.org_unit_id}`),
    )
    if (gone.length)
      await trx
        .updateTable('recommendation')
        .set({ stale: true, updated_at: new Date() })
        .where(
          'id',
          'in',
          gone.map((r) => r.id),
        )
        .execute()
    for (const r of gone) entry(r.id, r.org_unit_id, 'stale', { stale: false }, { stale: true })
    result.stale = gone.length
    await appendAudit(trx, audit)
  })
  return result
}

/**
 * Runs the rules over the subtree's analytics: the unit itself, then the children of every unit
 * that has some — the same `computeAnalytics` calls as GET /api/analytics with level self / children.
 */
async function fire(
  db: Kysely<Database>,
  catalog: Catalog,
  root: Awaited<ReturnType<typeof getOrgUnit>>,
  period: string,
  rules: RecommendationRule[],
): Promise<Firing[]> {
  if (!rules.length) return []
  const indicators = [...new Set(rules.map((r) => r.indicator))]
  const subtree = await db
    .selectFrom('org_unit')
    .selectAll()
    .where('path', 'like', `${root.path}%`)
    .orderBy('path')
    .execute()
  const parents = subtree.filter((u) => subtree.some((c) => c.parent_id === u.id))
  const rows: AnalyticsRow[] = await computeAnalytics(db, catalog, {
    unit: root,
    level: 'self',
    periods: [period],
    indicators,
  })
  for (const parent of parents)
    rows.push(
      ...(await computeAnalytics(db, catalog, { unit: parent, level: 'children', periods: [period], indicators })),
    )
  const depthOf = new Map(subtree.map((u) => [u.id, u.level]))
  return firingRules(rules, rows, depthOf, (code) => catalog.indicators.get(code)?.compiled.indicator)
}

function textOf(catalog: Catalog, f: Firing): string {
  return renderText(f.rule, catalog.indicators.get(f.rule.indicator)!.compiled.indicator, f.row, f.gap)
}

/** The figures a generated recommendation cites, kept with it. */
function figuresOf(f: Firing) {
  const { indicator, value, target, status, numerator, denominator } = f.row
  return { indicator, value, target, status, numerator, denominator, gap: f.gap }
}
