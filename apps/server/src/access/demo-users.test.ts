import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '@profmon/db'
import { createTestDatabase, testEngine } from '@profmon/db/testing'
import pino from 'pino'
import { createApp } from '../app.ts'
import { boot } from '../boot.ts'
import { createTestApp, pluginFolder, type TestApp } from '../testing/test-app.ts'

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

describe(`demo users on ${testEngine}`, () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ demo: true })
  })
  afterAll(() => t.close())

  it('creates one user per role in the demo region, all with the password "demo"', async () => {
    const db = t.deps.db
    const region = await db.selectFrom('org_unit').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()
    const [mun1, mun2] = await db
      .selectFrom('org_unit')
      .select('id')
      .where('parent_id', '=', region.id)
      .orderBy('id')
      .limit(2)
      .execute()
    const school1 = await db
      .selectFrom('org_unit')
      .select('id')
      .where('parent_id', '=', mun1!.id)
      .where('kind', '=', 'school')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const expected: [string, string, number][] = [
      ['admin', 'platform_admin', region.id],
      ['region', 'region_admin', region.id],
      ['mun1', 'municipal_coordinator', mun1!.id],
      ['mun2', 'municipal_coordinator', mun2!.id],
      ['school1', 'school_operator', school1.id],
      ['analyst', 'analyst', region.id],
    ]
    for (const [login, role, unit] of expected) {
      const res = await signIn(t.app, login, 'demo')
      expect(res.status, login).toBe(200)
      expect(
        res.body.roles.map((r) => [r.role, r.orgUnit?.id]),
        login,
      ).toEqual([[role, unit]])
      expect(res.body.regionId, login).toBe(region.id)
    }
    const users = await db.selectFrom('app_user').select('login').orderBy('id').execute()
    expect(users.map((u) => u.login)).toEqual(expected.map(([login]) => login))
  })
})

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
    app = createApp(await boot({ handle, pluginDirs: [await pluginFolder(['deficits'])], log, demo: false }))
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
    await boot({ handle, pluginDirs: [await pluginFolder(['deficits'])], log, demo: false })
    expect(await handle.db.selectFrom('app_user').select('login').execute()).toEqual([{ login: 'admin' }])
  })
})
