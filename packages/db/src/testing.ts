import { createHash, randomBytes } from 'node:crypto'
import { readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
export function createTestDatabase(options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  return createScratchDatabase(process.env.TEST_DATABASE_URL, {
    migrate: options.migrate ?? true,
    prefix: 'profmon_test',
    poolSize: 4,
    source: 'TEST_DATABASE_URL',
  })
}

/**
 * A fresh database to throw away (tests, benchmarks): an in-memory PGlite without `url`, else a
 * new database on the PostgreSQL server of `url` (named `<prefix>_…`), dropped on close. `source`
 * names where `url` came from in the error if the server does not answer.
 *
 * @example
 * const handle = await createScratchDatabase(process.env.DATABASE_URL, { migrate: true, prefix: 'profmon_bench', poolSize: 10, source: 'DATABASE_URL' })
 */
export async function createScratchDatabase(
  url: string | undefined,
  options: { migrate: boolean; prefix: string; poolSize: number; source: string },
): Promise<DatabaseHandle> {
  const { migrate } = options
  if (!url) {
    if (!migrate) return connect({ dataDir: 'memory://' })
    return connect({ dataDir: 'memory://', loadDataDir: await migratedTemplate() })
  }
  const name = `${options.prefix}_${Date.now()}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  try {
    await admin.connect()
  } catch (e) {
    throw new Error(`${options.source} is set, but PostgreSQL does not answer there: ${String(e)}`, { cause: e })
  }
  await admin.query(`create database ${name}`)
  await admin.end()
  const target = new URL(url)
  target.pathname = `/${name}`
  const handle = await connect({ url: target.toString(), poolSize: options.poolSize })
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

/**
 * A migrated PGlite data directory as a tarball, made once per set of migrations and shared by
 * every test process through the temp folder: starting the embedded engine from it takes a
 * fraction of creating and migrating one (its initdb alone is over a second), and a suite makes
 * dozens of databases. The file name carries a hash of the migrations' sources and of where the
 * engine was resolved, so a changed migration or another PGlite makes a new one.
 */
async function migratedTemplate(): Promise<Blob> {
  const dir = new URL('./migrations/', import.meta.url)
  // The engine's resolved location names its version (the package manager's store path).
  const hash = createHash('sha256').update(import.meta.resolve('@electric-sql/pglite'))
  for (const name of (await readdir(dir)).sort()) hash.update(name).update(await readFile(new URL(name, dir)))
  const file = join(tmpdir(), `profmon-test-template-${hash.digest('hex').slice(0, 16)}.tar`)
  try {
    return new Blob([await readFile(file)])
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOENT') throw e
  }
  const handle = await connect({ dataDir: 'memory://' })
  try {
    await migrateToLatest(handle.db)
    const dump = await handle.pglite!.dumpDataDir('none')
    // Written aside and renamed: processes making it at the same time never read half a file.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()))
    await rename(partial, file)
    return dump
  } finally {
    await handle.close()
  }
}

/** Which engine the suite runs on, for test names and skip messages. */
export const testEngine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'
