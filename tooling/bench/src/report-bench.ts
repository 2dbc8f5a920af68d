import type { DatabaseHandle } from '@profmon/db'
import { forgetDrawnCharts, produceReport, scopeOf } from '@profmon/server'
import { nudgeValue, type Dashboard } from './analytics-bench.ts'
import { compare } from './measure.ts'

/**
 * report/<engine>: the region's full DOCX report (every direction, the children's comparison and
 * the appendix; charts drawn and rasterized) against fetching through the API the analytics it
 * contains — the unit's indicators for this and the previous period, the children's, each
 * direction's league table and trend, the effectiveness of the previous period's measures and each
 * direction's data completeness (the appendix's figures). Goal: ≤ 3×. Prints the DOCX and PDF
 * sizes. The stored texts it also prints (conclusions, recommendations, measures, decisions) are
 * not in the baseline.
 *
 * Run after run the report reuses what did not change: the kept analytics answers (as the
 * baseline's requests do) and the charts drawn before. `report-first/<engine>` measures the first
 * report after a write instead: one value of the region changed (a new analytics version for the
 * report and the baseline alike) and no chart kept, so every chart is drawn again.
 */
export async function benchReport(
  handle: DatabaseHandle,
  setup: Pick<Dashboard, 'deps' | 'app' | 'token' | 'adminId' | 'regionId' | 'period'>,
): Promise<void> {
  const { deps, app, token, regionId, period } = setup
  const scope = await scopeOf(handle.db, setup.adminId, 'bench')
  const order = { orgUnit: regionId, period, format: 'docx' as const }
  let bytes = 0
  const ours = async () => {
    bytes = (await produceReport(deps, scope, order, 'bench')).bytes.length
  }
  const previous = await handle.db
    .selectFrom('period')
    .select('code')
    .where('code', '<', period)
    .orderBy('code', 'desc')
    .executeTakeFirst()
  const periods = [period, ...(previous ? [previous.code] : [])].map((p) => `period=${p}`).join('&')
  // One key indicator per direction, as the report picks its league table and trend.
  const keys = [...deps.catalog.plugins.values()].flatMap((p) => (p.indicators[0] ? [p.indicators[0].code] : []))
  const plugins = [...deps.catalog.plugins.keys()]
  // `also`: another answer the report takes as it is (a direction without a campaign has no
  // completeness: 400, and the report's appendix says «не собирается»).
  const fetchJson = async (url: string, also?: number) => {
    const res = await app.request(url, { headers: { authorization: `Bearer ${token}` } })
    if (res.status !== 200 && res.status !== also) throw new Error(`${url} answered ${res.status}`)
    await res.text()
  }
  const baseline = async () => {
    await fetchJson(`/api/analytics?orgUnit=${regionId}&${periods}`)
    await fetchJson(`/api/analytics?orgUnit=${regionId}&period=${period}&level=children`)
    for (const indicator of keys) {
      await fetchJson(`/api/analysis?orgUnit=${regionId}&period=${period}&indicator=${indicator}`)
      await fetchJson(`/api/analysis/trend?orgUnit=${regionId}&indicator=${indicator}`)
    }
    if (previous) await fetchJson(`/api/effectiveness?orgUnit=${regionId}&period=${previous.code}`)
    for (const plugin of plugins)
      await fetchJson(`/api/submissions?orgUnit=${regionId}&period=${period}&plugin=${plugin}`, 400)
  }
  await compare(`report/${handle.engine}`, ours, baseline, 5)
  // Before each call one value changes back or forth (a new analytics version) and no chart is kept.
  let nudges = 0
  await compare(`report-first/${handle.engine}`, ours, baseline, 5, async () => {
    await nudgeValue(setup, nudges++ % 2 ? -1 : 1)
    forgetDrawnCharts()
  })
  const pdf = (await produceReport(deps, scope, { ...order, format: 'pdf' }, 'bench')).bytes.length
  console.log(`  (DOCX ${(bytes / 1024).toFixed(0)} KB, PDF ${(pdf / 1024).toFixed(0)} KB)`)
}
