/**
 * `pnpm restore <file>`: a backup of `pnpm backup` into an empty database — the PostgreSQL of
 * `DATABASE_URL` (a `pg_dump -Fc` file, through `pg_restore`) or a new `DATA_DIR` (a dump of the
 * embedded database). Refuses a database that already has tables, and a data folder that is not
 * empty: a restore never mixes with or overwrites data. Start the server on it afterwards
 * (migrations bring an older backup up to date).
 */
import { spawnSync } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { connect, sql } from '@profmon/db'
import { loadConfig } from '../config.ts'

const config = loadConfig()
const source = process.argv[2]
if (!source) {
  console.error('usage: pnpm restore <backup file>')
  process.exit(2)
}
const file = resolve(source)
const bytes = await readFile(file)
const isPgDump = bytes.subarray(0, 5).toString('latin1') === 'PGDMP'

if (isPgDump) {
  if (!config.databaseUrl) {
    console.error('a PostgreSQL backup: set DATABASE_URL to the empty database to restore it into')
    process.exit(2)
  }
  const target = await connect({ url: config.databaseUrl, poolSize: 1 })
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')
  `.execute(target.db)
  await target.close()
  if (rows[0]!.n > 0) {
    console.error(`the database of DATABASE_URL is not empty (${rows[0]!.n} tables): restore into a new one`)
    process.exit(1)
  }
  const run = spawnSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${config.databaseUrl}`, file], {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (run.error || run.status !== 0) {
    console.error(
      run.error ? `pg_restore could not run: ${run.error.message}` : `pg_restore failed (exit ${run.status})`,
    )
    process.exit(1)
  }
} else {
  if (config.databaseUrl) {
    console.error('a backup of the embedded database: unset DATABASE_URL and set DATA_DIR to a new folder')
    process.exit(2)
  }
  const present = await readdir(config.dataDir).catch(() => [])
  if (present.length) {
    console.error(`${config.dataDir} is not empty: restore into a new DATA_DIR`)
    process.exit(1)
  }
  const handle = await connect({ dataDir: config.dataDir, loadDataDir: new Blob([bytes]) })
  await handle.close()
}
console.log(`restored ${file} into ${isPgDump ? 'the PostgreSQL database' : config.dataDir}`)
