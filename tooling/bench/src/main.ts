import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { connect, migrateToLatest, type DatabaseHandle } from '@profmon/db'
import { benchAnalytics, type BenchSize } from './analytics-bench.ts'
import { benchImport } from './import-bench.ts'
import { benchRegistry, type RegistrySize } from './registry-bench.ts'
import { benchReport } from './report-bench.ts'
import { benchWrite, printVolumes } from './write-bench.ts'

/**
 * `pnpm bench`: reports, never fails on a threshold. Sizes from the foundation issue:
 * 1 region, 60 municipalities, 1,000 organisations, 3 periods, every element of every plugin;
 * and from issue 16: a teacher registry of 60,000 people in that region.
 * PostgreSQL runs when DATABASE_URL is set (a fresh database is created there and dropped).
 * `BENCH_ONLY=registry` (a comma-separated list of report, write, import, registry) runs only
 * those after the analytics bench, which every other one builds on.
 */
const size: BenchSize = {
  municipalities: Number(process.env.BENCH_MUNICIPALITIES ?? 60),
  organizations: Number(process.env.BENCH_ORGANIZATIONS ?? 1000),
}
const registrySize: RegistrySize = { people: Number(process.env.BENCH_PEOPLE ?? 60_000) }
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined
const runs = (name: string) => !only || only.has(name)

async function benchAll(handle: DatabaseHandle) {
  await migrateToLatest(handle.db)
  const setup = await benchAnalytics(handle, size)
  if (runs('report')) await benchReport(handle, setup)
  await printVolumes(handle)
  if (runs('write')) await benchWrite(handle)
  if (runs('import')) await benchImport(handle)
  // Last: it switches the region's registry on, which the benches above do not expect.
  if (runs('registry')) await benchRegistry(handle, setup, registrySize)
}

async function onPglite() {
  const handle = await connect({ dataDir: 'memory://' })
  try {
    await benchAll(handle)
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
    await benchAll(handle)
  } finally {
    await handle.close()
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
}

await onPglite()
if (process.env.DATABASE_URL) await onPostgres(process.env.DATABASE_URL)
else console.log('analytics/postgres: skipped (set DATABASE_URL to a PostgreSQL server to compare there too)')
