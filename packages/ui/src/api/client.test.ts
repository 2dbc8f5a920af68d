import { afterEach, describe, expect, it, vi } from 'vitest'
import { del, get, hrefOf, post } from './client.ts'
import { ApiRequestError, onUnauthorized } from './errors.ts'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** Stubs fetch with the given answers and records what was sent. */
function answer(...responses: Response[]) {
  const sent: { method: string; url: string; headers: Headers; body: unknown }[] = []
  vi.stubGlobal('fetch', async (request: Request) => {
    const text = await request.text()
    sent.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    })
    return responses.shift() ?? json(500, {})
  })
  return sent
}

afterEach(() => {
  vi.unstubAllGlobals()
  onUnauthorized(() => undefined)
})

describe('apiClient', () => {
  it('sends JSON and repeats array query values', async () => {
    const sent = answer(json(200, { rows: [] }), json(200, { id: 1 }))
    await get('/api/analytics', { params: { query: { orgUnit: 5, period: ['2024-25', '2025-26'], indicator: [] } } })
    await post('/api/auth/login', { body: { login: 'mun1', password: 'demo' } })
    expect(new URL(sent[0]!.url).pathname + new URL(sent[0]!.url).search).toBe(
      '/api/analytics?orgUnit=5&period=2024-25&period=2025-26',
    )
    expect(sent[0]!.headers.get('accept')).toBe('application/json')
    expect(sent[1]).toMatchObject({ method: 'POST', body: { login: 'mun1', password: 'demo' } })
    expect(sent[1]!.headers.get('content-type')).toBe('application/json')
  })

  it('fills path parameters and answers nothing for a 204', async () => {
    const sent = answer(new Response(null, { status: 204 }))
    expect(await del('/api/tokens/{id}', { params: { path: { id: 3 } } })).toBeUndefined()
    expect(sent[0]).toMatchObject({ method: 'DELETE' })
    expect(new URL(sent[0]!.url).pathname).toBe('/api/tokens/3')
  })

  it('throws the error answer as ApiRequestError with code, message and details', async () => {
    const details = [{ path: 'values[0]', message: 'changed', current: { value: 1, version: 4 } }]
    answer(json(409, { error: { code: 'conflict', message: 'changed meanwhile', details } }))
    const err = await post('/api/data-values', { body: { values: [] } }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiRequestError)
    expect(err).toMatchObject({ status: 409, code: 'conflict', message: 'changed meanwhile', details })
  })

  it('names the status when the error answer is not JSON', async () => {
    answer(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }))
    await expect(get('/api/periods')).rejects.toMatchObject({
      status: 502,
      code: 'http_error',
      message: '502 Bad Gateway',
    })
  })

  it('calls the 401 handler, except for the sign-in routes', async () => {
    const handler = vi.fn()
    onUnauthorized(handler)
    const expired = { error: { code: 'unauthorized', message: 'sign in', details: [] } }
    answer(json(401, expired), json(401, expired))
    await expect(get('/api/periods')).rejects.toBeInstanceOf(ApiRequestError)
    expect(handler).toHaveBeenCalledTimes(1)
    await expect(post('/api/auth/login', { body: { login: 'x', password: 'y' } })).rejects.toMatchObject({
      status: 401,
    })
    expect(handler).toHaveBeenCalledTimes(1)
  })
})

describe('hrefOf', () => {
  it('links a download with its query', () => {
    expect(hrefOf('/api/exports/values', { orgUnit: 5, period: '2025-26', plugin: 'deficits' })).toBe(
      '/api/exports/values?orgUnit=5&period=2025-26&plugin=deficits',
    )
  })
})
