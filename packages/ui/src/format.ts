import type { Indicator } from '@profmon/contract'

/**
 * Formats an indicator value for people: shares as percent with the indicator's decimals,
 * presence as yes/no, counts as whole numbers; `null` is "no data", never 0.
 *
 * @example
 * formatValue(37.6045, { kind: 'share', decimals: 1 }, 'ru') // '37,6 %'
 */
export function formatValue(
  value: number | null,
  indicator: Pick<Indicator, 'kind' | 'decimals'> | undefined,
  locale: string,
  words: { yes: string; no: string; noData: string } = { yes: 'да', no: 'нет', noData: '—' },
): string {
  if (value === null || value === undefined) return words.noData
  if (indicator?.kind === 'presence') return value ? words.yes : words.no
  const decimals = indicator?.kind === 'count' ? 0 : (indicator?.decimals ?? 1)
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: decimals, minimumFractionDigits: 0 }).format(
    value,
  )
  return indicator?.kind === 'share' ? `${text} %` : text
}

/** Difference from the previous period in the indicator's unit (percentage points for shares). */
export function change(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous
}
