import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { connect, migrateToLatest } from '@profmon/db'
import { benchAnalytics, type BenchSize } from './analytics-bench.ts'
import { benchImport } from './import-bench.ts'
import { benchReport } from './report-bench.ts'
import { benchWrite, printVolumes } from './write-bench.ts'

/**
 * `pnpm bench`: reports, never fails on a threshold. Sizes from the foundation issue:
 * 1 region, 60 municipalities, 1,000 organisations, 3 periods, every element of every plugin.
 * PostgreSQL runs when DATABASE_URL is set (a fresh database is created there and dropped).
 */
const size: BenchSize = {
  municipalities: Number(process.env.BENCH_MUNICIPALITIES ?? 60),
  organizations: Number(process.env.BENCH_ORGANIZATIONS ?? 1000),
}

async function onPglite() {
  const handle = await connect({ dataDir: 'memory://' })
  try {
    await migrateToLatest(handle.db)
    await benchReport(handle, await benchAnalytics(handle, size))
    await printVolumes(handle)
    await benchWrite(handle)
    await benchImport(handle)
  } finally {
    await handle.close()
  }
}

async function onPostgres(url: string) {
  const name = `profmon_bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create database ${name}`)
  const target = new URL(url)
  target.pathname = `/${name}`
  const handle = await connect({ url: target.toString() })
  try {
    await migrateToLatest(handle.db)
    await benchReport(handle, await benchAnalytics(handle, size))
    await printVolumes(handle)
    await benchWrite(handle)
    await benchImport(handle)
  } finally {
    await handle.close()
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
}

await onPglite()
if (process.env.DATABASE_URL) await onPostgres(process.env.DATABASE_URL)
else console.log('analytics/postgres: skipped (set DATABASE_URL to a PostgreSQL server to compare there too)')
