import { ORG_LEVEL_DEPTH, type Indicator, type RecommendationRule, type Status } from '@profmon/contract'
import { gapOf } from '@profmon/contract/rules'
import { numberFormat } from '@profmon/contract/format'

/** What a rule reads of an analytics row (the total row of an indicator for one unit). */
export interface RuleInput {
  indicator: string
  orgUnit: number
  option: string | null
  numerator: number | null
  denominator: number | null
  value: number | null
  target: number | null
  status: Status | null
}

/** A rule that fires for a unit: the row that made it fire and the gap to the target. */
export interface Firing {
  rule: RecommendationRule
  row: RuleInput
  gap: number | null
}

/**
 * Whether a rule's condition holds for a row: every given condition must (status among the
 * listed, value below / above the threshold). Missing data satisfies no threshold.
 *
 * @example
 * conditionHolds({ status: ['not_met'] }, { status: 'not_met', value: 4 }) // true
 * conditionHolds({ above: 25 }, { status: null, value: null })             // false
 */
export function conditionHolds(when: RecommendationRule['when'], row: Pick<RuleInput, 'status' | 'value'>): boolean {
  if (when.status && (row.status === null || !when.status.includes(row.status))) return false
  if (when.below !== undefined && (row.value === null || !(row.value < when.below))) return false
  if (when.above !== undefined && (row.value === null || !(row.value > when.above))) return false
  return true
}

/**
 * The rules that fire for the units' rows: a rule is evaluated only at the org levels it names
 * where its indicator is meaningful (the levels GET /api/analytics lists it at), on the total row
 * (option null) of its indicator.
 *
 * @param depthOf depth (1 region … 3 organisation) of each unit the rows are for
 * @example
 * firingRules(manifest.recommendations, rows, new Map([[12, 3]]), (code) => catalog.indicators.get(code)?.compiled.indicator)
 */
export function firingRules(
  rules: readonly RecommendationRule[],
  rows: readonly RuleInput[],
  depthOf: ReadonlyMap<number, number>,
  indicatorOf: (code: string) => Pick<Indicator, 'kind' | 'polarity' | 'levels'> | undefined,
): Firing[] {
  const totals = new Map<string, RuleInput[]>()
  for (const row of rows) {
    if (row.option !== null) continue
    const list = totals.get(row.indicator)
    if (list) list.push(row)
    else totals.set(row.indicator, [row])
  }
  const out: Firing[] = []
  for (const rule of rules) {
    const indicator = indicatorOf(rule.indicator)
    if (!indicator) continue
    const meaningful = new Set(indicator.levels.map((l) => ORG_LEVEL_DEPTH[l]))
    const depths = new Set(rule.levels.map((l) => ORG_LEVEL_DEPTH[l]).filter((d) => meaningful.has(d)))
    for (const row of totals.get(rule.indicator) ?? []) {
      const depth = depthOf.get(row.orgUnit)
      if (depth === undefined || !depths.has(depth) || !conditionHolds(rule.when, row)) continue
      out.push({ rule, row, gap: gapOf(row, indicator) })
    }
  }
  return out
}

/**
 * A number the Russian way: decimal comma, a no-break space between thousands.
 *
 * @example
 * formatRu(43.75, 1) // '43,8'
 */
export function formatRu(value: number, decimals: number): string {
  return numberFormat('ru-RU', decimals).format(value)
}

/** An indicator's value for people: `43,8 %` for a share, `да`/`нет` for presence. */
export function formatIndicatorValue(value: number | null, indicator: Pick<Indicator, 'kind' | 'decimals'>): string {
  if (value === null) return 'нет данных'
  if (indicator.kind === 'presence') return value ? 'да' : 'нет'
  const text = formatRu(value, indicator.kind === 'count' ? 0 : indicator.decimals)
  return indicator.kind === 'share' ? `${text} %` : text
}

/**
 * The text of a generated recommendation: the rule's text, then the grounds — the indicator,
 * its value, the target and the gap (people for a share).
 *
 * @example
 * renderText(rule, indicator, { value: 43.75, target: 60, numerator: 35, denominator: 80, … }, 13)
 * // '… Основание: «Диагностика» — 43,8 % при целевом значении 60 %; до цели не хватает 13 чел.'
 */
export function renderText(
  rule: Pick<RecommendationRule, 'text'>,
  indicator: Pick<Indicator, 'kind' | 'decimals' | 'polarity' | 'title' | 'shortTitle'>,
  row: Pick<RuleInput, 'value' | 'target'>,
  gap: number | null,
): string {
  const title = indicator.shortTitle?.ru ?? indicator.title.ru
  let grounds = `Основание: «${title}» — ${formatIndicatorValue(row.value, indicator)}`
  if (row.target !== null) grounds += ` при целевом значении ${formatIndicatorValue(row.target, indicator)}`
  if (gap !== null && gap > 0) {
    const amount = indicator.kind === 'share' ? `${formatRu(gap, 0)} чел.` : formatIndicatorValue(gap, indicator)
    grounds += indicator.polarity === 'lower' ? `; сверх цели — ${amount}` : `; до цели не хватает ${amount}`
  }
  return `${rule.text.ru.trim()}\n\n${grounds}${grounds.endsWith('.') ? '' : '.'}`
}
