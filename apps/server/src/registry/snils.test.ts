import { describe, expect, it } from 'vitest'
import { decryptSnils, encryptSnils, pdKeys, snilsHash } from './pd-crypto.ts'
import { formatSnils, normaliseSnils, snilsCheck, validSnils } from './snils.ts'

describe('SNILS', () => {
  it('checks the control number the official way', () => {
    expect(snilsCheck('112233445')).toBe(95)
    expect(validSnils('11223344595')).toBe(true)
    expect(validSnils('11223344596')).toBe(false)
    // Sum 165 → 165 mod 101 = 64.
    expect(validSnils('12345678964')).toBe(true)
    // Sum 100 or 101 → 00.
    expect(snilsCheck('100000001')).toBe(10)
    expect(snilsCheck('900000091')).toBe(0) // 81 + 18 + 1 = 100
    expect(snilsCheck('900000092')).toBe(0) // 81 + 18 + 2 = 101
    // Above 101: the sum mod 101 (405 → 1).
    expect(snilsCheck('999999999')).toBe(1)
    // Numbers up to 001-001-998 carry no control number.
    expect(validSnils('00100199800')).toBe(true)
    expect(normaliseSnils('112-233-445 95')).toBe('11223344595')
    expect(normaliseSnils('112-233-445')).toBeUndefined()
    expect(formatSnils('11223344595')).toBe('112-233-445 95')
  })

  it('encrypts with AES-GCM and hashes with a key from the environment, refusing without one', () => {
    const keys = pdKeys({ PROFMON_PD_KEY: 'ab'.repeat(32) })
    const enc = encryptSnils('11223344595', keys)
    expect(enc).not.toContain('1122')
    expect(encryptSnils('11223344595', keys)).not.toBe(enc)
    expect(decryptSnils(enc, keys)).toBe('11223344595')
    expect(snilsHash('11223344595', keys)).toBe(snilsHash('11223344595', keys))
    const other = pdKeys({ PROFMON_PD_KEY: 'cd'.repeat(32) })
    expect(snilsHash('11223344595', other)).not.toBe(snilsHash('11223344595', keys))
    expect(() => decryptSnils(enc, other)).toThrow()
    expect(() => pdKeys({})).toThrow(/PROFMON_PD_KEY/)
    expect(() => pdKeys({ PROFMON_PD_KEY: 'short' })).toThrow(/32 random bytes/)
    expect(pdKeys({ NODE_ENV: 'test' }).dev).toBe(true)
    expect(pdKeys({ PROFMON_PD_DEV_KEY: '1' }).dev).toBe(true)
  })
})
