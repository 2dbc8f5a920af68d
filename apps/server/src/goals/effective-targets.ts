import { targetFor, type Indicator } from '@profmon/contract'
import { levelAtDepth, type OrgLevel } from '@profmon/contract/levels'
import { defaultEffectiveGap, type TargetScoreBand } from '@profmon/contract/rules'
import type { Database, Kysely } from '@profmon/db'
import { pathIds } from '../org/org-units.ts'

/** Where the target in force comes from: the indicator's definition or a unit of that level. */
export type TargetSource = 'plugin' | OrgLevel

/** The target in force for an indicator at an org unit and period, after every override. */
export interface EffectiveTarget {
  value: number
  tolerance: number | null
  scoreBands: TargetScoreBand[] | null
  /** The smallest change that counts as a move (never null: the kind's default fills in). */
  effectiveGap: number
  source: TargetSource
  /** The unit whose target this is; null for the definition's default. */
  sourceOrgUnit: number | null
  /** The region's target lets municipalities set a laxer one. */
  allowLaxer: boolean
}

/** The target in force for an indicator definition at a unit and period; undefined = none. */
export type TargetResolver = (
  indicator: Indicator,
  unit: { id: number; path: string },
  period: { id: number; code: string },
) => EffectiveTarget | undefined

interface Row {
  indicator_code: string
  period_id: number
  org_unit_id: number
  value: number
  tolerance: number | null
  score_bands: TargetScoreBand[] | null
  effective_gap: number | null
  allow_laxer: boolean
}

/** The definition's score bands in a target's shape (`points` → `score`, open ends as null). */
function definitionBands(indicator: Indicator): TargetScoreBand[] | null {
  return indicator.scoring?.map((b) => ({ min: b.min ?? null, max: b.max ?? null, score: b.points })) ?? null
}

/**
 * Loads the targets set on the units and their ancestors in one query and resolves each
 * indicator's target in force: the indicator's default (plugin manifest or local definition),
 * overridden by the region's, a municipality's, an organisation's — the deepest set value wins
 * with its tolerance; score bands and the effective gap come from the deepest target that sets
 * them. The one resolver of analytics, analysis and `GET /api/targets/effective`.
 *
 * @example
 * const resolve = await loadTargetResolver(db, [munA], [{ id: 3, code: '2025-26' }], ['deficits.diagnosed_share'])
 * resolve(definition, munA, period) // { value: 40, source: 'municipality', sourceOrgUnit: munA.id, … }
 */
export async function loadTargetResolver(
  db: Kysely<Database>,
  units: readonly { id: number; path: string }[],
  periods: readonly { id: number }[],
  indicators: readonly string[],
): Promise<TargetResolver> {
  const ancestorIds = [...new Set(units.flatMap((u) => pathIds(u.path)))]
  const rows: Row[] =
    ancestorIds.length && periods.length && indicators.length
      ? ((await db
          .selectFrom('target')
          .select([
            'indicator_code',
            'period_id',
            'org_unit_id',
            'value',
            'tolerance',
            'score_bands',
            'effective_gap',
            'allow_laxer',
          ])
          .where('org_unit_id', 'in', ancestorIds)
          .where(
            'period_id',
            'in',
            periods.map((p) => p.id),
          )
          .where('indicator_code', 'in', [...new Set(indicators)])
          .execute()) as Row[])
      : []
  const byKey = new Map(rows.map((r) => [`${r.indicator_code}:${r.period_id}:${r.org_unit_id}`, r]))
  // A dashboard resolves every indicator for each unit: parse each unit's path once.
  const chains = new Map<string, number[]>()
  return (indicator, unit, period) => {
    let chain = chains.get(unit.path)
    if (!chain) chains.set(unit.path, (chain = pathIds(unit.path)))
    const set = chain.flatMap((id, depth) => {
      const row = byKey.get(`${indicator.code}:${period.id}:${id}`)
      return row ? [{ row, depth: depth + 1 }] : []
    })
    const fallback = targetFor(indicator.targets, period.code)
    const deepest = set.at(-1)
    if (!deepest && !fallback) return undefined
    const region = set.find((s) => s.depth === 1)?.row
    const deepestWith = <T>(pick: (r: Row) => T | null): T | null => {
      for (let i = set.length - 1; i >= 0; i--) {
        const v = pick(set[i]!.row)
        if (v !== null) return v
      }
      return null
    }
    return {
      value: deepest ? deepest.row.value : fallback!.value,
      tolerance: deepest ? deepest.row.tolerance : (fallback!.tolerance ?? null),
      scoreBands: deepestWith((r) => r.score_bands) ?? definitionBands(indicator),
      effectiveGap: deepestWith((r) => r.effective_gap) ?? defaultEffectiveGap(indicator.kind),
      source: deepest ? (levelAtDepth(deepest.depth) ?? 'organization') : 'plugin',
      sourceOrgUnit: deepest ? deepest.row.org_unit_id : null,
      allowLaxer: region?.allow_laxer ?? false,
    }
  }
}
