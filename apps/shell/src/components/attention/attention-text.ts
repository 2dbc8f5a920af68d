import type { Indicator } from '@profmon/contract'
import { formatDate, formatValue, type AttentionItem } from '@profmon/ui'

/** What wording an attention item needs besides the messages: titles and number formats. */
export interface AttentionWords {
  t: (key: string, params?: Record<string, unknown>) => string
  locale: string
  /** A direction's title by plugin id (the id itself when unknown). */
  pluginTitle: (id: string) => string
  /** An indicator's definition by code, for its title and number format. */
  indicator: (code: string) => (Pick<Indicator, 'kind' | 'decimals' | 'polarity'> & { name: string }) | undefined
}

/** An item worded for people: the main line and an optional second one. */
export interface AttentionLine {
  text: string
  note: string | null
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null)
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/**
 * Words one "needs attention" item from its `kind` and parameters — the server sends codes, not
 * sentences, so each surface says them in its own language.
 *
 * @example
 * wordAttention({ kind: 'deadline', detail: { stage: 'monitoring', daysLeft: 3 }, due: '2027-03-02', … }, words)
 * // { text: 'Срок: ввод данных мониторинга — до 2 марта 2027 г.', note: 'осталось 3 дня' }
 */
export function wordAttention(item: AttentionItem, w: AttentionWords): AttentionLine {
  const d = item.detail
  const count = (key: string, n: number) => w.t(`${key}.${new Intl.PluralRules(w.locale).select(n)}`, { n })
  switch (item.kind) {
    case 'deadline': {
      const days = num(d.daysLeft) ?? 0
      const notes = [days <= 0 ? w.t('attention.lastDay') : count('attention.daysLeft', days)]
      if (d.stored === 0) notes.push(w.t('attention.defaults'))
      const stage = w.t(`attention.stages.${str(d.stage)}`)
      return {
        text: w.t('attention.deadline', { stage, date: formatDate(item.due, 'long', w.locale) }),
        note: notes.join('; '),
      }
    }
    case 'not_submitted': {
      const returned = num(d.returned) ?? 0
      return {
        text: w.t('attention.notSubmitted', {
          plugin: w.pluginTitle(str(d.plugin)),
          n: num(d.notSubmitted) ?? 0,
          total: num(d.total) ?? 0,
        }),
        note: returned ? w.t('attention.returned', { n: returned }) : null,
      }
    }
    case 'indicator_not_met': {
      const def = w.indicator(str(d.indicator))
      const value = (v: unknown) => formatValue(num(v), def, w.locale)
      const gap = num(d.gap)
      const people = d.gapUnit === 'people'
      if (def?.kind === 'presence') return { text: w.t('attention.absent', { indicator: def.name }), note: null }
      return {
        text: w.t('attention.notMet', {
          indicator: def?.name ?? str(d.indicator),
          value: value(d.value),
          target: value(d.target),
        }),
        note:
          gap === null
            ? null
            : people
              ? w.t(def?.polarity === 'lower' ? 'attention.surplusPeople' : 'attention.gapPeople', {
                  n: new Intl.NumberFormat(w.locale).format(gap),
                })
              : w.t('attention.gapValue', {
                  n: formatValue(gap, def?.kind === 'share' ? { ...def, kind: 'value' } : def, w.locale),
                }),
      }
    }
    case 'recommendations_to_acknowledge':
      return { text: w.t('attention.toAcknowledge', { n: num(d.count) ?? 0 }), note: null }
    case 'recommendations_unacknowledged':
      return { text: w.t('attention.unacknowledged', { n: num(d.count) ?? 0 }), note: null }
    case 'data_quality':
      return {
        text: w.t('attention.dataQuality', { n: num(d.total) ?? 0 }),
        note: w.t('attention.dataQualityNote', {
          outlier: num(d.outlier) ?? 0,
          jump: num(d.jump) ?? 0,
          missing: num(d.missing) ?? 0,
          late: num(d.late) ?? 0,
        }),
      }
    case 'measures_due': {
      const days = num(d.daysLeft) ?? 0
      return {
        text: w.t('attention.measuresDue', { n: num(d.count) ?? 0, date: formatDate(item.due, 'long', w.locale) }),
        note: days <= 0 ? w.t('attention.lastDay') : count('attention.daysLeft', days),
      }
    }
    case 'deadline_passed':
      return {
        text: w.t('attention.deadlinePassed', {
          stage: w.t(`attention.stages.${str(d.stage)}`),
          date: formatDate(item.due, 'long', w.locale),
        }),
        note: w.t(`attention.passedNote.${str(d.stage)}`, { n: num(d.missing) ?? 0 }),
      }
    case 'measures_overdue':
      return {
        text: d.orgUnitName
          ? w.t('attention.childMeasuresOverdue', { unit: str(d.orgUnitName), n: num(d.count) ?? 0 })
          : w.t('attention.measuresOverdue', { n: num(d.count) ?? 0 }),
        note: null,
      }
  }
}
