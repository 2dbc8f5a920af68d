import { sql, type DatabaseHandle } from '@profmon/db'
import { generateRegion, type GenerateOptions } from '@profmon/generator'
import { boot, createApiToken, createApp, createLogger, type AppDeps } from '@profmon/server'
import { REPO_ROOT } from '@profmon/server/config'
import { join } from 'node:path'
import { compare } from './measure.ts'

export interface BenchSize {
  municipalities: number
  organizations: number
}

/** A region's dashboard, ready to request: "all indicators × all municipalities × one period". */
export interface Dashboard {
  deps: AppDeps
  app: ReturnType<typeof createApp>
  token: string
  adminId: number
  regionId: number
  period: string
  /** The endpoint as a client calls it; resolves to the body. */
  request: () => Promise<string>
  /** One hand-written GROUP BY computing the same per-municipality sums from the raw values. */
  groupBy: () => Promise<unknown>
}

/** Boots the server on `handle` (plugins synced, the first admin made). */
export function bootBench(handle: DatabaseHandle): Promise<AppDeps> {
  return boot({ handle, pluginDirs: [join(REPO_ROOT, 'plugins')], log: createLogger('warn') })
}

/** Generates a region and prints its load line (`load<suffix>/<engine>: …`; `null`: no line). */
export async function loadRegion(
  handle: DatabaseHandle,
  deps: AppDeps,
  options: GenerateOptions,
  suffix: string | null = '',
) {
  const generated = await generateRegion(handle, options)
  if (suffix === null) return generated
  console.log(
    `load${suffix}/${handle.engine}: ${generated.values} data values (${generated.organizations} organisations, ` +
      `${generated.municipalities} municipalities, ${generated.periods} periods, ${deps.catalog.elements.size} data elements, ` +
      `${deps.catalog.indicators.size} indicators) in ${Math.round(generated.loadMs)} ms`,
  )
  return generated
}

/** The dashboard of `regionId` in its latest period, through the real endpoint, signed in with an API token. */
export async function dashboardOf(handle: DatabaseHandle, deps: AppDeps, regionId: number): Promise<Dashboard> {
  const app = createApp(deps)
  const admin = await handle.db
    .selectFrom('app_user')
    .select('id')
    .where('login', '=', 'admin')
    .executeTakeFirstOrThrow()
  const { token } = await createApiToken(handle.db, admin.id, 'bench')
  const period = await handle.db
    .selectFrom('period')
    .select(['id', 'code'])
    .orderBy('starts_on', 'desc')
    .executeTakeFirstOrThrow()
  const url = `/api/analytics?orgUnit=${regionId}&period=${period.code}&level=children`
  const request = async () => {
    const res = await app.request(url, { headers: { authorization: `Bearer ${token}` } })
    const body = await res.text()
    if (res.status !== 200) throw new Error(`analytics answered ${res.status}: ${body}`)
    return body
  }
  const elementIds = [...deps.catalog.elements.values()].map((e) => e.id)
  const groupBy = () =>
    sql`
      select case when o.level = 2 then o.id else o.parent_id end as municipality,
             v.element_id, v.option_id, sum(v.value) as total
      from data_value v
      join org_unit o on o.id = v.org_unit_id
      where v.period_id = ${period.id} and o.level >= 2 and v.element_id = any(${elementIds}::int[])
      group by 1, 2, 3
    `.execute(handle.db)
  return { deps, app, token, adminId: admin.id, regionId, period: period.code, request, groupBy }
}

/**
 * analytics/<engine>: "all indicators × all municipalities × one period" through the real
 * endpoint, against one hand-written GROUP BY computing the same per-municipality sums.
 */
export async function benchAnalytics(handle: DatabaseHandle, size: BenchSize): Promise<Dashboard> {
  const deps = await bootBench(handle)
  const generated = await loadRegion(handle, deps, { ...size, seed: 7 })
  const dashboard = await dashboardOf(handle, deps, generated.regionId)
  let body = ''
  await compare(`analytics/${handle.engine}`, async () => (body = await dashboard.request()), dashboard.groupBy, 9)
  console.log(
    `  (${(JSON.parse(body) as { rows: unknown[] }).rows.length} analytics rows, ${(body.length / 1e6).toFixed(1)} MB per request)`,
  )
  await printFirstRead(dashboard)
  return dashboard
}

/**
 * One read of the endpoint right after a write (one value of the region changes by `by`, the
 * triggers carry it up): the write changed the region's analytics version, so no kept answer,
 * parse or formula result can be reused — the first reader's time, in ms.
 */
export async function firstRead(dashboard: Dashboard, by = 1): Promise<number> {
  await nudgeValue(dashboard, by)
  const started = performance.now()
  await dashboard.request()
  return performance.now() - started
}

/** Changes one value of the region by `by` (the triggers carry it up): a new analytics version. */
export async function nudgeValue(dashboard: Pick<Dashboard, 'deps' | 'period' | 'regionId'>, by: number) {
  await sql`
    update data_value set value = value + ${by}
    where (org_unit_id, period_id, element_id, option_id) = (
      select v.org_unit_id, v.period_id, v.element_id, v.option_id from data_value v
      join period p on p.id = v.period_id and p.code = ${dashboard.period}
      where v.region_id = ${dashboard.regionId} and v.value is not null
      order by v.org_unit_id desc, v.element_id limit 1)
  `.execute(dashboard.deps.db)
}

/** Five first reads (see {@link firstRead}), their median printed and returned; the value is restored. */
export async function printFirstRead(dashboard: Dashboard): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < 5; i++) times.push(await firstRead(dashboard))
  await firstRead(dashboard, -5)
  times.sort((a, b) => a - b)
  console.log(`  (first read after a write: ${times[2]!.toFixed(1)} ms, median of 5)`)
  return times[2]!
}
