import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

type User = {
  id: number
  login: string
  name: string
  active: boolean
  roles: { role: string; orgUnit: { id: number } | null }[]
}
type Created = { user: User; generatedPassword: string | null }
type ErrorBody = { error: { code: string; details: { path: string; message: string }[] } }

describe(`users API on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  const signIn = async (login: string, password: string) =>
    (
      await t.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password }),
      })
    ).status

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('region', [{ role: 'region_admin', orgUnit: tree.region }])
    await t.createUser('mun-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
  })
  afterAll(() => t.close())

  it('lets a coordinator create a school operator of their municipality, with a password shown once', async () => {
    const res = await t.as('mun-a').call<Created>('POST', '/api/users', {
      login: 'Oper.A2',
      name: 'Иванова Мария',
      roles: [{ role: 'school_operator', orgUnit: tree.schoolA2 }],
    })
    expect(res.status).toBe(201)
    expect(res.body.user).toMatchObject({
      login: 'oper.a2',
      name: 'Иванова Мария',
      active: true,
      roles: [{ role: 'school_operator', orgUnit: { id: tree.schoolA2 } }],
    })
    expect(res.body.generatedPassword).toMatch(/^[A-Za-z2-9]{16}$/)
    expect(await signIn('oper.a2', res.body.generatedPassword!)).toBe(200)
    const shown = await t.as('mun-a').call<User>('GET', `/api/users/${res.body.user.id}`)
    expect(JSON.stringify(shown.body)).not.toMatch(/password|argon/)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'entity', 'org_unit_id', 'new_value'])
      .where('entity', 'in', ['user', 'role_assignment'])
      .where('actor', '=', 'mun-a')
      .orderBy('id')
      .execute()
    expect(audit).toEqual([
      {
        actor: 'mun-a',
        action: 'create',
        entity: 'user',
        org_unit_id: tree.schoolA2,
        new_value: { login: 'oper.a2', name: 'Иванова Мария', active: true },
      },
      {
        actor: 'mun-a',
        action: 'grant',
        entity: 'role_assignment',
        org_unit_id: tree.schoolA2,
        new_value: { login: 'oper.a2', role: 'school_operator', orgUnit: tree.schoolA2 },
      },
    ])
  })

  it('refuses a coordinator any other role, another municipality, and a user who is more than a school operator', async () => {
    const give = (role: string, orgUnit: number) =>
      t
        .as('mun-a')
        .call<ErrorBody>('POST', '/api/users', { login: `x-${role}-${orgUnit}`, name: 'X', roles: [{ role, orgUnit }] })
    expect((await give('school_operator', tree.schoolB1)).status).toBe(403)
    expect((await give('analyst', tree.schoolA1)).status).toBe(403)
    expect((await give('municipal_coordinator', tree.munA)).status).toBe(403)
    const both = await t.createUser('two-hats', [
      { role: 'school_operator', orgUnit: tree.schoolA1 },
      { role: 'analyst', orgUnit: tree.region },
    ])
    expect((await t.as('mun-a').call('GET', `/api/users/${both}`)).status).toBe(403)
    expect((await t.as('mun-a').call('PATCH', `/api/users/${both}`, { active: false })).status).toBe(403)
    const mine = await t.as('mun-a').call<User[]>('GET', '/api/users')
    expect(mine.body.map((u) => u.login)).toEqual(['oper.a2'])
    expect((await t.as('region').call<User[]>('GET', '/api/users')).body.map((u) => u.login)).toEqual([
      'mun-a',
      'oper.a2',
      'region',
      'two-hats',
    ])
  })

  it('checks the role against the level of its unit, names bad fields, and refuses a taken login', async () => {
    const wrongLevel = await t.as('region').call<ErrorBody>('POST', '/api/users', {
      login: 'coordinator-of-a-school',
      name: 'X',
      roles: [{ role: 'municipal_coordinator', orgUnit: tree.schoolA1 }],
    })
    expect(wrongLevel.status).toBe(400)
    expect(wrongLevel.body.error.details).toEqual([
      { path: 'roles[0]', message: 'municipal_coordinator is held on a municipality' },
    ])
    const badLogin = await t.as('region').call<ErrorBody>('POST', '/api/users', {
      login: 'имя пользователя',
      name: 'X',
      roles: [{ role: 'analyst', orgUnit: tree.munB }],
    })
    expect(badLogin.body.error.details[0]?.path).toBe('login')
    const taken = await t.as('region').call<ErrorBody>('POST', '/api/users', {
      login: 'MUN-A',
      name: 'X',
      password: 'long-enough-1',
      roles: [{ role: 'analyst', orgUnit: tree.munB }],
    })
    expect(taken.status).toBe(409)
    const weak = await t.as('region').call<ErrorBody>('POST', '/api/users', {
      login: 'weak',
      name: 'X',
      password: 'short',
      roles: [{ role: 'analyst', orgUnit: tree.munB }],
    })
    expect(weak.body.error.details[0]).toEqual({ path: 'password', message: 'at least 8 characters' })
  })

  it('resets a password (ending the sessions), renames, and audits each change without the password', async () => {
    const id = await t.createUser('reset-me', [{ role: 'school_operator', orgUnit: tree.schoolA3 }])
    expect((await t.as('reset-me').call('GET', '/api/auth/me')).status).toBe(200)
    const res = await t.as('mun-a').call<Created>('PATCH', `/api/users/${id}`, {
      name: 'Новое имя',
      generatePassword: true,
    })
    expect(res.status).toBe(200)
    expect(res.body.user.name).toBe('Новое имя')
    expect(await signIn('reset-me', res.body.generatedPassword!)).toBe(200)
    expect((await t.as('reset-me').call('GET', '/api/auth/me')).status).toBe(401)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'old_value', 'new_value'])
      .where('entity', '=', 'user')
      .where('entity_key', '=', String(id))
      .orderBy('id')
      .execute()
    expect(audit).toEqual([
      {
        action: 'update',
        old_value: { login: 'reset-me', name: 'reset-me', active: true },
        new_value: { login: 'reset-me', name: 'Новое имя', active: true },
      },
      { action: 'password_set', old_value: null, new_value: null },
    ])
  })

  it('replaces role assignments within the admin scope, auditing each grant and revoke', async () => {
    const id = await t.createUser('mover', [{ role: 'school_operator', orgUnit: tree.schoolA1 }])
    const moved = await t.as('region').call<User>('PUT', `/api/users/${id}/roles`, {
      roles: [
        { role: 'school_operator', orgUnit: tree.schoolB1 },
        { role: 'analyst', orgUnit: tree.munB },
      ],
    })
    expect(moved.status).toBe(200)
    expect(moved.body.roles.map((r) => [r.role, r.orgUnit?.id])).toEqual([
      ['school_operator', tree.schoolB1],
      ['analyst', tree.munB],
    ])
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'org_unit_id'])
      .where('entity', '=', 'role_assignment')
      .where('entity_key', 'like', `${id}|%`)
      .orderBy('id')
      .execute()
    expect(audit).toEqual([
      { action: 'revoke', org_unit_id: tree.schoolA1 },
      { action: 'grant', org_unit_id: tree.schoolB1 },
      { action: 'grant', org_unit_id: tree.munB },
    ])
    // The coordinator of A lost this user with the move, and cannot take them back.
    const back = await t.as('mun-a').call('PUT', `/api/users/${id}/roles`, {
      roles: [{ role: 'school_operator', orgUnit: tree.schoolA1 }],
    })
    expect(back.status).toBe(403)
    // Nobody makes a platform admin but a platform admin.
    const promote = await t.as('region').call('PUT', `/api/users/${id}/roles`, {
      roles: [{ role: 'platform_admin', orgUnit: null }],
    })
    expect(promote.status).toBe(403)
    expect(
      (await t.call('PUT', `/api/users/${id}/roles`, { roles: [{ role: 'platform_admin', orgUnit: null }] })).status,
    ).toBe(200)
  })

  it('does not let an admin deactivate themselves', async () => {
    const me = await t.as('region').call<{ id: number }>('GET', '/api/auth/me')
    const res = await t.as('region').call<ErrorBody>('PATCH', `/api/users/${me.body.id}`, { active: false })
    expect(res.status).toBe(400)
  })
})
