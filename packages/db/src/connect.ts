import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { lockDirectory, LockHeldError, type LockOwner } from './data-dir-lock.ts'
import { ReadReplica, RoutingPool } from './read-replica.ts'
import type { Database } from './schema.ts'

// int8 (count(*), bigserial) as number: our counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))
// Dates as plain 'YYYY-MM-DD' strings: no time zone shifts for deadlines.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v)

export type Engine = 'pglite' | 'postgres'

/** An open database: the kysely instance, the engine behind it and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>
  engine: Engine
  /** The underlying PGlite instance (embedded engine only), e.g. for COPY from a blob. */
  pglite?: PGlite
  /** The pg pool (both engines): always the primary, also when a read replica is configured. */
  pool: pg.Pool
  /** The hot standby for analytics and report reads (`readUrl`); `db` sends queries there inside `onStandby`. */
  readReplica?: ReadReplica
  close(): Promise<void>
}

export interface ConnectOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  url?: string | undefined
  /** A hot standby of `url` for reads (PostgreSQL only). */
  readUrl?: string | undefined
  /** Directory of the embedded database (created if missing); `memory://` for a throw-away one. */
  dataDir?: string | undefined
  /** Pool size for PostgreSQL. */
  poolSize?: number
  /** Start from a dump of an embedded database (PGlite's `dumpDataDir`): `memory://` as a restart would, or a new, empty folder (a restore). */
  loadDataDir?: Blob | undefined
}

/** The embedded database directory is held by another process. */
export class DatabaseLockedError extends Error {
  readonly dataDir: string
  /** The process holding it, as its lock file records. */
  readonly owner: LockOwner | null

  constructor(dataDir: string, owner: LockOwner | null = null) {
    super(
      `The embedded database in ${dataDir} is in use by another profmon process` +
        (owner ? ` (pid ${owner.pid} on ${owner.hostname}, since ${owner.since}). ` : '. ') +
        'Stop that process first, or give this one its own DATA_DIR (or a DATABASE_URL).',
    )
    this.name = 'DatabaseLockedError'
    this.dataDir = dataDir
    this.owner = owner
  }
}

async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  try {
    // PGlite has no lock of its own: two processes on one directory silently lose rows.
    // The lock records its owner, so a restart after a crash takes it over at once.
    return await lockDirectory(dir)
  } catch (e) {
    if (e instanceof LockHeldError) throw new DatabaseLockedError(dir, e.owner)
    throw e
  }
}

function pgPool(connectionString: string, max: number, connectionTimeoutMillis = 5_000): pg.Pool {
  // A request waits at most 5 s for a connection (the default waits forever while PostgreSQL
  // is away). A connection that PostgreSQL drops (a restart) emits 'error' — on the pool when
  // idle, on the client itself while a request holds it — and an 'error' nobody listens to
  // ends the process. The running query fails anyway (the request answers 503), the pool
  // discards the broken client, and the next query connects anew.
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis })
  pool.on('error', () => {})
  pool.on('connect', (client) => client.on('error', () => {}))
  return pool
}

/**
 * Opens the database: PostgreSQL when `url` is given, else the embedded PGlite in `dataDir`
 * (default `./data`), locked against a second process.
 *
 * @example
 * const { db, close } = await connect({ url: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR })
 */
export async function connect(options: ConnectOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = pgPool(options.url, options.poolSize ?? 10)
    if (!options.readUrl) {
      const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
      return { db, engine: 'postgres', pool, close: () => db.destroy() }
    }
    // Reads on the standby are the exception a request opts into; everything else, pg-boss
    // (which gets `pool`) included, stays on the primary.
    // A standby that is away costs a read at most a second before the primary answers it.
    const readReplica = new ReadReplica(pool, pgPool(options.readUrl, options.poolSize ?? 10, 1_000))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new RoutingPool(pool, readReplica) }) })
    return { db, engine: 'postgres', pool, readReplica, close: () => db.destroy() }
  }
  if (options.readUrl)
    throw new Error('a read replica (DATABASE_READ_URL) needs PostgreSQL (DATABASE_URL) as the primary')
  const dataDir = options.dataDir ?? './data'
  const memory = dataDir.startsWith('memory://')
  let unlock: (() => Promise<void>) | undefined
  let location = dataDir
  if (!memory) {
    location = resolve(dataDir)
    await mkdir(location, { recursive: true })
    unlock = await lockDataDir(location)
  }
  try {
    const pglite = await PGlite.create(location, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {})
    const pool = new pg.Pool(createPgConfig(pglite) as pg.PoolConfig)
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return {
      db,
      engine: 'pglite',
      pglite,
      pool,
      async close() {
        await db.destroy()
        await pglite.close()
        await unlock?.()
      },
    }
  } catch (e) {
    await unlock?.()
    throw e
  }
}
