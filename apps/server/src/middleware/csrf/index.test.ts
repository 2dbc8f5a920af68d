import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../../errors.ts'
import { csrf } from './index.ts'

/** A bare app with the middleware and one write route; errors rendered as the server does. */
function app() {
  const a = new Hono()
  a.use('*', csrf())
  a.post('/api/thing', (c) => c.json({ ok: true }))
  a.delete('/api/thing', (c) => c.body(null, 204))
  a.get('/api/thing', (c) => c.json({ ok: true }))
  a.onError((err, c) => (err instanceof DomainError ? c.json(err.toJSON(), err.status) : c.text('boom', 500)))
  return a
}

// A string body without a content type goes out as text/plain, as a browser's would.
const post = (headers: Record<string, string>, method = 'POST') =>
  app().request('http://profmon.test/api/thing', { method, headers, body: method === 'POST' ? '{}' : undefined })

describe('csrf middleware', () => {
  it.each([
    ['a same-origin fetch', { 'sec-fetch-site': 'same-origin', origin: 'http://profmon.test' }],
    [
      'an older browser on this site (Origin only)',
      { origin: 'http://profmon.test', 'content-type': 'application/json' },
    ],
    ['a script sending JSON (no Origin, no Sec-Fetch-Site)', { 'content-type': 'application/json' }],
    ['a Bearer request, whatever its origin', { authorization: 'Bearer pm_x', 'sec-fetch-site': 'cross-site' }],
  ])('lets through %s', async (_name, headers) => {
    expect((await post(headers)).status).toBe(200)
  })

  it.each([
    ['a cross-site page', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
    ['a sibling subdomain', { 'sec-fetch-site': 'same-site', origin: 'http://evil.profmon.test' }],
    ['a foreign Origin without Sec-Fetch-Site', { origin: 'https://evil.example', 'content-type': 'application/json' }],
    ['an opaque Origin', { origin: 'null' }],
    ['a form post without Origin', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['a text/plain post without Origin', { 'content-type': 'text/plain' }],
  ])('refuses %s with 403 csrf', async (_name, headers) => {
    const res = await post(headers)
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: { code: 'csrf' } })
  })

  it('lets through a script deleting without a body (no content type at all)', async () => {
    expect((await post({}, 'DELETE')).status).toBe(204)
  })

  it('checks DELETE as well, and never a GET', async () => {
    expect((await post({ 'sec-fetch-site': 'cross-site' }, 'DELETE')).status).toBe(403)
    const get = await app().request('http://profmon.test/api/thing', { headers: { 'sec-fetch-site': 'cross-site' } })
    expect(get.status).toBe(200)
  })
})
