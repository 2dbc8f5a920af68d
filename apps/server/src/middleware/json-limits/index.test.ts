import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../../errors.ts'
import { jsonDepth, jsonLimits } from './index.ts'

const app = new Hono()
  .use('*', jsonLimits(1024, 8))
  .post('/echo', async (c) => c.json(await c.req.json()))
  .onError((e, c) => (e instanceof DomainError ? c.json(e.toJSON(), e.status) : c.text(String(e), 500)))

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request('/echo', { method: 'POST', body, headers })

describe('JSON body limits', () => {
  it('measures nesting, skipping brackets inside strings', () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3)
    expect(jsonDepth('{"a":"[[[[\\"[[["}')).toBe(1)
    expect(jsonDepth('1')).toBe(0)
  })

  it('passes a body within the limits, parsed once for the route', async () => {
    const res = await post(JSON.stringify({ a: [1, { b: 2 }] }))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ a: [1, { b: 2 }] })
  })

  it('leaves the body readable for a route that streams it again through its own limit', async () => {
    const upload = new Hono()
      .use('*', jsonLimits(1024, 8))
      .post('/upload', bodyLimit({ maxSize: 100 }), async (c) => c.json(await c.req.json()))
    const res = await upload.request('/upload', {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ a: 1 })
  })

  it('lets a GET that names a JSON type (and has no body) through', async () => {
    const get = new Hono().use('*', jsonLimits(1024, 8)).get('/ok', (c) => c.text('ok'))
    expect((await get.request('/ok', { headers: { 'content-type': 'application/json' } })).status).toBe(200)
  })

  it('refuses a larger body with 413, with or without Content-Length', async () => {
    const big = JSON.stringify({ a: 'x'.repeat(2000) })
    expect((await post(big)).status).toBe(413)
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big))
        c.close()
      },
    })
    const res = await app.request('/echo', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
  })

  it('refuses deep nesting with 400 before anything parses it', async () => {
    const res = await post('['.repeat(9) + ']'.repeat(9))
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('json_too_deep')
    expect((await post('['.repeat(8) + ']'.repeat(8))).status).toBe(200)
  })
})
