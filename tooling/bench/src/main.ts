import type { DatabaseHandle } from '@profmon/db'
import { createScratchDatabase } from '@profmon/db/testing'
import { benchAnalytics, type BenchSize } from './analytics-bench.ts'
import { benchAnalyticsLarge, benchAnalyticsTenant, largeSize } from './analytics-scale-bench.ts'
import { benchImport } from './import-bench.ts'
import { benchRegistry, type RegistrySize } from './registry-bench.ts'
import { benchReport } from './report-bench.ts'
import { benchWrite, printVolumes } from './write-bench.ts'

/**
 * `pnpm bench`: reports, never fails on a threshold. Sizes from the foundation issue:
 * 1 region, 60 municipalities, 1,000 organisations, 3 periods, every element of every plugin;
 * the large and tenant benches use issue 17's sizes (see `largeSize` for the variables that
 * shrink them); issue 16's teacher registry has 60,000 people in the first region (`BENCH_PEOPLE`).
 * `BENCH_ONLY=analytics,report,write,import,registry,large,tenant` picks benches.
 * PostgreSQL runs when DATABASE_URL is set (fresh databases are created there and dropped);
 * `BENCH_ENGINES=pglite|postgres` runs only one of the two.
 */
const size: BenchSize = {
  municipalities: Number(process.env.BENCH_MUNICIPALITIES ?? 60),
  organizations: Number(process.env.BENCH_ORGANIZATIONS ?? 1000),
}
const large = largeSize(process.env)
const registrySize: RegistrySize = { people: Number(process.env.BENCH_PEOPLE ?? 60_000) }
const only = new Set((process.env.BENCH_ONLY ?? 'analytics,report,write,import,registry,large,tenant').split(','))

/** A fresh, migrated database of the engine: in-memory PGlite, or a new database on `url`, dropped on close. */
const fresh = (url: string | undefined): Promise<DatabaseHandle> =>
  createScratchDatabase(url, { migrate: true, prefix: 'profmon_bench', poolSize: 10, source: 'DATABASE_URL' })

async function run(url?: string) {
  if (['analytics', 'report', 'write', 'import', 'registry'].some((b) => only.has(b))) {
    const handle = await fresh(url)
    try {
      const dashboard = await benchAnalytics(handle, size)
      if (only.has('report')) await benchReport(handle, dashboard)
      await printVolumes(handle)
      if (only.has('write')) await benchWrite(handle)
      if (only.has('import')) await benchImport(handle)
      // Last on this database: it switches the region's registry on, which the benches above do not expect.
      if (only.has('registry')) await benchRegistry(handle, dashboard, registrySize)
    } finally {
      await handle.close()
    }
  }
  if (only.has('large') || only.has('tenant')) {
    const alone = await fresh(url)
    try {
      const dashboard = await benchAnalyticsLarge(alone, large)
      if (only.has('tenant')) {
        const shared = await fresh(url)
        try {
          await benchAnalyticsTenant(shared, dashboard, large)
        } finally {
          await shared.close()
        }
      }
    } finally {
      await alone.close()
    }
  }
}

// `BENCH_ENGINES=postgres` (or `pglite`) runs one engine: the full tenant sizes are more than the
// embedded engine holds in memory.
const engines = new Set((process.env.BENCH_ENGINES ?? 'pglite,postgres').split(','))
if (engines.has('pglite')) await run()
if (!engines.has('postgres')) console.log('analytics/postgres: skipped (BENCH_ENGINES leaves it out)')
else if (process.env.DATABASE_URL) await run(process.env.DATABASE_URL)
else console.log('analytics/postgres: skipped (set DATABASE_URL to a PostgreSQL server to compare there too)')
