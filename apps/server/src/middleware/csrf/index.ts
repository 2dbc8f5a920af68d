import type { MiddlewareHandler } from 'hono'
import { DomainError } from '../../errors.ts'

const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/
// What an HTML form can send without JavaScript; a cross-site fetch of anything else needs a
// CORS preflight, which this server never grants.
const FORM_TYPE = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i

const refuse = (why: string) =>
  new DomainError('forbidden', 'csrf', `cross-site request refused: ${why}`, [{ path: '(request)', message: why }])

/**
 * CSRF protection for cookie-authenticated writes. A state-changing request is refused when
 * the browser says it comes from another site: `Sec-Fetch-Site` other than `same-origin`, or
 * (older browsers) an `Origin` of another host; without either header (a non-browser client)
 * a form content type is refused. Requests with `Authorization: Bearer` carry no ambient
 * credential and are exempt. A same-origin `fetch` passes with nothing extra to send.
 *
 * @example
 * app.use('/api/*', csrf())
 */
export function csrf(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHOD.test(c.req.method) || /^Bearer\s/i.test(c.req.header('authorization') ?? '')) return next()
    const site = c.req.header('sec-fetch-site')
    const origin = c.req.header('origin')
    if (site !== undefined) {
      // Set by the browser and never by a page: the most reliable signal, also behind proxies.
      if (site !== 'same-origin') throw refuse(`Sec-Fetch-Site is ${site}`)
    } else if (origin !== undefined) {
      if (hostOf(origin) !== new URL(c.req.url).host) throw refuse(`Origin ${origin} is not this site`)
    } else if (FORM_TYPE.test(c.req.header('content-type') ?? '')) {
      throw refuse('a form body without Origin')
    }
    return next()
  }
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host
  } catch {
    return undefined // "null" (sandboxed frames, some redirects): never ours
  }
}
