import type { Database } from '@profmon/db'
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely'
import type { PoolClient } from 'pg'

/**
 * A kysely instance whose every query runs on one checked-out client, so kysely's inserts and
 * a raw COPY on that client share a transaction. Releasing the client stays with the caller.
 */
export function kyselyOnClient(client: PoolClient): Kysely<Database> {
  const connection = {
    query: (text: string, values: unknown[]) => client.query(text, values),
    release: () => {},
  } as unknown as PostgresPoolClient
  // `options` only feeds query cancellation, which the generator never uses.
  const pool: PostgresPool = { connect: async () => connection, end: async () => {}, options: {} }
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}
