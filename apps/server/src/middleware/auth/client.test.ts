import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../config.ts'
import { clientAddress } from './client.ts'

const addressOf = async (trusted: number, forwardedFor?: string) => {
  const app = new Hono().get('/', (c) => c.text(clientAddress(c, trusted)))
  const res = await app.request(
    '/',
    { headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } },
    { incoming: { socket: { remoteAddress: '10.0.0.2' } } },
  )
  return res.text()
}

describe('client address', () => {
  it('is the socket by default, whatever X-Forwarded-For says', async () => {
    expect(await addressOf(0, '203.0.113.7')).toBe('10.0.0.2')
    expect(await addressOf(0)).toBe('10.0.0.2')
  })

  it('behind trusted proxies, is what the outermost trusted one saw; a forged header does not help', async () => {
    // One proxy (10.0.0.2) appended the client's real address.
    expect(await addressOf(1, '203.0.113.7')).toBe('203.0.113.7')
    // The client forged "6.6.6.6"; the proxy appended the real one after it.
    expect(await addressOf(1, '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7')
    // Two proxies: the outer one saw the client, the inner one (10.0.0.5) is in the header too.
    expect(await addressOf(2, '6.6.6.6, 203.0.113.7, 10.0.0.5')).toBe('203.0.113.7')
    // No header (a direct connection to the app): the socket.
    expect(await addressOf(1)).toBe('10.0.0.2')
  })

  it('TRUST_PROXY is a count of proxies', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(loadConfig({}).trustProxy).toBe(0)
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/)
  })
})
