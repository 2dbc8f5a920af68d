import { describe, expect, it } from 'vitest'
import { formatSnils, normaliseSnils, snilsCheck, validSnils } from './snils.ts'

describe('SNILS check number', () => {
  it('follows the official rule', () => {
    expect(snilsCheck('112233445')).toBe(95)
    expect(validSnils('11223344595')).toBe(true)
    expect(validSnils('11223344596')).toBe(false)
    // Sum 165 → 165 mod 101 = 64.
    expect(validSnils('12345678964')).toBe(true)
    expect(snilsCheck('100000001')).toBe(10)
    // Sums 100 and 101 → 00.
    expect(snilsCheck('900000091')).toBe(0)
    expect(snilsCheck('900000092')).toBe(0)
    // Above 101: the sum mod 101 (405 → 1).
    expect(snilsCheck('999999999')).toBe(1)
    // Numbers up to 001-001-998 carry no check number.
    expect(validSnils('00100199800')).toBe(true)
    expect(validSnils('1122334459')).toBe(false)
  })

  it('reads and writes the usual notation', () => {
    expect(normaliseSnils('112-233-445 95')).toBe('11223344595')
    expect(normaliseSnils('112 233 445 95')).toBe('11223344595')
    expect(normaliseSnils('112-233-445')).toBeUndefined()
    expect(formatSnils('11223344595')).toBe('112-233-445 95')
  })
})
