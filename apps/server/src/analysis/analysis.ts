import { defaultEffectiveGap } from '@profmon/contract/rules'
import type { Database, Kysely, OrgUnit } from '@profmon/db'
import type { Scope } from '../access/scope.ts'
import { computeAnalytics, type AnalyticsRow } from '../analytics/analytics.ts'
import type { Catalog, CatalogIndicator } from '../catalog/catalog.ts'
import { catalogFor, revisionFor } from '../catalog/local-definitions.ts'
import { invalid } from '../errors.ts'
import { loadTargetResolver } from '../goals/effective-targets.ts'
import { getOrgUnit } from '../org/org-units.ts'
import { gapOf } from '@profmon/contract/rules'
import { betterThan, changeOf, gapShares, rankRows, trendOf, type Trend } from './league.ts'

/** One row of the league table: a child unit (or, `by: 'option'`, an option of the unit). */
export interface AnalysisRow {
  orgUnit: number
  orgUnitName: string
  /** The breakdown option; null for the total. */
  option: string | null
  optionTitle: string | null
  value: number | null
  numerator: number | null
  denominator: number | null
  target: number | null
  status: AnalyticsRow['status']
  score: number | null
  /** 1 = best by polarity among the rows; null without data. */
  rank: number | null
  previous: number | null
  change: number | null
  trend: Trend | null
  /** People (a share) or units (count, value) still missing to meet the target; 0 when met. */
  gap: number | null
  /** This row's part of the lagging rows' total gap, in percent. */
  gapShare: number | null
  /** Better than the parent's value by polarity. */
  aboveParent: boolean | null
}

export interface AnalysisTable {
  indicator: string
  indicatorTitle: string
  period: string
  previousPeriod: string | null
  /** What the rows are: the unit's children, or the options of the indicator's breakdown. */
  by: 'orgUnit' | 'option'
  effectiveGap: number
  parent: AnalysisRow
  rows: AnalysisRow[]
}

export interface AnalysisQuery {
  orgUnit: number
  period: string
  indicator: string
  /** An option code: the children's figures for that option; `*` = by option. */
  option?: string | undefined
  by?: 'orgUnit' | 'option' | undefined
}

/** The periods in time order (codes), for previous-period and trend look-ups. */
async function periodsInOrder(db: Kysely<Database>) {
  return db.selectFrom('period').select(['id', 'code', 'title']).orderBy('starts_on').execute()
}

/** The indicator as the unit sees it (local ones included), or a 400 naming `indicator`. */
export async function indicatorAt(db: Kysely<Database>, catalog: Catalog, unit: OrgUnit, code: string) {
  const view = await catalogFor(db, catalog, [unit])
  const ind = view.indicators.get(code)
  if (!ind) throw invalid([{ path: 'indicator', message: `unknown indicator "${code}"` }])
  return { view, ind }
}

const definitionOf = (ind: CatalogIndicator, period: string) =>
  (ind.local ? revisionFor(ind, period).compiled : ind.compiled).indicator

/**
 * The league table of an indicator: for each child of the unit (or each option of the breakdown)
 * value, target, status, score, rank, change against the previous period with its trend, gap to
 * the target and part of the total shortfall. Every figure comes from `computeAnalytics` — the
 * same aggregation and formulas as `/api/analytics` — so nothing here averages percentages.
 *
 * @example
 * await analysisTable(db, catalog, scope, { orgUnit: region.id, period: '2025-26', indicator: 'deficits.diagnosed_share' })
 */
export async function analysisTable(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  q: AnalysisQuery,
): Promise<AnalysisTable> {
  const unit = await getOrgUnit(db, q.orgUnit)
  scope.assertCanRead(unit)
  const [{ view, ind }, periods] = await Promise.all([indicatorAt(db, catalog, unit, q.indicator), periodsInOrder(db)])
  const at = periods.findIndex((p) => p.code === q.period)
  if (at < 0) throw invalid([{ path: 'period', message: `unknown period "${q.period}"` }])
  const period = periods[at]!
  const previous = at > 0 ? periods[at - 1]! : null
  const def = definitionOf(ind, period.code)
  const byOption = q.by === 'option' || q.option === '*'
  const dimension = def.dimension ? view.dimensions.get(def.dimension) : undefined
  if ((byOption || q.option) && !dimension)
    throw invalid([
      { path: byOption && q.by === 'option' ? 'by' : 'option', message: `"${def.code}" has no breakdown` },
    ])
  const option: string | null = byOption ? null : (q.option ?? null)
  if (option && !dimension!.options.some((o) => o.code === option))
    throw invalid([{ path: 'option', message: `"${option}" is not an option of ${dimension!.code}` }])

  const codes = [period.code, ...(previous ? [previous.code] : [])]
  const [selfRows, childRows, children, resolve] = await Promise.all([
    computeAnalytics(db, view, { unit, level: 'self', periods: codes, indicators: [def.code] }),
    byOption
      ? Promise.resolve([])
      : computeAnalytics(db, view, { unit, level: 'children', periods: codes, indicators: [def.code] }),
    db.selectFrom('org_unit').select(['id', 'name', 'path']).where('parent_id', '=', unit.id).orderBy('name').execute(),
    loadTargetResolver(db, [unit], [period], [def.code]),
  ])
  const effectiveGap = resolve(def, unit, period)?.effectiveGap ?? defaultEffectiveGap(def.kind)
  const find = (rows: AnalyticsRow[], orgUnit: number, p: string, opt: string | null) =>
    rows.find((r) => r.orgUnit === orgUnit && r.period === p && r.option === opt)
  const optionTitle = (code: string | null) =>
    code === null ? null : (dimension?.options.find((o) => o.code === code)?.title.ru ?? code)

  const build = (
    rows: AnalyticsRow[],
    orgUnit: number,
    name: string,
    opt: string | null,
    parentValue: number | null,
  ) => {
    const now = find(rows, orgUnit, period.code, opt)
    const before = previous ? find(rows, orgUnit, previous.code, opt) : undefined
    const value = now?.value ?? null
    const change = changeOf(value, before?.value ?? null)
    return {
      orgUnit,
      orgUnitName: name,
      option: opt,
      optionTitle: optionTitle(opt),
      value,
      numerator: now?.numerator ?? null,
      denominator: now?.denominator ?? null,
      target: now?.target ?? null,
      status: now?.status ?? null,
      score: now?.score ?? null,
      rank: null,
      previous: before?.value ?? null,
      change,
      trend: trendOf(change, effectiveGap),
      gap: gapOf(
        {
          target: now?.target ?? null,
          numerator: now?.numerator ?? null,
          denominator: now?.denominator ?? null,
          value,
        },
        def,
      ),
      gapShare: null,
      aboveParent: betterThan(value, parentValue, def.polarity),
    } satisfies AnalysisRow
  }

  const parent = build(selfRows, unit.id, unit.name, option, null)
  const rows: AnalysisRow[] = byOption
    ? dimension!.options.map((o) => build(selfRows, unit.id, unit.name, o.code, parent.value))
    : children.map((c) => build(childRows, c.id, c.name, option, parent.value))
  const ranks = rankRows(
    rows.map((r) => r.value),
    def.polarity,
  )
  const shares = gapShares(rows.map((r) => r.gap))
  rows.forEach((r, i) => {
    r.rank = ranks[i]!
    r.gapShare = shares[i]!
  })
  return {
    indicator: def.code,
    indicatorTitle: def.title.ru,
    period: period.code,
    previousPeriod: previous?.code ?? null,
    by: byOption ? 'option' : 'orgUnit',
    effectiveGap,
    parent,
    rows,
  }
}

/** One period of an indicator's course at a unit. */
export interface TrendPoint {
  period: string
  periodTitle: string
  value: number | null
  numerator: number | null
  denominator: number | null
  target: number | null
  status: AnalyticsRow['status']
  change: number | null
  trend: Trend | null
}

/**
 * An indicator's value at a unit over every period, oldest first, with the change and trend from
 * each period to the next (the effective gap of each period's target).
 *
 * @example
 * await analysisTrend(db, catalog, scope, { orgUnit: munA.id, indicator: 'deficits.diagnosed_share' })
 */
export async function analysisTrend(
  db: Kysely<Database>,
  catalog: Catalog,
  scope: Scope,
  q: { orgUnit: number; indicator: string; option?: string | undefined },
): Promise<{ indicator: string; orgUnit: number; option: string | null; points: TrendPoint[] }> {
  const unit = await getOrgUnit(db, q.orgUnit)
  scope.assertCanRead(unit)
  const [{ view, ind }, periods] = await Promise.all([indicatorAt(db, catalog, unit, q.indicator), periodsInOrder(db)])
  const code = ind.compiled.indicator.code
  const option = q.option ?? null
  if (option !== null) {
    const dim = ind.compiled.indicator.dimension
    if (!dim || !view.dimensions.get(dim)?.options.some((o) => o.code === option))
      throw invalid([{ path: 'option', message: `"${option}" is not an option of this indicator's breakdown` }])
  }
  const [rows, resolve] = await Promise.all([
    computeAnalytics(db, view, { unit, level: 'self', periods: periods.map((p) => p.code), indicators: [code] }),
    loadTargetResolver(db, [unit], periods, [code]),
  ])
  let before: number | null = null
  const points = periods.map((p) => {
    const r = rows.find((x) => x.period === p.code && x.option === option)
    const value = r?.value ?? null
    const def = definitionOf(ind, p.code)
    const change = changeOf(value, before)
    before = value
    return {
      period: p.code,
      periodTitle: p.title,
      value,
      numerator: r?.numerator ?? null,
      denominator: r?.denominator ?? null,
      target: r?.target ?? null,
      status: r?.status ?? null,
      change,
      trend: trendOf(change, resolve(def, unit, p)?.effectiveGap ?? defaultEffectiveGap(def.kind)),
    }
  })
  return { indicator: code, orgUnit: unit.id, option, points }
}
