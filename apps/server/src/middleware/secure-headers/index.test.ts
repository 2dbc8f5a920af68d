import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { secureHeaders } from './index.ts'

describe('secure headers middleware', () => {
  it('sends a same-origin CSP, nosniff, a referrer policy and no framing', async () => {
    const app = new Hono()
    app.use('*', secureHeaders())
    app.get('/', (c) => c.text('ok'))
    const res = await app.request('/')
    const csp = res.headers.get('content-security-policy')!
    expect(csp.split('; ')).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "frame-ancestors 'none'",
      ]),
    )
    expect(csp).not.toContain('unsafe-eval')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('same-origin')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
  })
})
