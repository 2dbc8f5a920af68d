import type { Indicator } from '@profmon/contract'
import { levelAtDepth } from '@profmon/contract/levels'
import { useDefinitionsStore } from '@profmon/ui'
import { computed, type MaybeRefOrGetter, toValue } from 'vue'
import { useI18n } from 'vue-i18n'
import { usePluginStore } from '../../stores/plugins.ts'

/** One direction (or the local indicators) with its indicators, in the UI's language. */
export interface IndicatorGroup {
  id: string
  title: string
  indicators: (Indicator & { plugin: string; label: string })[]
}

/**
 * The indicators of the enabled directions and the visible local indicators, grouped by direction
 * in the order of the navigation, optionally only those computed at an org level depth.
 *
 * @example
 * const groups = useIndicatorGroups(() => (units.unit ? units.unit.level + 1 : null)) // the children's level
 */
export function useIndicatorGroups(depth: MaybeRefOrGetter<number | null> = null) {
  const { t, locale } = useI18n()
  const definitions = useDefinitionsStore()
  const plugins = usePluginStore()
  void definitions.load()
  const text = (x: { ru: string; en?: string | undefined }) => (locale.value === 'en' ? (x.en ?? x.ru) : x.ru)

  return computed<IndicatorGroup[]>(() => {
    const d = toValue(depth)
    const level = d === null ? undefined : levelAtDepth(d)
    const enabled = new Set(plugins.plugins.map((p) => p.id))
    return definitions.plugins
      .filter((p) => enabled.has(p.id) || p.id === 'local')
      .sort((a, b) => order(a.id) - order(b.id))
      .map((p) => ({
        id: p.id,
        title: p.id === 'local' ? t('local.group') : text(plugins.byId(p.id)?.title ?? p.title),
        indicators: p.indicators
          .filter((i) => d === null || (level !== undefined && i.levels.includes(level)))
          .map((i) => ({ ...i, plugin: p.id, label: text(i.title) })),
      }))
      .filter((g) => g.indicators.length)
  })

  function order(id: string): number {
    const i = plugins.plugins.findIndex((p) => p.id === id)
    return i < 0 ? Number.MAX_SAFE_INTEGER : i
  }
}
