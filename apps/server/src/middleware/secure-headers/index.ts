import type { MiddlewareHandler } from 'hono'
import { secureHeaders as honoSecureHeaders } from 'hono/secure-headers'

/**
 * Security headers on every response (Hono's `secureHeaders`). The CSP allows only this
 * origin: the shell, the plugin remotes under `/plugins/<id>/` and their chunks, the docs page's
 * self-hosted Swagger UI. Inline styles stay allowed: the UI kit and Swagger UI set them at
 * runtime; inline scripts and `eval` do not.
 *
 * @example
 * app.use('*', secureHeaders())
 */
export function secureHeaders(): MiddlewareHandler {
  return honoSecureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
  })
}
