import type { AttentionItem } from '@profmon/ui'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import en from '../../i18n/en.ts'
import ru from '../../i18n/ru.ts'
import { wordAttention, type AttentionWords } from './attention-text.ts'

function words(locale: 'ru' | 'en'): AttentionWords {
  const i18n = createI18n({ legacy: false, locale, messages: { ru, en } })
  return {
    t: (key, params) => i18n.global.t(key, params ?? {}),
    locale,
    pluginTitle: (id) => (id === 'deficits' ? 'Профессиональные дефициты' : id),
    indicator: (code) =>
      code === 'deficits.diagnosed_share'
        ? { kind: 'share', decimals: 1, polarity: 'higher', name: 'Доля продиагностированных' }
        : undefined,
  }
}
const item = (kind: AttentionItem['kind'], detail: AttentionItem['detail'], due?: string): AttentionItem => ({
  kind,
  severity: 'medium',
  title: `attention.${kind}`,
  detail,
  link: '/',
  ...(due ? { due } : {}),
})
const plain = (s: string | null) => s?.replace(/\u00a0|\u202f/g, ' ') ?? null

describe('wordAttention', () => {
  it('words a deadline with its Russian date and the days left, declined', () => {
    const ru = words('ru')
    const at = (daysLeft: number) =>
      wordAttention(item('deadline', { stage: 'monitoring', daysLeft, stored: 1 }, '2027-03-02'), ru)
    expect(at(3)).toEqual({ text: 'Срок: ввод данных мониторинга — до 2 марта 2027 г.', note: 'осталось 3 дня' })
    expect(at(1).note).toBe('остался 1 день')
    expect(at(21).note).toBe('остался 21 день')
    expect(at(11).note).toBe('осталось 11 дней')
    expect(at(0).note).toBe('сегодня последний день')
    expect(wordAttention(item('deadline', { stage: 'analysis', daysLeft: 5, stored: 0 }, '2027-03-30'), ru)).toEqual({
      text: 'Срок: анализ результатов — до 30 марта 2027 г.',
      note: 'осталось 5 дней; сроки по умолчанию, кампания не сохранена',
    })
  })

  it('names the direction of children not submitted, and those returned', () => {
    const line = wordAttention(
      item('not_submitted', { plugin: 'deficits', notSubmitted: 3, returned: 1, total: 10 }),
      words('ru'),
    )
    expect(line).toEqual({
      text: '«Профессиональные дефициты»: не отправили данные 3 из 10',
      note: 'возвращено на доработку: 1',
    })
  })

  it('says a share indicator’s gap in people, values in the indicator’s format', () => {
    const detail = {
      indicator: 'deficits.diagnosed_share',
      plugin: 'deficits',
      value: 20,
      target: 30,
      gap: 1,
      gapUnit: 'people',
    }
    const line = wordAttention(item('indicator_not_met', detail), words('ru'))
    expect(plain(line.text)).toBe('«Доля продиагностированных»: 20 % при цели 30 %')
    expect(line.note).toBe('до цели не хватает 1 чел.')
    // Lower is better (pensioners): the gap is people too many, not missing.
    const lower = words('ru')
    lower.indicator = () => ({ kind: 'share', decimals: 1, polarity: 'lower', name: 'Педагоги-пенсионеры' })
    expect(wordAttention(item('indicator_not_met', { ...detail, gap: 5 }), lower).note).toBe(
      'для достижения цели — на 5 чел. меньше',
    )
    const presence = words('ru')
    presence.indicator = () => ({ kind: 'presence', decimals: 0, polarity: 'higher', name: 'Анализ переподготовки' })
    expect(
      wordAttention(item('indicator_not_met', { ...detail, value: 0, target: 1, gap: 1, gapUnit: 'value' }), presence),
    ).toEqual({
      text: '«Анализ переподготовки»: нет, требуется наличие',
      note: null,
    })
    const unknown = wordAttention(item('indicator_not_met', { ...detail, indicator: 'x.y', gap: null }), words('ru'))
    expect(unknown.text).toContain('«x.y»')
    expect(unknown.note).toBeNull()
  })

  it('counts recommendations to acknowledge, and in English', () => {
    expect(wordAttention(item('recommendations_to_acknowledge', { count: 2 }), words('ru')).text).toBe(
      'Рекомендации ждут вашего ознакомления: 2',
    )
    expect(wordAttention(item('recommendations_unacknowledged', { count: 5 }), words('en')).text).toBe(
      'Published recommendations not yet acknowledged: 5',
    )
    expect(
      wordAttention(item('deadline', { stage: 'measures', daysLeft: 1, stored: 1 }, '2027-12-31'), words('en')),
    ).toEqual({ text: 'Deadline: measures — by 31 December 2027', note: '1 day left' })
  })

  it('counts the data-quality flags by reason', () => {
    expect(
      wordAttention(item('data_quality', { total: 7, outlier: 2, jump: 3, missing: 1, late: 1 }), words('ru')),
    ).toEqual({
      text: 'Проверьте данные: замечаний — 7',
      note: 'выбросы: 2, скачки: 3, пропуски: 1, нарушение срока: 1',
    })
  })

  it('words measure reminders: due soon with the days left, overdue for the unit and for a child', () => {
    const ru = words('ru')
    expect(wordAttention(item('measures_due', { count: 2, daysLeft: 3 }, '2026-12-31'), ru)).toEqual({
      text: 'Мероприятия со сроком до 31 декабря 2026 г.: 2',
      note: 'осталось 3 дня',
    })
    expect(wordAttention(item('measures_overdue', { count: 4, orgUnitName: null }), ru).text).toBe(
      'Просрочено мероприятий: 4',
    )
    expect(wordAttention(item('measures_overdue', { count: 1, orgUnitName: 'Школа № 1' }), words('en')).text).toBe(
      'Школа № 1: overdue measures — 1',
    )
  })

  it('words a stage past its deadline with what is missing', () => {
    expect(
      wordAttention(item('deadline_passed', { stage: 'analysis', missing: 3 }, '2026-03-30'), words('ru')),
    ).toEqual({
      text: 'Срок прошёл: анализ результатов — до 30 марта 2026 г.',
      note: 'не опубликованы выводы по направлениям: 3',
    })
  })
})
