import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { DatabaseHandle } from '@profmon/db'
import type { PoolClient } from 'pg'
import { from as copyFrom } from 'pg-copy-streams'

const TARGET = 'data_value (org_unit_id, period_id, element_id, option_id, value, region_id)'

/** Loads one chunk of CSV data_value rows (with the region, the partition key, last) with COPY. */
export type CopyChunk = (parts: readonly string[]) => Promise<void>

/**
 * COPY for the engine behind `handle`, on `client` (so it joins the client's transaction):
 * PostgreSQL streams through pg-copy-streams; PGlite reads a blob, because its node-postgres
 * adapter crashes on COPY FROM STDIN.
 */
export function copyValues(handle: DatabaseHandle, client: PoolClient): CopyChunk {
  if (handle.engine === 'pglite') {
    const pglite = handle.pglite
    if (!pglite) throw new Error('a PGlite handle without its PGlite instance')
    // PGlite has a single session: the blob COPY runs inside the transaction `client` opened.
    return async (parts) => {
      await pglite.query(`COPY ${TARGET} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([...parts]) })
    }
  }
  return async (parts) => {
    await pipeline(Readable.from(parts), client.query(copyFrom(`COPY ${TARGET} FROM STDIN WITH (FORMAT csv)`)))
  }
}
