import type { IncomingMessage } from 'node:http'
import type { Context } from 'hono'

/**
 * The client's address (`unknown` when there is no socket, as under `app.request`). By default the
 * socket's: forwarded headers are not trusted, since any client could set them to dodge the
 * per-address login limit. Behind `trustedProxies` reverse proxies (TRUST_PROXY), it is the address
 * the outermost trusted proxy saw: counted from the right of `X-Forwarded-For` + the socket, so
 * whatever a client wrote into the header itself is skipped.
 *
 * @example
 * // one proxy; the client sent "X-Forwarded-For: 6.6.6.6", the proxy appended the real 203.0.113.7
 * clientAddress(c, 1) // '203.0.113.7'
 */
export function clientAddress(c: Context, trustedProxies = 0): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined
  const socket = env?.incoming?.socket?.remoteAddress ?? 'unknown'
  if (trustedProxies <= 0) return socket
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
  const chain = [...forwarded, socket]
  return chain[Math.max(0, chain.length - 1 - trustedProxies)]!
}

/** Whether the request came over https (directly, or as a TLS-terminating proxy reports). */
export function isHttps(c: Context): boolean {
  return (
    new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  )
}
