import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '@profmon/db'
import { createTestDatabase, testEngine } from '@profmon/db/testing'
import pino from 'pino'
import { createApp } from '../app.ts'
import { boot } from '../boot.ts'
import { pluginFolder } from '../testing/test-app.ts'

const signIn = async (app: ReturnType<typeof createApp>, login: string, password: string) => {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  })
  return {
    status: res.status,
    body: (await res.json()) as { roles: { role: string; orgUnit: { id: number } | null }[]; regionId: number | null },
  }
}

describe(`first start without the demo on ${testEngine}`, () => {
  let handle: DatabaseHandle
  const lines: { msg: string; login?: string; password?: string; level: number }[] = []
  let app: ReturnType<typeof createApp>
  beforeAll(async () => {
    handle = await createTestDatabase()
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(JSON.parse(String(chunk)))
          done()
        },
      }),
    )
    app = createApp(await boot({ handle, pluginDirs: [await pluginFolder(['deficits'])], log }))
  })
  afterAll(() => handle.close())

  it('creates only a platform admin "admin" bound to no region, its generated password printed once', async () => {
    const printed = lines.filter((l) => l.password)
    expect(printed).toHaveLength(1)
    expect(printed[0]).toMatchObject({ login: 'admin', level: 40 })
    expect(printed[0]!.msg).toContain(printed[0]!.password)
    const res = await signIn(app, 'admin', printed[0]!.password!)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ roles: [{ role: 'platform_admin', orgUnit: null }], regionId: null })
    expect(await handle.db.selectFrom('app_user').select('login').execute()).toEqual([{ login: 'admin' }])
  })

  it('creates nobody on the next start', async () => {
    const log = pino({ level: 'silent' })
    await boot({ handle, pluginDirs: [await pluginFolder(['deficits'])], log })
    expect(await handle.db.selectFrom('app_user').select('login').execute()).toEqual([{ login: 'admin' }])
  })
})
