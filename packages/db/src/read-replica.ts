import { AsyncLocalStorage } from 'node:async_hooks'
import type pg from 'pg'

/** Where the queries of the running async context go: set by {@link ReadReplica.onStandby}. */
const route = new AsyncLocalStorage<'standby' | 'primary'>()

/**
 * What kysely's `PostgresDialect` needs of a pool: inside {@link ReadReplica.onStandby} it hands
 * out connections of the standby, everywhere else those of the primary. So the one kysely
 * instance every route holds sends a request's queries where its context says, and no route
 * needs a second instance. A standby that refuses connections is stood in for by the primary.
 */
export class RoutingPool {
  readonly #primary: pg.Pool
  readonly #replica: ReadReplica

  constructor(primary: pg.Pool, replica: ReadReplica) {
    this.#primary = primary
    this.#replica = replica
  }

  /** The primary's settings (kysely reads them; no control client is offered, so no cancel can hit the wrong server). */
  get options(): object {
    return this.#primary.options
  }

  async connect(): Promise<pg.PoolClient> {
    if (route.getStore() !== 'standby') return this.#primary.connect()
    try {
      return await this.#replica.standby.connect()
    } catch {
      this.#replica.forget()
      return this.#primary.connect()
    }
  }

  async end(): Promise<void> {
    await Promise.all([this.#primary.end(), this.#replica.standby.end()])
  }
}

/** A WAL position (`16/B374D848`) as one number, for comparing. */
export function lsnValue(lsn: string): bigint {
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn)
  if (!m) throw new Error(`not a WAL position: "${lsn}"`)
  return (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`)
}

/** Whether a text is a WAL position as PostgreSQL prints one (a cookie may hold anything). */
export function isLsn(text: string | undefined): text is string {
  return text !== undefined && /^[0-9A-Fa-f]{1,8}\/[0-9A-Fa-f]{1,8}$/.test(text)
}

/**
 * A PostgreSQL hot standby for reads (`DATABASE_READ_URL`), with what read-your-writes needs:
 * the primary's WAL position after a write, and whether the standby has replayed past a given
 * one. A caller whose last write the standby has not replayed yet reads on the primary.
 *
 * @example
 * const lsn = await replica.primaryLsn()                 // right after the user's write
 * if (await replica.replayedPast(lsn)) await replica.onStandby(() => computeAnalytics(db, …))
 */
export class ReadReplica {
  readonly #primary: pg.Pool
  /** The standby's pool. */
  readonly standby: pg.Pool
  /** The furthest replay position seen on the standby: it only grows, so it answers most checks. */
  #replayed = -1n

  constructor(primary: pg.Pool, standby: pg.Pool) {
    this.#primary = primary
    this.standby = standby
  }

  /** Forgets the replay position seen (the standby went away: the next check asks it again). */
  forget(): void {
    this.#replayed = -1n
  }

  /** Runs `fn` with its queries on the standby: reads only (a hot standby refuses writes). */
  onStandby<T>(fn: () => T): T {
    return route.run('standby', fn)
  }

  /** Runs `fn` with its queries on the primary, also inside {@link onStandby} (e.g. a progress write). */
  onPrimary<T>(fn: () => T): T {
    return route.run('primary', fn)
  }

  /** The primary's current WAL position: after a commit, at or past that commit's record. */
  async primaryLsn(): Promise<string> {
    const { rows } = await this.#primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn')
    return rows[0]!.lsn
  }

  /**
   * Whether the standby has replayed the WAL up to `lsn` (so every commit before it is visible
   * there). False when the standby cannot be reached or is not in recovery: then the primary
   * answers, which is never wrong, only busier.
   */
  async replayedPast(lsn: string): Promise<boolean> {
    const wanted = lsnValue(lsn)
    if (this.#replayed >= wanted) return true
    try {
      const { rows } = await this.standby.query<{ lsn: string | null }>('select pg_last_wal_replay_lsn()::text as lsn')
      const now = rows[0]?.lsn
      if (!now) return false
      const replayed = lsnValue(now)
      if (replayed > this.#replayed) this.#replayed = replayed
      return replayed >= wanted
    } catch {
      this.forget()
      return false
    }
  }

  /**
   * Whether the standby has replayed everything the primary had written when asked, waiting up to
   * `waitMs` for it (a job that is about to read much may wait a moment rather than load the primary).
   */
  async caughtUp(waitMs = 0): Promise<boolean> {
    const lsn = await this.primaryLsn()
    const deadline = Date.now() + waitMs
    for (;;) {
      if (await this.replayedPast(lsn)) return true
      if (Date.now() >= deadline) return false
      await new Promise((r) => setTimeout(r, 25))
    }
  }
}
