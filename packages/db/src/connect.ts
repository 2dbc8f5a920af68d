import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import lockfile from 'proper-lockfile'
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
  /** The pg pool (both engines). */
  pool: pg.Pool
  close(): Promise<void>
}

export interface ConnectOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  url?: string | undefined
  /** Directory of the embedded database (created if missing); `memory://` for a throw-away one. */
  dataDir?: string | undefined
  /** Pool size for PostgreSQL. */
  poolSize?: number
  /** `memory://` only: start from a dump of an embedded database (PGlite's `dumpDataDir`), as a restart would. */
  loadDataDir?: Blob | undefined
}

/** The embedded database directory is held by another process. */
export class DatabaseLockedError extends Error {
  readonly dataDir: string

  constructor(dataDir: string) {
    super(
      `The embedded database in ${dataDir} is in use by another profmon process. ` +
        'Stop that process first, or give this one its own DATA_DIR (or a DATABASE_URL).',
    )
    this.name = 'DatabaseLockedError'
    this.dataDir = dataDir
  }
}

async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  try {
    // PGlite has no lock of its own: two processes on one directory silently lose rows.
    // The lock is refreshed while we run and taken over only when stale (process died).
    return await lockfile.lock(dir, { stale: 15_000, update: 5_000, realpath: false })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') throw new DatabaseLockedError(dir)
    throw e
  }
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
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, engine: 'postgres', pool, close: () => db.destroy() }
  }
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
