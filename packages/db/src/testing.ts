import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { connect, type DatabaseHandle } from './connect.ts'
import { migrateToLatest } from './migrate.ts'

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or — when
 * `TEST_DATABASE_URL` is set — a new database on that PostgreSQL server, dropped on close.
 * `{ migrate: false }` leaves it empty (a migration's own test brings it to the version before).
 *
 * @example
 * const handle = await createTestDatabase()
 * afterAll(() => handle.close())
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL
  const migrate = options.migrate ?? true
  if (!url) {
    const handle = await connect({ dataDir: 'memory://' })
    if (migrate) await migrateToLatest(handle.db)
    return handle
  }
  const name = `profmon_test_${Date.now()}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  try {
    await admin.connect()
  } catch (e) {
    throw new Error(`TEST_DATABASE_URL is set, but PostgreSQL does not answer there: ${String(e)}`, { cause: e })
  }
  await admin.query(`create database ${name}`)
  await admin.end()
  const target = new URL(url)
  target.pathname = `/${name}`
  const handle = await connect({ url: target.toString(), poolSize: 4 })
  if (migrate) await migrateToLatest(handle.db)
  return {
    ...handle,
    async close() {
      await handle.close()
      const cleanup = new pg.Client({ connectionString: url })
      await cleanup.connect()
      try {
        // The pool's connections finish closing after end() resolves. Wait for them: forcing the
        // drop would kill a backend whose FATAL then reaches a client nobody listens to any more.
        for (let attempt = 1; ; attempt++) {
          try {
            await cleanup.query(`drop database if exists ${name}`)
            break
          } catch (e) {
            if ((e as { code?: string }).code !== '55006' || attempt === 50) {
              await cleanup.query(`drop database if exists ${name} with (force)`)
              break
            }
            await new Promise((r) => setTimeout(r, 100))
          }
        }
      } finally {
        await cleanup.end()
      }
    },
  }
}

/** Which engine the suite runs on, for test names and skip messages. */
export const testEngine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'
