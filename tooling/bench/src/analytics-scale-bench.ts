import type { DatabaseHandle } from '@profmon/db'
import { academicYears } from '@profmon/generator'
import { bootBench, dashboardOf, firstRead, loadRegion, printFirstRead, type Dashboard } from './analytics-bench.ts'
import { compare, median } from './measure.ts'
import { printVolumes } from './write-bench.ts'

/** The size of a large region and how many of them share the tenant bench's database. */
export interface LargeSize {
  municipalities: number
  organizations: number
  periods: number
  tenants: number
}

/**
 * Sizes from issue 17 (3,000 organisations, 60 municipalities, 5 periods; 10 regions), each
 * overridable: `BENCH_LARGE_ORGANIZATIONS`, `BENCH_LARGE_MUNICIPALITIES`, `BENCH_LARGE_PERIODS`,
 * `BENCH_TENANTS` — ten such regions are ~20 million values, more than a small machine loads in
 * a bench run.
 */
export function largeSize(env: NodeJS.ProcessEnv): LargeSize {
  return {
    organizations: Number(env.BENCH_LARGE_ORGANIZATIONS ?? 3000),
    municipalities: Number(env.BENCH_LARGE_MUNICIPALITIES ?? 60),
    periods: Number(env.BENCH_LARGE_PERIODS ?? 5),
    tenants: Number(env.BENCH_TENANTS ?? 10),
  }
}

const options = (size: LargeSize, index: number) => ({
  municipalities: size.municipalities,
  organizations: size.organizations,
  // Academic years up to 2025-26, the latest being the dashboard's.
  periods: academicYears(2026 - size.periods, size.periods),
  // The first region is the same in every database (same seed, same ids): the one measured.
  seed: index === 0 ? 7 : 100 + index,
  regionName: `Регион ${index + 1}`,
})

/**
 * analytics-large/<engine>: the dashboard of one large region against the hand-written GROUP BY,
 * in a database of its own. Returns the dashboard: the tenant bench's "region alone".
 */
export async function benchAnalyticsLarge(handle: DatabaseHandle, size: LargeSize): Promise<Dashboard> {
  const deps = await bootBench(handle)
  const generated = await loadRegion(handle, deps, options(size, 0), '-large')
  const dashboard = await dashboardOf(handle, deps, generated.regionId)
  await compare(`analytics-large/${handle.engine}`, dashboard.request, dashboard.groupBy, 9)
  await printFirstRead(dashboard)
  await printVolumes(handle, 'volume-large')
  return dashboard
}

/**
 * analytics-tenant/<engine>: the same region's dashboard in a database holding `tenants` such
 * regions against that region alone in its own database (goal ≤ 1.2×: other regions' data must
 * not slow a region down — each region's values and aggregates are partitions of their own).
 */
export async function benchAnalyticsTenant(handle: DatabaseHandle, alone: Dashboard, size: LargeSize): Promise<void> {
  const deps = await bootBench(handle)
  let region: number | undefined
  let values = 0
  let loadMs = 0
  for (let i = 0; i < size.tenants; i++) {
    const generated = await loadRegion(handle, deps, options(size, i), i === 0 ? '-tenant' : null)
    region ??= generated.regionId
    values += generated.values
    loadMs += generated.loadMs
  }
  console.log(
    `load-tenant/${handle.engine}: ${size.tenants} regions, ${values} data values in ${Math.round(loadMs)} ms`,
  )
  const dashboard = await dashboardOf(handle, deps, region!)
  if ((await dashboard.request()) !== (await alone.request()))
    throw new Error('analytics-tenant: the region answers differently beside other regions')
  await compare(`analytics-tenant/${handle.engine}`, dashboard.request, alone.request, 9)
  // Right after a write nothing kept can be reused: the computation itself, beside other regions
  // and alone, alternately.
  const beside: number[] = []
  const apart: number[] = []
  for (let i = 0; i < 9; i++) {
    beside.push(await firstRead(dashboard, i % 2 ? -1 : 1))
    apart.push(await firstRead(alone, i % 2 ? -1 : 1))
  }
  console.log(
    `analytics-tenant-first-read/${handle.engine}: ${median(beside).toFixed(1)} ms vs ${median(apart).toFixed(1)} ms, ratio ${(median(beside) / median(apart)).toFixed(2)}`,
  )
  await printVolumes(handle, 'volume-tenant')
}
