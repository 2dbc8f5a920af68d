import pg from 'pg'

/** The PostgreSQL the suite may use (TEST_DATABASE_URL), or undefined: the PostgreSQL runs are skipped. */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL || undefined

/** The engines to run on: always the embedded one, PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINES = (['pglite', 'postgres'] as const).filter((e) => e === 'pglite' || POSTGRES_URL)

/** How a skipped PostgreSQL run names itself. */
export const POSTGRES_SKIPPED = 'postgres (skipped: TEST_DATABASE_URL is not set)'

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
