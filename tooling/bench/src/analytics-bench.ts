import { sql, type DatabaseHandle } from '@profmon/db'
import { generateRegion } from '@profmon/generator'
import { boot, createApiToken, createApp, createLogger } from '@profmon/server'
import { REPO_ROOT } from '@profmon/server/config'
import { join } from 'node:path'
import { compare } from './measure.ts'

export interface BenchSize {
  municipalities: number
  organizations: number
}

/**
 * analytics/<engine>: "all indicators × all municipalities × one period" through the real
 * endpoint, against one hand-written GROUP BY computing the same per-municipality sums.
 */
export async function benchAnalytics(handle: DatabaseHandle, size: BenchSize) {
  const log = createLogger('warn')
  const deps = await boot({ handle, pluginDirs: [join(REPO_ROOT, 'plugins')], log })
  const generated = await generateRegion(handle, { ...size, seed: 7 })
  console.log(
    `load/${handle.engine}: ${generated.values} data values (${generated.organizations} organisations, ` +
      `${generated.municipalities} municipalities, ${generated.periods} periods, ${deps.catalog.elements.size} data elements, ` +
      `${deps.catalog.indicators.size} indicators) in ${Math.round(generated.loadMs)} ms`,
  )
  const app = createApp(deps)
  // The endpoint is measured as a client uses it: signed in (here with the first admin's API token).
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
  const url = `/api/analytics?orgUnit=${generated.regionId}&period=${period.code}&level=children`
  let body = ''
  const ours = async () => {
    const res = await app.request(url, { headers: { authorization: `Bearer ${token}` } })
    body = await res.text()
    if (res.status !== 200) throw new Error(`analytics answered ${res.status}: ${body}`)
  }
  const elementIds = [...deps.catalog.elements.values()].map((e) => e.id)
  const baseline = () =>
    sql`
      select case when o.level = 2 then o.id else o.parent_id end as municipality,
             v.element_id, v.option_id, sum(v.value) as total
      from data_value v
      join org_unit o on o.id = v.org_unit_id
      where v.period_id = ${period.id} and o.level >= 2 and v.element_id = any(${elementIds}::int[])
      group by 1, 2, 3
    `.execute(handle.db)
  await compare(`analytics/${handle.engine}`, ours, baseline, 9)
  console.log(
    `  (${(JSON.parse(body) as { rows: unknown[] }).rows.length} analytics rows, ${(body.length / 1e6).toFixed(1)} MB per request)`,
  )
  return { deps, app, token, adminId: admin.id, regionId: generated.regionId, period: period.code }
}
