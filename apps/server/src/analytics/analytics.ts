import { createAggregateLookup, ORG_LEVEL_DEPTH, statusOf, type EvaluateContext, type Status } from '@profmon/contract'
import type { Database, Kysely, OrgUnit } from '@profmon/db'
import type { Catalog, CatalogIndicator } from '../catalog/catalog.ts'
import { DomainError } from '../errors.ts'
import { loadEvidenceGate } from '../collection/evidence/evidence-gate.ts'
import { scoreFromBands } from '@profmon/contract/rules'
import { loadTargetResolver, type EffectiveTarget } from '../goals/effective-targets.ts'
import { regionIdOf } from '../org/org-units.ts'
import { revisionFor } from '../catalog/local-definitions.ts'
import { enabledPluginIds } from '../plugins/enabled.ts'
import { parseAggregateTexts, readAggregateTexts } from './aggregate-query.ts'
import { derivedAggregates, replaceDerived } from './derived/derived-aggregates.ts'
import { lookupsOfRows, SubtreeLookup, subtreeLookups } from './subtree-lookups.ts'

/** One analytics row: an indicator for an org unit, period and option (null = total). */
export interface AnalyticsRow {
  indicator: string
  orgUnit: number
  period: string
  option: string | null
  numerator: number | null
  denominator: number | null
  value: number | null
  target: number | null
  status: Status | null
  score: number | null
  /** A local indicator's revision that computed this period. */
  revision?: number
}

export interface AnalyticsRequest {
  unit: OrgUnit
  level: 'self' | 'children'
  periods: string[]
  indicators: string[]
  /** Evaluate only this (unsaved) indicator: the local-indicator editor's preview. */
  draft?: CatalogIndicator
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6)

/**
 * Computes indicators for a unit (or its children) and periods: one SQL round trip reads the
 * maintained aggregates of the data elements over every subtree, then each indicator's formulas are evaluated on those
 * aggregates — a municipality's share is Σnumerators / Σdenominators of its schools.
 */
export async function computeAnalytics(
  db: Kysely<Database>,
  catalog: Catalog,
  req: AnalyticsRequest,
): Promise<AnalyticsRow[]> {
  // Two rounds of independent queries (run side by side on PostgreSQL's pool), then one pass in TS.
  const [enabledIds, periods, units] = await Promise.all([
    enabledPluginIds(db, catalog, regionIdOf(req.unit)),
    db
      .selectFrom('period')
      .select(['id', 'code', 'starts_on', 'ends_on', 'reference_date'])
      .where('code', 'in', req.periods)
      .execute(),
    req.level === 'self'
      ? [req.unit]
      : db.selectFrom('org_unit').selectAll().where('parent_id', '=', req.unit.id).orderBy('name').execute(),
  ])
  const indicators = req.draft ? [req.draft] : selectIndicators(catalog, new Set(enabledIds), req.indicators)
  const unknownPeriods = req.periods.filter((p) => !periods.some((x) => x.code === p))
  if (unknownPeriods.length)
    throw new DomainError(
      'invalid',
      'invalid_request',
      unknownPeriods.map((p) => `unknown period "${p}"`).join('; '),
      unknownPeriods.map((p) => ({ path: 'period', message: `unknown period "${p}"` })),
    )
  periods.sort((a, b) => req.periods.indexOf(a.code) - req.periods.indexOf(b.code))

  const elementIds = new Set<number>()
  for (const ind of indicators)
    for (const compiled of ind.local ? ind.local.revisions.map((r) => r.compiled) : [ind.compiled])
      for (const ref of compiled.refs) {
        const el = catalog.elements.get(ref.code)
        if (el) elementIds.add(el.id)
      }
  const [texts, derived, targets, evidenceGate] = await Promise.all([
    readAggregateTexts(db, {
      regionId: regionIdOf(req.unit),
      unitIds: units.map((u) => u.id),
      periodIds: periods.map((p) => p.id),
      elementIds: [...elementIds],
    }),
    // Elements the campaign takes from the teacher registry: counted people instead of typed sums.
    derivedAggregates(db, catalog, { regionId: regionIdOf(req.unit), units, periods, elementIds }),
    loadTargetResolver(
      db,
      units,
      periods,
      indicators.map((i) => i.compiled.indicator.code),
    ),
    loadEvidenceGate(
      db,
      units,
      periods,
      indicators.map((i) => i.compiled.indicator),
    ),
  ])

  // The shared parse of the texts unless derived counts replace some of them.
  const lookups = derived
    ? lookupsOfRows(catalog, replaceDerived(parseAggregateTexts(texts), derived))
    : subtreeLookups(catalog, texts)

  const out: AnalyticsRow[] = []
  for (const unit of units) {
    for (const period of periods) {
      const lookup =
        lookups.get(unit.id)?.get(period.id) ?? new SubtreeLookup(createAggregateLookup(catalog.aggregationRules, []))
      for (const ind of indicators) {
        const revision = ind.local ? revisionFor(ind, period.code) : undefined
        const compiled = revision?.compiled ?? ind.compiled
        const def = compiled.indicator
        if (!req.indicators.length && !def.levels.some((l) => ORG_LEVEL_DEPTH[l] === unit.level)) continue
        const target: EffectiveTarget | undefined = targets(def, unit, period)
        const row = (option: string | null, ctx?: EvaluateContext) => {
          const r = { ...lookup.evaluate(compiled, option, ctx) }
          // A presence "yes" counts only with every required document of the unit attached (seed 001).
          if (r.value === 1 && !evidenceGate(def, unit.id, period.id)) r.value = 0
          out.push({
            indicator: def.code,
            orgUnit: unit.id,
            period: period.code,
            option,
            numerator: round(r.numerator),
            denominator: round(r.denominator),
            value: round(r.value),
            target: target?.value ?? null,
            status: statusOf({
              value: r.value,
              target: target?.value,
              tolerance: target?.tolerance ?? undefined,
              polarity: def.polarity,
            }),
            // A target's own score bands outrank the definition's (a score indicator's value is its points).
            score: def.kind !== 'score' && target?.scoreBands ? scoreFromBands(r.value, target.scoreBands) : r.score,
            ...(revision ? { revision: revision.revision } : {}),
          })
        }
        row(null)
        if (def.dimension)
          for (const o of catalog.dimensions.get(def.dimension)?.options ?? [])
            row(o.code, {
              breakdown: { dimension: def.dimension, option: o.code },
              elementDimension: catalog.elementDimension,
            })
      }
    }
  }
  return out
}

function selectIndicators(catalog: Catalog, enabled: Set<string>, codes: string[]): CatalogIndicator[] {
  // Local indicators are the owner's own: shown whether or not their direction is switched on.
  if (!codes.length) return [...catalog.indicators.values()].filter((i) => i.local || enabled.has(i.pluginId))
  const details = codes.flatMap((code) => {
    const ind = catalog.indicators.get(code)
    if (!ind) return [{ path: 'indicator', message: `unknown indicator "${code}"` }]
    if (!ind.local && !enabled.has(ind.pluginId))
      return [
        { path: 'indicator', message: `the direction "${ind.pluginId}" of "${code}" is not enabled for this region` },
      ]
    return []
  })
  if (details.length)
    throw new DomainError('invalid', 'invalid_request', details.map((d) => d.message).join('; '), details)
  return [...new Set(codes)].map((c) => catalog.indicators.get(c)!)
}
