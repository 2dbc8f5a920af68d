/**
 * How people read numbers and dates, the same on every surface — the shell, plugin views and the
 * server's documents (the analytical report): Russian formats, «—» for no data, never 0.
 */
import type { Indicator } from '../schema/indicator.ts'

const numberFormats = new Map<string, Intl.NumberFormat>()

/**
 * A number format of `locale` with at most `decimals` decimals (`signed`: «+1,2», «−3», «0»),
 * made once and kept: making one costs ~50× formatting with it, and a report formats thousands.
 *
 * @example
 * numberFormat('ru', 1).format(1234.56) // '1 234,6'
 * numberFormat('ru', 1, true).format(1.25) // '+1,3'
 */
export function numberFormat(locale: string, decimals: number, signed = false): Intl.NumberFormat {
  const key = `${locale}|${decimals}|${signed}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      maximumFractionDigits: decimals,
      minimumFractionDigits: 0,
      ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
    })
    numberFormats.set(key, format)
  }
  return format
}

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
  const text = numberFormat(locale, decimals).format(value)
  return indicator?.kind === 'share' ? `${text} %` : text
}

/**
 * Difference from the previous period in the indicator's unit (percentage points for shares);
 * `null` when either value is missing.
 *
 * @example
 * change(37.5, 35) // 2.5
 * change(37.5, null) // null
 */
export function change(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous
}

/**
 * How a date is shown: `long` «2 марта 2027 г.», `short` «02.03.2027», `datetime` «02.03.2027, 14:05».
 *
 * @example
 * const style: DateStyle = 'long'
 */
export type DateStyle = 'long' | 'short' | 'datetime'

const DATE_STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  short: { day: '2-digit', month: '2-digit', year: 'numeric' },
  datetime: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' },
}
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Shows an ISO date (`2027-03-02`) or timestamp (`2027-03-02T11:05:00Z`) in the UI's language —
 * never ISO on screen. A date without a time is a calendar day and stays that day in every time
 * zone; a timestamp is shown in the reader's zone. `null` or an unreadable value gives `fallback`.
 *
 * @example
 * formatDate('2027-03-02', 'long', 'ru') // '2 марта 2027 г.'
 * formatDate('2027-03-02', 'short', 'ru') // '02.03.2027'
 * formatDate('2027-03-02T14:05:00', 'datetime', 'ru') // '02.03.2027, 14:05'
 */
export function formatDate(iso: string | null | undefined, style: DateStyle, locale: string, fallback = '—'): string {
  if (!iso) return fallback
  const day = DATE_ONLY.exec(iso)
  const date = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : new Date(iso)
  if (Number.isNaN(date.getTime())) return fallback
  const options = { ...DATE_STYLES[style], ...(day ? { timeZone: 'UTC' } : {}) }
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale === 'ru' ? 'ru-RU' : locale, options).format(date)
}
