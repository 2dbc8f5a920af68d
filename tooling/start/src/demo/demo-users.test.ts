import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import type { createApp } from '@profmon/server'
import { createTestApp, type TestApp } from '@profmon/server/testing'
import { seedDemo } from './seed-demo.ts'

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
    t = await createTestApp({ seed: seedDemo })
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

  it('gives the demo region a teacher registry: school1 sees its staff with names, the analyst without', async () => {
    const db = t.deps.db
    const region = await db.selectFrom('org_unit').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()
    const setting = await db
      .selectFrom('registry_setting')
      .selectAll()
      .where('region_id', '=', region.id)
      .executeTakeFirst()
    // Switched off: the demo's counts stay typed until every school keeps its staff in the registry.
    expect(setting).toMatchObject({ enabled: false, region_admin_read: false })
    const people = await db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(people.n)).toBe(300)
    const me = await t.as('school1').call<{ roles: { orgUnit: { id: number } }[] }>('GET', '/api/auth/me')
    const school = me.body.roles[0]!.orgUnit.id
    const staff = await t
      .as('school1')
      .call<{ personal: boolean; items: { surname?: string }[] }>('GET', `/api/teachers?orgUnit=${school}`)
    expect(staff.body.personal).toBe(true)
    expect(staff.body.items.length).toBeGreaterThan(5)
    expect(staff.body.items.every((p) => typeof p.surname === 'string')).toBe(true)
    const analyst = await t
      .as('analyst')
      .call<{ personal: boolean; items: { surname?: string }[] }>('GET', `/api/teachers?orgUnit=${school}`)
    expect(analyst.body.personal).toBe(false)
    expect(analyst.body.items.some((p) => 'surname' in p)).toBe(false)
  })
})
