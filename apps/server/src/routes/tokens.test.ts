import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { TOKEN_PREFIX } from '../access/api-tokens.ts'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const P = '2025-26'

describe(`API tokens on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  /** A request with nothing but the token: no cookie, no Origin (a script, not a browser). */
  const bearer = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await t.app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return { status: res.status, body: (await res.json().catch(() => null)) as never }
  }

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('oper-b1', [{ role: 'school_operator', orgUnit: tree.schoolB1 }])
    await t.createUser('oper-a1', [{ role: 'school_operator', orgUnit: tree.schoolA1 }])
  })
  afterAll(() => t.close())

  it("creates a token shown once, acting with its owner's roles and scope, recording its use", async () => {
    const created = await t
      .as('oper-b1')
      .call<{ id: number; name: string; token: string; lastUsedAt: null }>('POST', '/api/tokens', { name: 'выгрузка' })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ name: 'выгрузка', lastUsedAt: null })
    expect(created.body.token.startsWith(TOKEN_PREFIX)).toBe(true)
    const { token, id } = created.body

    const list = await t.as('oper-b1').call<Record<string, unknown>[]>('GET', '/api/tokens')
    expect(list.body).toEqual([{ id, name: 'выгрузка', createdAt: expect.any(String), lastUsedAt: null }])
    expect(JSON.stringify(list.body)).not.toContain(token)
    const stored = await t.deps.db.selectFrom('api_token').select('token_hash').executeTakeFirstOrThrow()
    expect(stored.token_hash).not.toContain(token)

    expect(await bearer(token, 'GET', '/api/auth/me')).toMatchObject({ status: 200, body: { login: 'oper-b1' } })
    // A script writes with the token: no cookie, no Origin, no CSRF check needed.
    const write = await bearer(token, 'POST', '/api/data-values', {
      values: [{ orgUnit: tree.schoolB1, period: P, element: 'core.teachers_total', value: 12 }],
    })
    expect(write.status).toBe(200)
    // The owner's scope holds: another school is out of reach.
    expect((await bearer(token, 'GET', `/api/analytics?orgUnit=${tree.schoolA1}&period=${P}`)).status).toBe(403)
    const used = await t.as('oper-b1').call<{ lastUsedAt: string | null }[]>('GET', '/api/tokens')
    expect(used.body[0]?.lastUsedAt).not.toBeNull()
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor', 'entity'])
      .where('entity', '=', 'data_value')
      .execute()
    expect(audit).toEqual([{ actor: 'oper-b1', entity: 'data_value' }])
  })

  it('revokes a token: it answers 401 from then on; nobody revokes a token of someone else', async () => {
    const { body } = await t.as('oper-b1').call<{ id: number; token: string }>('POST', '/api/tokens', { name: 'old' })
    expect((await bearer(body.token, 'GET', '/api/periods')).status).toBe(200)
    expect((await t.as('oper-a1').call('DELETE', `/api/tokens/${body.id}`)).status).toBe(404)
    expect((await bearer(body.token, 'GET', '/api/periods')).status).toBe(200)
    expect((await t.as('oper-b1').call('DELETE', `/api/tokens/${body.id}`)).status).toBe(204)
    const after = await bearer(body.token, 'GET', '/api/periods')
    expect(after).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } })
    expect((await t.as('oper-b1').call('DELETE', `/api/tokens/${body.id}`)).status).toBe(404)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'org_unit_id'])
      .where('entity', '=', 'api_token')
      .where('entity_key', '=', String(body.id))
      .orderBy('id')
      .execute()
    expect(audit).toEqual([
      { actor: 'oper-b1', action: 'create', org_unit_id: tree.schoolB1 },
      { actor: 'oper-b1', action: 'revoke', org_unit_id: tree.schoolB1 },
    ])
  })

  it('refuses an unknown or malformed token with 401, even with a valid cookie beside it', async () => {
    expect((await bearer('pm_not-a-token', 'GET', '/api/periods')).status).toBe(401)
    const res = await t.app.request('/api/periods', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } })
    expect(res.status).toBe(401)
    const withCookie = await t.as('oper-a1').call('GET', '/api/periods', undefined, { authorization: 'Bearer pm_bad' })
    expect(withCookie.status).toBe(401)
    expect((await t.as('oper-a1').call('GET', '/api/periods')).status).toBe(200)
  })
})
