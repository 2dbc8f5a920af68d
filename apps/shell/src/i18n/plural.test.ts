import { describe, expect, it } from 'vitest'
import { i18n, russianPluralIndex } from './index.ts'

describe('Russian plural forms', () => {
  it('picks one, few or many as Russian grammar does', () => {
    const forms = ['год', 'года', 'лет']
    const of = (n: number) => forms[russianPluralIndex(n, 3)]
    expect([1, 21, 101].map(of)).toEqual(['год', 'год', 'год'])
    expect([2, 3, 4, 22, 34].map(of)).toEqual(['года', 'года', 'года', 'года', 'года'])
    expect([0, 5, 11, 12, 14, 25, 29, 100].map(of)).toEqual(['лет', 'лет', 'лет', 'лет', 'лет', 'лет', 'лет', 'лет'])
    expect(of(1.5)).toBe('года')
  })
  it('is the rule the shell translates with', () => {
    i18n.global.mergeLocaleMessage('ru', { test: { years: '{n} год | {n} года | {n} лет' } })
    const t = (n: number) => i18n.global.t('test.years', { n }, n)
    expect([1, 4, 29].map(t)).toEqual(['1 год', '4 года', '29 лет'])
  })
})
