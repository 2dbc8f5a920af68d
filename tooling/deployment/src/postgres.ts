import pg from 'pg'

/** The PostgreSQL server the suite may use (`TEST_DATABASE_URL`); undefined on an embedded-only run. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined

/** `url` with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/** Runs `fn` with a client of the server at `url` (its maintenance database). */
export async function onServer<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') })
  client.on('error', () => {})
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/**
 * A database of the test's own on the server at `url` (`<prefix>_<pid>`, dropped first if a killed
 * run left it behind) and its drop, which first ends whatever is still connected.
 */
export async function scratchDatabase(url: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}`
  await onServer(url, async (c) => {
    await c.query(`drop database if exists ${name} with (force)`)
    await c.query(`create database ${name}`)
  })
  return {
    url: withDatabase(url, name),
    drop: () => onServer(url, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  }
}
