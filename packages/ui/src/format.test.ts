import { describe, expect, it } from 'vitest'
import { change, formatDate, formatValue } from './format.ts'

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

describe('formatDate', () => {
  it.each([
    ['2027-03-02', 'long', 'ru', '2 марта 2027 г.'],
    ['2027-03-02', 'short', 'ru', '02.03.2027'],
    ['2026-01-20', 'long', 'ru', '20 января 2026 г.'],
    ['2027-03-02', 'long', 'en', '2 March 2027'],
    ['2027-03-02', 'short', 'en', '02/03/2027'],
  ] as const)('%s as %s in %s → %s', (iso, style, locale, text) => {
    expect(formatDate(iso, style, locale)).toBe(text)
  })

  it('shows a timestamp with its time in the reader’s zone', () => {
    // A local time (no zone in the string) reads back the same in any zone the tests run in.
    expect(formatDate('2027-03-02T14:05:00', 'datetime', 'ru')).toBe('02.03.2027, 14:05')
    expect(formatDate('2027-03-02T14:05:00', 'long', 'ru')).toBe('2 марта 2027 г.')
  })

  it('keeps a calendar day the same day whatever the zone', () => {
    const day = formatDate('2027-12-31', 'short', 'ru')
    expect(day).toBe('31.12.2027')
  })

  it('gives the fallback for nothing or garbage, never "Invalid Date"', () => {
    expect(formatDate(null, 'long', 'ru')).toBe('—')
    expect(formatDate(undefined, 'short', 'ru', 'никогда')).toBe('никогда')
    expect(formatDate('not a date', 'short', 'ru')).toBe('—')
  })
})
