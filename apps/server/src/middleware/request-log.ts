import type { MiddlewareHandler } from 'hono'
import type { Logger } from '../logger.ts'

/** One structured log line per request: method, path, status, duration. */
export function requestLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    await next()
    const ms = Math.round((performance.now() - started) * 10) / 10
    const level = c.res.status >= 500 ? 'error' : c.res.status >= 400 ? 'warn' : 'debug'
    log[level]({ method: c.req.method, path: c.req.path, status: c.res.status, ms }, 'request')
  }
}
