import { describe, expect, it } from 'vitest'
import { change, formatValue } from './format.ts'

describe('formatValue', () => {
  it.each([
    [37.6045, { kind: 'share', decimals: 1 }, 'ru', '37,6 %'],
    [37.6045, { kind: 'share', decimals: 1 }, 'en', '37.6 %'],
    [1234.4, { kind: 'count', decimals: 1 }, 'ru', '1 234'],
    [1, { kind: 'presence', decimals: 1 }, 'ru', 'да'],
    [0, { kind: 'presence', decimals: 1 }, 'ru', 'нет'],
    [0, { kind: 'share', decimals: 1 }, 'ru', '0 %'],
    [null, { kind: 'share', decimals: 1 }, 'ru', '—'],
  ] as const)('%s as %j in %s → %s', (value, indicator, locale, text) => {
    expect(formatValue(value, indicator, locale).replace(/\u00a0/g, ' ')).toBe(text)
  })
})

describe('change', () => {
  it('is the difference, or nothing when either side has no data', () => {
    expect(change(25, 19.5)).toBe(5.5)
    expect(change(null, 19.5)).toBeNull()
    expect(change(25, null)).toBeNull()
  })
})
