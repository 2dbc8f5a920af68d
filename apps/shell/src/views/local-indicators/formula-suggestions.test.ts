import { describe, expect, it } from 'vitest'
import { suggest, wordBefore, type ElementOption } from './formula-suggestions.ts'

const elements: ElementOption[] = [
  { code: 'core.teachers_total', title: { ru: 'Количество педагогических работников' }, dimension: null },
  { code: 'core.teachers_total', title: { ru: 'Количество педагогических работников' }, dimension: 'subject' },
  { code: 'deficits.diagnosed', title: { ru: 'Количество педагогов, прошедших диагностику' }, dimension: null },
  { code: 'mentoring.pairs', title: { ru: 'Педагогические пары', en: 'Mentoring pairs' }, dimension: null },
]

describe('formula suggestions', () => {
  it('takes the word before the caret, not inside a reference', () => {
    expect(wordBefore('#{a.b} / педаг', 14)).toEqual({ word: 'педаг', start: 9 })
    expect(wordBefore('#{deficits.dia', 14)).toBeNull()
    expect(wordBefore('#{a.b} + ', 9)).toBeNull()
  })

  it('offers titles starting with the word first, then containing it, ties by code', () => {
    expect(suggest('педаг', elements, 'ru').map((s) => s.insert)).toEqual([
      '#{mentoring.pairs}',
      // «педагогических» sorts before «педагогов» (и < о)
      '#{core.teachers_total}',
      '#{core.teachers_total}',
      '#{deficits.diagnosed}',
    ])
  })

  it('matches codes and English titles, offers functions, and waits for two letters', () => {
    expect(suggest('diagn', elements, 'ru').map((s) => s.detail)).toEqual(['deficits.diagnosed'])
    expect(suggest('pairs', elements, 'en').map((s) => s.label)).toEqual(['Mentoring pairs'])
    expect(suggest('su', elements, 'ru')).toEqual([{ kind: 'function', label: 'sum(…)', detail: '', insert: 'sum(' }])
    expect(suggest('п', elements, 'ru')).toEqual([])
  })
})
