import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const P = '2025-26'

/**
 * A school operator of municipality A signs in like a browser would, then edits URLs and
 * request bodies to reach a school of municipality B. Every attempt is a 403 and the audit log
 * shows that nothing was written there.
 */
describe(`tried as a new user would, on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  let cookie: string
  /** What the browser sends for a same-origin `fetch` with the session cookie. */
  const browser = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) => {
    const res = await t.app.request(`http://localhost${path}`, {
      method,
      headers: {
        origin: 'http://localhost',
        'sec-fetch-site': 'same-origin',
        cookie,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...extra,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : null) as never }
  }

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    // The coordinator of A gives the new colleague an account, as in real life.
    await t.createUser('mun-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    const created = await t.as('mun-a').call('POST', '/api/users', {
      login: 'petrova',
      name: 'Петрова Ольга',
      password: 'school-one-2025',
      roles: [{ role: 'school_operator', orgUnit: tree.schoolA1 }],
    })
    expect(created.status).toBe(201)
    const login = await t.app.request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'petrova', password: 'school-one-2025' }),
    })
    expect(login.status).toBe(200)
    cookie = login.headers.get('set-cookie')!.split(';')[0]!
  })
  afterAll(() => t.close())

  it('works in her own school', async () => {
    const me = await browser('GET', '/api/auth/me')
    expect(me.body).toMatchObject({ login: 'petrova', regionId: tree.region })
    const roots = await browser('GET', '/api/org-units')
    expect(roots.body).toEqual([expect.objectContaining({ id: tree.schoolA1 })])
    const write = await browser('POST', '/api/data-values', {
      values: [{ orgUnit: tree.schoolA1, period: P, element: 'core.teachers_total', value: 31 }],
    })
    expect(write.status).toBe(200)
    expect((await browser('GET', `/api/data-values?orgUnit=${tree.schoolA1}&period=${P}`)).status).toBe(200)
    expect((await browser('GET', `/api/analytics?orgUnit=${tree.schoolA1}&period=${P}`)).status).toBe(200)
  })

  it("is refused every read of municipality B's school, its municipality and her own municipality", async () => {
    for (const path of [
      `/api/org-units/${tree.schoolB1}`,
      `/api/org-units/${tree.munB}/children`,
      `/api/org-units/${tree.munA}/children`,
      `/api/org-units/${tree.region}`,
      `/api/data-values?orgUnit=${tree.schoolB1}&period=${P}`,
      `/api/data-values?orgUnit=${tree.schoolA2}&period=${P}`,
      `/api/analytics?orgUnit=${tree.schoolB1}&period=${P}`,
      `/api/analytics?orgUnit=${tree.munB}&period=${P}&level=children`,
      `/api/analytics?orgUnit=${tree.munA}&period=${P}&level=children`,
      `/api/analytics?orgUnit=${tree.region}&period=${P}`,
      `/api/audit?orgUnit=${tree.schoolB1}`,
      `/api/targets?orgUnit=${tree.munB}`,
      `/api/users?orgUnit=${tree.schoolA1}`,
    ]) {
      const res = await browser('GET', path)
      expect(res.status, path).toBe(403)
      expect(res.body, path).toMatchObject({ error: { code: 'forbidden' } })
    }
  })

  it("is refused every write to municipality B's school, and nothing is written", async () => {
    const audits = async () => (await t.deps.db.selectFrom('audit_log').select('id').execute()).length
    const before = await audits()
    const attempts: [string, string, unknown][] = [
      [
        'POST',
        '/api/data-values',
        { values: [{ orgUnit: tree.schoolB1, period: P, element: 'core.teachers_total', value: 99 }] },
      ],
      // Her own school first, the foreign one hidden second: the whole batch is refused.
      [
        'POST',
        '/api/data-values',
        {
          values: [
            { orgUnit: tree.schoolA1, period: P, element: 'deficits.diagnosed', value: 5 },
            { orgUnit: tree.schoolB1, period: P, element: 'deficits.diagnosed', value: 5 },
          ],
        },
      ],
      [
        'POST',
        '/api/data-values',
        { values: [{ orgUnit: tree.munA, period: P, element: 'deficits.analysis_done', value: true }] },
      ],
      ['PUT', '/api/targets', { indicator: 'deficits.diagnosed_share', period: P, orgUnit: tree.schoolB1, value: 1 }],
      ['PUT', `/api/regions/${tree.region}/plugins/deficits`, { enabled: false }],
      [
        'POST',
        '/api/users',
        { login: 'helper', name: 'X', roles: [{ role: 'school_operator', orgUnit: tree.schoolB1 }] },
      ],
    ]
    for (const [method, path, body] of attempts) {
      const res = await browser(method, path, body)
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(403)
    }
    const me = await browser('GET', '/api/auth/me')
    const self = (me.body as { id: number }).id
    expect(
      (
        await browser('PUT', `/api/users/${self}/roles`, {
          roles: [{ role: 'school_operator', orgUnit: tree.schoolB1 }],
        })
      ).status,
    ).toBe(403)
    expect(await audits()).toBe(before)
    const foreign = await t.call<{ entries: unknown[] }>('GET', `/api/audit?orgUnit=${tree.munB}`)
    expect(foreign.body.entries).toEqual([])
    const hers = await t.deps.db
      .selectFrom('audit_log')
      .select(['entity', 'org_unit_id'])
      .where('actor', '=', 'petrova')
      .execute()
    expect(hers).toEqual([{ entity: 'data_value', org_unit_id: tree.schoolA1 }])
    const values = await t.deps.db.selectFrom('data_value').select(['org_unit_id', 'value']).execute()
    expect(values).toEqual([{ org_unit_id: tree.schoolA1, value: 31 }])
  })

  it('is protected from a page on another site that uses her cookie', async () => {
    const forged = await browser(
      'POST',
      '/api/data-values',
      { values: [{ orgUnit: tree.schoolA1, period: P, element: 'core.teachers_total', value: 0 }] },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    )
    expect(forged).toMatchObject({ status: 403, body: { error: { code: 'csrf' } } })
    const value = await t.deps.db.selectFrom('data_value').select('value').executeTakeFirstOrThrow()
    expect(value.value).toBe(31)
  })
})
