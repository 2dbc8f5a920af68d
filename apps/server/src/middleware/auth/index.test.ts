import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { createTestApp, type TestApp } from '../../testing/test-app.ts'
import { isPublic } from './index.ts'

describe(`authentication middleware on ${testEngine}`, () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('opens only sign-in, health and the API docs without a session', () => {
    expect(isPublic('POST', '/api/auth/login')).toBe(true)
    expect(isPublic('GET', '/api/health')).toBe(true)
    expect(isPublic('GET', '/api/openapi.json')).toBe(true)
    expect(isPublic('GET', '/api/docs')).toBe(true)
    expect(isPublic('GET', '/api/docs/swagger-ui-bundle.js')).toBe(true)
    expect(isPublic('GET', '/api/auth/login')).toBe(false)
    expect(isPublic('POST', '/api/health')).toBe(false)
    expect(isPublic('GET', '/api/docsx')).toBe(false)
    expect(isPublic('GET', '/api/periods')).toBe(false)
  })

  it('answers a protected route without credentials with a JSON 401', async () => {
    const res = await t.anonymous.call('GET', '/api/periods')
    expect(res.status).toBe(401)
    expect(res.body).toEqual({
      error: { code: 'unauthenticated', message: expect.stringContaining('sign in'), details: [] },
    })
    // Unknown /api paths too: nothing about the API is told before signing in.
    expect((await t.anonymous.call('GET', '/api/nothing-here')).status).toBe(401)
  })

  it('serves health, the OpenAPI document and the docs page assets without a session', async () => {
    for (const path of [
      '/api/health',
      '/api/openapi.json',
      '/api/docs',
      '/api/docs/init.js',
      '/api/docs/swagger-ui.css',
    ])
      expect((await t.app.request(path)).status, path).toBe(200)
  })

  it('ignores a stale cookie on public routes, so a signed-out browser can sign in again', async () => {
    const headers = { cookie: 'profmon_session=stale', 'content-type': 'application/json' }
    expect((await t.app.request('/api/health', { headers })).status).toBe(200)
    const login = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers,
      body: JSON.stringify({ login: 'nobody', password: 'x' }),
    })
    expect(login.status).toBe(401)
    expect(await login.json()).toMatchObject({ error: { message: 'wrong login or password' } })
    expect((await t.app.request('/api/periods', { headers })).status).toBe(401)
  })

  it('puts the security headers on API answers and errors alike', async () => {
    for (const res of [await t.app.request('/api/health'), await t.app.request('/api/periods')]) {
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })
})
