import { sql, type DatabaseHandle } from '@profmon/db'
import { boot, createApiToken, createApp, createLogger } from '@profmon/server'
import { REPO_ROOT } from '@profmon/server/config'
import { join } from 'node:path'

/**
 * The triggers that keep what the analytics read in step with `data_value`: the aggregates
 * (migration 0012) and the region's analytics version (migration 0016).
 */
const VALUE_TRIGGERS = [
  'data_aggregate_insert',
  'data_aggregate_update',
  'data_aggregate_delete',
  'analytics_insert',
  'analytics_update',
  'analytics_delete',
]

/**
 * Switches aggregate maintenance off (or back on) for a baseline. Values written while it is off
 * must be deleted while it is still off, so the aggregates never see them.
 */
export async function maintenance(handle: DatabaseHandle, on: boolean): Promise<void> {
  for (const t of VALUE_TRIGGERS)
    await sql.raw(`alter table data_value ${on ? 'enable' : 'disable'} trigger ${t}`).execute(handle.db)
}

/**
 * write/<engine>: one batch of 1,000 new values (organisations × whole-number elements of the
 * installed directions) through `POST /api/data-values` — checks, locks, audit and the aggregate
 * triggers — against the same batch with the triggers switched off. Into a period of its own,
 * emptied between runs outside the timing.
 */
export async function benchWrite(handle: DatabaseHandle, runs = 5): Promise<void> {
  const deps = await boot({ handle, pluginDirs: [join(REPO_ROOT, 'plugins')], log: createLogger('warn') })
  const app = createApp(deps)
  const db = handle.db
  const admin = await db.selectFrom('app_user').select('id').where('login', '=', 'admin').executeTakeFirstOrThrow()
  const { token } = await createApiToken(db, admin.id, 'write bench')
  const period = await db
    .insertInto('period')
    .values({ code: '2098-99', title: 'write bench', starts_on: '2098-09-01', ends_on: '2099-08-31' })
    .onConflict((oc) => oc.column('code').doUpdateSet({ title: 'write bench' }))
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow()
  const schools = await db.selectFrom('org_unit').select('id').where('level', '=', 3).orderBy('id').limit(100).execute()
  const elements = [...deps.catalog.elements.values()]
    .filter(
      (e) =>
        e.definition.valueType === 'integer' &&
        e.definition.entryLevel === 'organization' &&
        e.definition.max === undefined &&
        // A core element is written under a direction that uses it; one that none uses is not collected.
        e.directions?.length !== 0,
    )
    .slice(0, 10)
  const values = schools.flatMap((s, i) =>
    elements.map((e, j) => ({
      orgUnit: s.id,
      period: period.code,
      element: e.definition.code,
      value: (i * 7 + j) % 40,
    })),
  )
  if (values.length !== 1000) throw new Error(`write bench: ${values.length} values instead of 1,000`)
  const body = JSON.stringify({ values })
  const empty = () => db.deleteFrom('data_value').where('period_id', '=', period.id).execute()
  const post = async () => {
    const res = await app.request('/api/data-values', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    })
    if (res.status !== 200) throw new Error(`write: ${res.status} ${(await res.text()).slice(0, 500)}`)
  }
  const timed = async () => {
    const started = performance.now()
    await post()
    return performance.now() - started
  }
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i <= runs; i++) {
    await empty()
    const ours = await timed()
    await empty()
    await maintenance(handle, false)
    try {
      const base = await timed()
      await empty()
      // The first round warms plans and caches.
      if (i > 0) {
        a.push(ours)
        b.push(base)
      }
    } finally {
      await maintenance(handle, true)
    }
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!
  const o = median(a)
  const base = median(b)
  console.log(`write/${handle.engine}: ${o.toFixed(1)} ms vs ${base.toFixed(1)} ms, ratio ${(o / base).toFixed(2)}`)
  console.log(
    `  (${schools.length} organisations × ${elements.length} elements = 1,000 values per batch; ours keeps the aggregates, the baseline does not)`,
  )
}

/**
 * Data volumes: rows and on-disk size (with indexes, summed over the partitions) of the raw values
 * and of the aggregates.
 */
export async function printVolumes(handle: DatabaseHandle, name = 'volume'): Promise<void> {
  const r = await sql<{ values: number; aggregates: number; values_bytes: number; aggregates_bytes: number }>`
    select (select count(*) from data_value) as values, (select count(*) from data_aggregate) as aggregates,
           (select sum(pg_total_relation_size(relid)) from pg_partition_tree('data_value')) as values_bytes,
           (select sum(pg_total_relation_size(relid)) from pg_partition_tree('data_aggregate')) as aggregates_bytes
  `.execute(handle.db)
  const v = r.rows[0]!
  const mb = (x: number) => (Number(x) / 1024 / 1024).toFixed(1)
  console.log(
    `${name}/${handle.engine}: ${v.values} values (${mb(v.values_bytes)} MB with indexes), ` +
      `${v.aggregates} aggregate rows (${mb(v.aggregates_bytes)} MB), ${(Number(v.aggregates) / Number(v.values)).toFixed(2)} aggregate rows per value`,
  )
}
