import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from '@profmon/db'
import { testEngine } from '@profmon/db/testing'
import { LOGIN_WINDOW_SECONDS } from '../access/login-attempts.ts'
import { SESSION_COOKIE } from '../access/sessions.ts'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing/test-app.ts'

type ErrorBody = { error: { code: string; message: string } }

describe(`sign-in, sessions and passwords on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree

  /** A request as a browser on this site sends it, from a given client address. */
  const send = (
    method: string,
    path: string,
    options: { body?: unknown; cookie?: string; address?: string } = {},
  ): Promise<Response> =>
    Promise.resolve(
      t.app.request(
        path,
        {
          method,
          headers: {
            origin: 'http://localhost',
            'sec-fetch-site': 'same-origin',
            ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(options.cookie ? { cookie: `${SESSION_COOKIE}=${options.cookie}` } : {}),
          },
          ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        },
        // What @hono/node-server passes: the socket the request came on.
        { incoming: { socket: { remoteAddress: options.address ?? '192.0.2.1' } } },
      ),
    )
  const login = async (name: string, password = TEST_PASSWORD, address?: string) => {
    const res = await send('POST', '/api/auth/login', { body: { login: name, password }, address })
    const cookie = /profmon_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]
    return { res, cookie, body: (await res.json()) as unknown }
  }
  const me = async (cookie: string | undefined) => (await send('GET', '/api/auth/me', { cookie })).status

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('mun-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }], 'Анна Петровна')
    await t.createUser('expiring', [{ role: 'analyst', orgUnit: tree.region }])
    await t.createUser('locked', [{ role: 'analyst', orgUnit: tree.region }])
    await t.createUser('changer', [{ role: 'school_operator', orgUnit: tree.schoolA1 }])
  })
  afterAll(() => t.close())

  it('signs in with a session cookie (httpOnly, SameSite=Lax, not Secure over http) and answers like /me', async () => {
    const { res, cookie, body } = await login('mun-a')
    expect(res.status).toBe(200)
    const setCookie = res.headers.get('set-cookie')!
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).toMatch(/Path=\//)
    expect(setCookie).not.toMatch(/Secure/i)
    const expected = {
      id: expect.any(Number),
      login: 'mun-a',
      name: 'Анна Петровна',
      roles: [
        {
          role: 'municipal_coordinator',
          orgUnit: { id: tree.munA, name: 'Алексеевский район', level: 2, path: `/${tree.region}/${tree.munA}/` },
        },
      ],
      regionId: tree.region,
    }
    expect(body).toEqual(expected)
    const again = await send('GET', '/api/auth/me', { cookie })
    expect(await again.json()).toEqual(expected)
    // Only the hash of the cookie's token is stored.
    const stored = await t.deps.db.selectFrom('user_session').select('id').execute()
    expect(stored.map((s) => s.id)).not.toContain(cookie)
  })

  it('marks the cookie Secure when the request came over https', async () => {
    const res = await t.app.request('https://profmon.example/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://profmon.example' },
      body: JSON.stringify({ login: 'mun-a', password: TEST_PASSWORD }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/Secure/)
  })

  it('rotates the session cookie on sign-in: a cookie set beforehand (fixation) is never adopted', async () => {
    const { cookie: first } = await login('mun-a')
    const fixed = 'attacker-chosen-token'
    const res = await send('POST', '/api/auth/login', {
      body: { login: 'mun-a', password: TEST_PASSWORD },
      cookie: fixed,
    })
    expect(res.status).toBe(200)
    const issued = /profmon_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]
    expect(issued).toBeTruthy()
    expect([first, fixed]).not.toContain(issued)
    expect(await me(fixed)).toBe(401)
    expect(await me(issued)).toBe(200)
  })

  it('takes the login in any case, and refuses a wrong password or an unknown login alike', async () => {
    expect((await login('MUN-A')).res.status).toBe(200)
    const wrong = await login('mun-a', 'not-the-password', '192.0.2.50')
    const unknown = await login('nobody', TEST_PASSWORD, '192.0.2.50')
    expect([wrong.res.status, unknown.res.status]).toEqual([401, 401])
    expect(wrong.body).toEqual(unknown.body)
    expect(wrong.body).toMatchObject({ error: { code: 'unauthenticated', message: 'wrong login or password' } })
  })

  it('limits failures per account: the 6th attempt in 15 minutes is a 429 with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login('locked', `wrong-${i}`, `198.51.100.${i}`)).res.status).toBe(401)
    const blocked = await login('locked', TEST_PASSWORD, '198.51.100.99')
    expect(blocked.res.status).toBe(429)
    expect(blocked.body).toMatchObject({ error: { code: 'too_many_attempts' } })
    const retry = Number(blocked.res.headers.get('retry-after'))
    expect(retry).toBeGreaterThan(LOGIN_WINDOW_SECONDS - 60)
    expect(retry).toBeLessThanOrEqual(LOGIN_WINDOW_SECONDS)
    // Another account from the same addresses is not affected.
    expect((await login('mun-a', TEST_PASSWORD, '198.51.100.1')).res.status).toBe(200)
    // When the failures leave the window, the account may sign in again.
    await sql`update login_attempt set at = at - interval '16 minutes' where login = 'locked'`.execute(t.deps.db)
    expect((await login('locked', TEST_PASSWORD, '198.51.100.99')).res.status).toBe(200)
  })

  it('limits failures per address: after 20, any login from there waits; other addresses do not', async () => {
    const address = '203.0.113.7'
    for (let i = 0; i < 20; i++) expect((await login(`guess-${i}`, 'x', address)).res.status).toBe(401)
    const blocked = await login('mun-a', TEST_PASSWORD, address)
    expect(blocked.res.status).toBe(429)
    expect(Number(blocked.res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await login('mun-a', TEST_PASSWORD, '203.0.113.8')).res.status).toBe(200)
  })

  it('ends a session after 12 idle hours or 7 days in all, and slides the idle expiry on use', async () => {
    const db = t.deps.db
    const { cookie: idle } = await login('expiring')
    const { cookie: old } = await login('expiring')
    const { cookie: active } = await login('expiring')
    const age = (cookie: string, set: ReturnType<typeof sql>) =>
      sql`update user_session set ${set} where id = encode(sha256(convert_to(${cookie}, 'UTF8')), 'hex')`.execute(db)
    await age(idle!, sql`last_seen_at = now() - interval '13 hours'`)
    await age(old!, sql`created_at = now() - interval '8 days', last_seen_at = now()`)
    await age(active!, sql`created_at = now() - interval '6 days', last_seen_at = now() - interval '11 hours'`)
    expect(await me(idle)).toBe(401)
    expect(await me(old)).toBe(401)
    expect(await me(active)).toBe(200)
    const seen = await sql<{ idle_seconds: number }>`
      select extract(epoch from now() - last_seen_at)::int as idle_seconds from user_session
      where id = encode(sha256(convert_to(${active!}, 'UTF8')), 'hex')
    `.execute(db)
    expect(seen.rows[0]!.idle_seconds).toBeLessThan(60)
    const expired = await send('GET', '/api/auth/me', { cookie: idle })
    expect(await expired.json()).toMatchObject({ error: { code: 'unauthenticated' } })
  })

  it('signs out: the cookie is cleared and the session is gone from the database', async () => {
    const { cookie } = await login('mun-a')
    const before = await t.deps.db.selectFrom('user_session').select('id').execute()
    const out = await send('POST', '/api/auth/logout', { cookie })
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toMatch(/profmon_session=;.*Max-Age=0/)
    expect(await me(cookie)).toBe(401)
    expect((await t.deps.db.selectFrom('user_session').select('id').execute()).length).toBe(before.length - 1)
  })

  it('changes the password: checks the current one, ends the other sessions, audits without the password', async () => {
    const { cookie: here } = await login('changer')
    const { cookie: elsewhere } = await login('changer')
    const wrong = await send('POST', '/api/auth/password', {
      cookie: here,
      body: { currentPassword: 'nope', newPassword: 'a-new-password' },
    })
    expect(wrong.status).toBe(400)
    expect(((await wrong.json()) as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe(
      'currentPassword',
    )
    const short = await send('POST', '/api/auth/password', {
      cookie: here,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    })
    expect(short.status).toBe(400)
    const changed = await send('POST', '/api/auth/password', {
      cookie: here,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password' },
    })
    expect(changed.status).toBe(204)
    // The session cookie rotates: the one used for the change is worth nothing now, the new one works.
    const rotated = /profmon_session=([^;]+)/.exec(changed.headers.get('set-cookie') ?? '')?.[1]
    expect(rotated).toBeTruthy()
    expect(rotated).not.toBe(here)
    expect(await me(here)).toBe(401)
    expect(await me(rotated)).toBe(200)
    expect(await me(elsewhere)).toBe(401)
    expect((await login('changer', TEST_PASSWORD)).res.status).toBe(401)
    expect((await login('changer', 'a-new-password')).res.status).toBe(200)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'entity', 'org_unit_id', 'old_value', 'new_value'])
      .where('action', '=', 'password_change')
      .execute()
    expect(audit).toEqual([
      {
        actor: 'changer',
        action: 'password_change',
        entity: 'user',
        org_unit_id: tree.schoolA1,
        old_value: null,
        new_value: null,
      },
    ])
  })

  it('stops the sessions of a deactivated user and refuses their sign-in', async () => {
    const id = await t.createUser('leaving', [{ role: 'analyst', orgUnit: tree.munB }])
    const { cookie } = await login('leaving')
    expect(await me(cookie)).toBe(200)
    const res = await t.call('PATCH', `/api/users/${id}`, { active: false })
    expect(res.status).toBe(200)
    expect(await me(cookie)).toBe(401)
    const again = await login('leaving')
    expect(again.res.status).toBe(401)
    expect((again.body as ErrorBody).error.message).toBe('wrong login or password')
  })
})
