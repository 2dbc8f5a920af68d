import type { IncomingMessage } from 'node:http'
import type { Context } from 'hono'

/**
 * The client's address as the socket sees it (`unknown` when there is no socket, as under
 * `app.request`). Forwarded headers are not trusted: any client could set them to dodge the
 * per-address login limit.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined
  return env?.incoming?.socket?.remoteAddress ?? 'unknown'
}

/** Whether the request came over https (directly, or as a TLS-terminating proxy reports). */
export function isHttps(c: Context): boolean {
  return (
    new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  )
}
