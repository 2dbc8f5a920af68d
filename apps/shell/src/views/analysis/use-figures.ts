import type { Indicator } from '@profmon/contract'
import { formatValue } from '@profmon/ui'
import { useI18n } from 'vue-i18n'

/**
 * How the analysis pages write figures, in the UI's language: values by the indicator's kind,
 * changes in percentage points for shares, people, parts of the shortfall and dates
 * («2 марта 2027 г.», never ISO); a missing figure is «нет данных», never 0.
 *
 * @example
 * const { value, people, date } = useFigures()
 * people(14) // '14'
 */
export function useFigures() {
  const { t, locale } = useI18n()
  const tag = () => (locale.value === 'en' ? 'en-GB' : 'ru-RU')
  const words = () => ({ yes: t('ui.yes'), no: t('ui.no'), noData: t('ui.noData') })
  const value = (v: number | null | undefined, indicator: Pick<Indicator, 'kind' | 'decimals'>) =>
    formatValue(v ?? null, indicator, tag(), words())
  const number = (v: number | null | undefined, digits = 1) =>
    v === null || v === undefined
      ? t('ui.noData')
      : new Intl.NumberFormat(tag(), { maximumFractionDigits: digits }).format(v)
  const change = (v: number | null | undefined, indicator: Pick<Indicator, 'kind'>) => {
    if (v === null || v === undefined) return ''
    const n = new Intl.NumberFormat(tag(), { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(v)
    return indicator.kind === 'share' ? `${n} ${t('ui.shares.pp')}` : n
  }
  const people = (v: number | null | undefined) => (v === null || v === undefined ? '' : number(v, 0))
  // Parts of a whole keep one decimal everywhere, so a column of them reads evenly (3,0 %, 56,2 %).
  const percent = (v: number | null | undefined) =>
    v === null || v === undefined
      ? ''
      : `${new Intl.NumberFormat(tag(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v)} %`
  const date = (iso: string | null | undefined) => {
    if (!iso) return ''
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00` : iso)
    return Number.isNaN(d.getTime())
      ? iso
      : new Intl.DateTimeFormat(tag(), { day: 'numeric', month: 'long', year: 'numeric' }).format(d)
  }
  return { value, number, change, people, percent, date }
}
