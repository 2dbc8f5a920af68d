import { ORG_LEVEL_DEPTH } from '@profmon/contract/levels'
import { useI18n } from 'vue-i18n'
import { useDefinitionsStore } from '../stores/definitions.ts'
import { useOrgUnitStore } from '../stores/org-unit.ts'

/**
 * What every direction's view writes about indicators, in the UI's language: localized titles,
 * an indicator's short name, whether it is computed at the current unit's level, numbers and
 * shares in the locale's format ("нет данных" when missing, never 0), chart-ready rounding and
 * period labels.
 *
 * @example
 * const { nameOf, pct, applies } = useIndicatorFormat()
 * pct(43.77) // '43,8 %'
 */
export function useIndicatorFormat() {
  const { t, locale } = useI18n()
  const units = useOrgUnitStore()
  const definitions = useDefinitionsStore()

  const text = (x: { ru: string; en?: string } | null | undefined, fallback: string) =>
    x ? (locale.value === 'en' ? (x.en ?? x.ru) : x.ru) : fallback
  const nameOf = (code: string) => {
    const d = definitions.indicators.get(code)
    return text(d?.shortTitle ?? d?.title, code)
  }
  /** Whether an indicator is computed at the current unit's level (unknown definitions count as yes). */
  const applies = (code: string) => {
    const levels = definitions.indicators.get(code)?.levels
    return !levels || !units.unit || levels.some((l) => ORG_LEVEL_DEPTH[l] === units.unit!.level)
  }
  const num = (v: unknown, digits = 1) =>
    typeof v === 'number'
      ? new Intl.NumberFormat(locale.value, { maximumFractionDigits: digits }).format(v)
      : t('ui.noData')
  const pct = (v: unknown) => (typeof v === 'number' ? `${num(v)} %` : t('ui.noData'))
  const round = (v: number | null | undefined, digits = 1) =>
    v === null || v === undefined ? null : Math.round(v * 10 ** digits) / 10 ** digits
  const periodLabel = (code: string) => code.replace('-', '/')
  return { text, nameOf, applies, num, pct, round, periodLabel }
}
