import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { connect, DatabaseLockedError } from './connect.ts'

describe('embedded database directory', () => {
  const dirs: string[] = []
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true })
  })

  it('is created on first start and refused to a second opener while in use', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'profmon-db-'))
    dirs.push(parent)
    const dataDir = join(parent, 'nested', 'data')
    const first = await connect({ dataDir })
    try {
      await expect(connect({ dataDir })).rejects.toThrow(DatabaseLockedError)
      await expect(connect({ dataDir })).rejects.toThrow(/in use by another profmon process/)
    } finally {
      await first.close()
    }
    // Released on close: the next process may open it.
    const second = await connect({ dataDir })
    await second.close()
  })

  it('keeps data across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'profmon-db-'))
    dirs.push(dataDir)
    const a = await connect({ dataDir })
    await a.pool.query('create table t (x int)')
    await a.pool.query('insert into t values (42)')
    await a.close()
    const b = await connect({ dataDir })
    const { rows } = await b.pool.query('select x from t')
    await b.close()
    expect(rows).toEqual([{ x: 42 }])
  })
})
