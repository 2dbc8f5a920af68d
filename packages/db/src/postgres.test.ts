import pg from 'pg'
import { describe, expect, it } from 'vitest'

const url = process.env.TEST_DATABASE_URL

describe('PostgreSQL engine', () => {
  // Skipped, visibly, on the embedded-only run; CI runs the whole suite a second time with it.
  it.skipIf(!url)(
    'answers at TEST_DATABASE_URL with version 15 or newer (skipped: TEST_DATABASE_URL not set)',
    async () => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      const { rows } = await client.query<{ server_version_num: string }>('show server_version_num')
      await client.end()
      expect(Number(rows[0]!.server_version_num)).toBeGreaterThanOrEqual(150000)
    },
  )
})
