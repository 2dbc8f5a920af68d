import { describe, expect, it } from 'vitest'
import { connect } from './connect.ts'
import { isLsn, lsnValue } from './read-replica.ts'

describe('WAL positions', () => {
  it('compare as numbers, not as texts', () => {
    expect(lsnValue('0/9') < lsnValue('0/10')).toBe(true)
    expect(lsnValue('1/0') > lsnValue('0/FFFFFFFF')).toBe(true)
    expect(lsnValue('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n)
  })

  it('are recognised only in the form PostgreSQL prints them', () => {
    expect(isLsn('16/B374D848')).toBe(true)
    for (const text of [undefined, '', '16', '16/', '/1', '1/2/3', 'x/1', '123456789/0', "0/0'; drop"])
      expect(isLsn(text)).toBe(false)
    expect(() => lsnValue('nonsense')).toThrow(/not a WAL position/)
  })
})

describe('a read replica', () => {
  it('needs PostgreSQL as the primary', async () => {
    await expect(connect({ dataDir: 'memory://', readUrl: 'postgres://127.0.0.1:1/x' })).rejects.toThrow(
      /DATABASE_READ_URL\) needs PostgreSQL/,
    )
  })
})
