import { describe, expect, it } from 'vitest'
import { decryptSnils, encryptSnils, pdKeys, snilsHash } from './pd-crypto.ts'

describe('personal-data crypto', () => {
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
