import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { DomainError } from '../../errors.ts'

/** 50,000 values (the batch write's maximum) of ~100 bytes each, with room to spare. */
export const JSON_MAX_BYTES = 10 * 1024 * 1024
/** No request of this API nests deeper than a few levels; 64 is far beyond any of them. */
export const JSON_MAX_DEPTH = 64

/** How deeply arrays and objects nest in a JSON text (strings skipped), stopping past `limit`. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth
      if (max > limit) return max
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return max
}

/**
 * Limits of every JSON request body, before it is parsed: larger than {@link JSON_MAX_BYTES} →
 * 413 (checked while it streams in, whatever Content-Length says); nested deeper than
 * {@link JSON_MAX_DEPTH} → 400, so nothing downstream (validation, jsonb, recursive code) ever
 * walks a hostile million-level array.
 *
 * @example
 * app.use('/api/*', jsonLimits())
 */
export function jsonLimits(maxBytes = JSON_MAX_BYTES, maxDepth = JSON_MAX_DEPTH): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new DomainError(
        'too_large',
        'payload_too_large',
        `the JSON body is larger than ${maxBytes / 1024 / 1024} MB`,
        [{ path: '(body)', message: `at most ${maxBytes / 1024 / 1024} MB` }],
      )
    },
  })
  return async (c, next) => {
    if (!/json/i.test(c.req.header('content-type') ?? '')) return next()
    return limit(c, async () => {
      const text = await c.req.text()
      if (jsonDepth(text, maxDepth) > maxDepth)
        throw new DomainError('invalid', 'json_too_deep', `the JSON body nests deeper than ${maxDepth} levels`, [
          { path: '(body)', message: `at most ${maxDepth} levels of arrays and objects` },
        ])
      // The stream is read: later middleware that streams the body again (a route's own upload
      // limit) gets the same bytes from a fresh request.
      const raw = c.req.raw
      if (raw.method !== 'GET' && raw.method !== 'HEAD')
        c.req.raw = new Request(raw.url, { method: raw.method, headers: raw.headers, body: text, signal: raw.signal })
      await next()
    })
  }
}
