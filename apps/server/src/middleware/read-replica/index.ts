import type { MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { isLsn, type ReadReplica } from '@profmon/db'
import type { Logger } from '../../logger.ts'
import type { AuthEnv } from '../auth/index.ts'
import { isHttps } from '../auth/client.ts'

/**
 * The cookie that carries the primary's WAL position after the caller's last write. It is a
 * position, not a secret: a client that changes it only reads its own data from the primary
 * (or from a standby that lags), never anyone else's.
 */
export const WRITE_POSITION_COOKIE = 'profmon_wal'

/** The reads that may go to the standby: analytics and what is computed from it. All GET, all read-only. */
const STANDBY_READS = [/^\/api\/analytics$/, /^\/api\/analysis(\/trend|\/export)?$/, /^\/api\/exports\/analytics$/]

const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/

/** Whether a request's queries may be answered by the standby (given the caller's writes are there). */
export function isStandbyRead(method: string, path: string): boolean {
  return (method === 'GET' || method === 'HEAD') && STANDBY_READS.some((r) => r.test(path))
}

/**
 * Read-your-writes over a hot standby (`DATABASE_READ_URL`); without one it does nothing.
 *
 * - After every write (any `/api` request but GET, HEAD, OPTIONS) it records the primary's WAL
 *   position — at or past the write's commit — in a cookie of the caller's session.
 * - An analytics read goes to the standby once the standby has replayed past that position, else
 *   to the primary: the caller sees their own write on the very next read, whichever replica of
 *   the server answers (the position travels with the caller, not in a server's memory). A caller
 *   without the cookie (a personal token in a script) is held to the primary's position at the
 *   time of the read, so it too never reads older than what it has written.
 * - A standby that cannot be reached, or is not in recovery, sends every read to the primary.
 *
 * Runs after `authenticate`, so the session check (which may write) is always on the primary.
 */
export function readYourWrites(replica: ReadReplica | undefined, log: Logger): MiddlewareHandler<AuthEnv> {
  if (!replica) return (_c, next) => next()
  return async (c, next) => {
    if (!SAFE_METHOD.test(c.req.method)) {
      await next()
      try {
        setCookie(c, WRITE_POSITION_COOKIE, await replica.primaryLsn(), {
          httpOnly: true,
          sameSite: 'Lax',
          secure: isHttps(c),
          path: '/',
        })
      } catch (err) {
        // The primary is away: the write failed too, or its answer stands; the next write records one.
        log.warn({ err: String(err) }, 'could not read the WAL position after a write')
      }
      return
    }
    if (!isStandbyRead(c.req.method, c.req.path) || !c.get('user')) return next()
    const recorded = getCookie(c, WRITE_POSITION_COOKIE)
    const position = isLsn(recorded)
      ? recorded
      : c.get('user').via.kind === 'session'
        ? undefined
        : await replica.primaryLsn()
    if (await replica.replayedPast(position ?? '0/0')) return replica.onStandby(next)
    return next()
  }
}
