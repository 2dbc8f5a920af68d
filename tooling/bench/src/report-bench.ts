import type { DatabaseHandle } from '@profmon/db'
import { produceReport, scopeOf } from '@profmon/server'
import type { Dashboard } from './analytics-bench.ts'
import { compare } from './measure.ts'

/**
 * report/<engine>: the region's full DOCX report (every direction, the children's comparison and
 * the appendix; charts drawn and rasterized) against fetching through the API the analytics it
 * contains — the unit's indicators for this and the previous period, the children's, and each
 * direction's league table and trend. Goal: ≤ 3×. Prints the DOCX and PDF sizes.
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
  const fetchJson = async (url: string) => {
    const res = await app.request(url, { headers: { authorization: `Bearer ${token}` } })
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
    await res.text()
  }
  const baseline = async () => {
    await fetchJson(`/api/analytics?orgUnit=${regionId}&${periods}`)
    await fetchJson(`/api/analytics?orgUnit=${regionId}&period=${period}&level=children`)
    for (const indicator of keys) {
      await fetchJson(`/api/analysis?orgUnit=${regionId}&period=${period}&indicator=${indicator}`)
      await fetchJson(`/api/analysis/trend?orgUnit=${regionId}&indicator=${indicator}`)
    }
  }
  await compare(`report/${handle.engine}`, ours, baseline, 3)
  const pdf = (await produceReport(deps, scope, { ...order, format: 'pdf' }, 'bench')).bytes.length
  console.log(`  (DOCX ${(bytes / 1024).toFixed(0)} KB, PDF ${(pdf / 1024).toFixed(0)} KB)`)
}
