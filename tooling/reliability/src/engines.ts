import pg from 'pg'

/** The PostgreSQL the suite may use (TEST_DATABASE_URL), or undefined: the PostgreSQL runs are skipped. */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL || undefined

/**
 * The engine of this run, as for the rest of the test suite: the embedded PGlite, or PostgreSQL
 * when TEST_DATABASE_URL is set (CI runs the suite once each; nothing runs twice).
 */
export const ENGINE: 'pglite' | 'postgres' = POSTGRES_URL ? 'postgres' : 'pglite'
export const ENGINES: readonly ('pglite' | 'postgres')[] = [ENGINE]

/** How a test of the other engine names itself when skipped. */
export const skippedEngine = (engine: 'pglite' | 'postgres') =>
  engine === 'postgres'
    ? 'postgres (skipped: TEST_DATABASE_URL is not set)'
    : 'pglite (skipped: this run is on PostgreSQL; unset TEST_DATABASE_URL for the embedded engine)'

/**
 * A database of this test's own on the server at TEST_DATABASE_URL, named with `prefix` and the
 * process id so parallel runs never share one; `drop()` removes it (connections closed by force).
 */
export async function ownDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (!POSTGRES_URL) throw new Error('TEST_DATABASE_URL is not set')
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  try {
    await admin.query(`create database "${name}"`)
  } finally {
    await admin.end()
  }
  const url = new URL(POSTGRES_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_URL })
      await c.connect()
      try {
        await c.query(`drop database if exists "${name}" with (force)`)
      } finally {
        await c.end()
      }
    },
  }
}
