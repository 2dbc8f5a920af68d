import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { startServer, type ServerProcess } from '@profmon/reliability/server-process'
import { haproxyVersion, startHaproxy, type Proxy } from './haproxy.ts'
import { Session } from './http-client.ts'
import { scratchDatabase, TEST_DATABASE_URL } from './postgres.ts'
import { PASSWORD, seedSmallRegion } from './seed.ts'

const haproxy = TEST_DATABASE_URL ? await haproxyVersion() : undefined
const skip = !TEST_DATABASE_URL
  ? 'TEST_DATABASE_URL not set: replicas share one PostgreSQL'
  : !haproxy
    ? 'haproxy is not installed (.ci/run installs the distribution package)'
    : undefined

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('two server replicas behind HAProxy on one PostgreSQL', () => {
  const servers: ServerProcess[] = []
  let proxy: Proxy | undefined
  let drop: (() => Promise<void>) | undefined
  let sql: pg.Pool | undefined
  afterAll(async () => {
    await proxy?.stop()
    for (const s of servers) await s.crash()
    await sql?.end()
    await drop?.()
  })

  it.skipIf(skip)(
    'share sessions, sign-in limits, plugin switches and the job queue; a SIGKILLed replica loses no acknowledged write and runs no job twice' +
      (skip ? ` (skipped: ${skip})` : ''),
    async () => {
      const database = await scratchDatabase(TEST_DATABASE_URL!, 'profmon_replicas')
      drop = database.drop
      sql = new pg.Pool({ connectionString: database.url, max: 2 })
      sql.on('error', () => {})

      // Both replicas start at once on the empty database: they boot one after the other (migrations,
      // plugin catalog, first admin), so there is exactly one platform admin and both come up.
      const env = { DATABASE_URL: database.url, DEMO: '0', TRUST_PROXY: '1' }
      const [a, b] = await Promise.all([startServer(env), startServer(env)])
      servers.push(a!, b!)
      expect((await sql.query('select login from app_user')).rows).toEqual([{ login: 'admin' }])

      const region = await seedSmallRegion(database.url)
      proxy = await startHaproxy([a!.url, b!.url])

      // Sign-in limits are counted in the database: five failures through the proxy (round robin,
      // so on both replicas) lock the login out on each replica, asked directly.
      const stranger = new Session(proxy.url)
      for (let i = 0; i < 5; i++) expect(await stranger.login('region2', 'wrong')).toBe(401)
      expect(await new Session(a!.url).login('region2', PASSWORD)).toBe(429)
      expect(await new Session(b!.url).login('region2', PASSWORD)).toBe(429)

      // A session opened through the proxy is known to both replicas.
      const user = new Session(proxy.url)
      expect(await user.login('region', PASSWORD)).toBe(200)
      expect((await user.at(a!.url).get('/api/auth/me')).status).toBe(200)
      expect((await user.at(b!.url).get('/api/auth/me')).status).toBe(200)

      // A plugin switched off on one replica is off on the other at once, and back on.
      const enabledOn = async (s: ServerProcess) =>
        ((await user.at(s.url).get(`/api/plugins?region=${region.regionId}`)).body as { id: string }[]).map((p) => p.id)
      const toggle = (s: ServerProcess, enabled: boolean) =>
        user.at(s.url).put(`/api/regions/${region.regionId}/plugins/networking`, { enabled })
      expect(await enabledOn(b!)).toContain('networking')
      expect((await toggle(a!, false)).status).toBe(200)
      expect(await enabledOn(b!)).not.toContain('networking')
      expect((await toggle(b!, true)).status).toBe(200)
      expect(await enabledOn(a!)).toContain('networking')

      // Reports ordered through the proxy: both replicas work the queue, each job runs once.
      const order = async () => {
        const r = await user.post('/api/reports', {
          orgUnit: region.municipalities[0],
          period: region.period,
          format: 'docx',
          sections: { plugins: ['deficits'] },
        })
        expect(r.status).toBe(202)
        return (r.body as { id: number }).id
      }
      const reportsDone = async (ids: number[], timeoutMs: number) => {
        const deadline = Date.now() + timeoutMs
        for (;;) {
          const { rows } = await sql!.query<{ n: number }>(
            `select count(*)::int as n from report where id = any($1) and status = 'done'`,
            [ids],
          )
          if (rows[0]!.n === ids.length || Date.now() > deadline) return rows[0]!.n
          await sleep(200)
        }
      }
      const before = await Promise.all([order(), order()])
      expect(await reportsDone(before, 60_000)).toBe(before.length)

      // Traffic through the proxy: four writers, each value a key of its own, and a reader of the
      // region's analytics; one replica is killed (SIGKILL) in the middle of it.
      const acknowledged: { orgUnit: number; element: string; value: number }[] = []
      let refused = 0
      let reads = 0
      let stop = false
      let next = 0
      const writer = async () => {
        while (!stop && next < region.keys.length) {
          const key = region.keys[next++]!
          const value = 1 + (next % 40)
          try {
            const r = await user.post('/api/data-values', { values: [{ ...key, period: region.period, value }] })
            if (r.status === 200) acknowledged.push({ ...key, value })
            else refused++
          } catch {
            refused++ // the connection broke: not acknowledged, may or may not be written
          }
        }
      }
      const reader = async () => {
        while (!stop) {
          try {
            const r = await user.get(
              `/api/analytics?orgUnit=${region.regionId}&period=${region.period}&level=children&indicator=deficits.diagnosed_share`,
            )
            if (r.status === 200) reads++
          } catch {
            // the replica died under this read
          }
        }
      }
      const traffic = Promise.all([writer(), writer(), writer(), writer(), reader()])
      // Bounded in time, not only in count: a busy machine is slower, never stuck.
      const until = async (done: () => boolean, minMs: number, maxMs: number) => {
        const start = Date.now()
        while ((Date.now() - start < minMs || !done()) && Date.now() - start < maxMs) await sleep(50)
      }
      const during: number[] = []
      await until(() => acknowledged.length >= 20, 1_000, 15_000)
      during.push(await order())
      const ackedBeforeKill = acknowledged.length
      await a!.crash()
      during.push(await order())
      await until(() => acknowledged.length >= ackedBeforeKill + 20, 2_000, 15_000)
      stop = true
      await traffic

      expect(ackedBeforeKill).toBeGreaterThan(0)
      // The survivor carried on: writes were acknowledged after the kill, few requests failed.
      expect(acknowledged.length).toBeGreaterThan(ackedBeforeKill)
      // At most the writes in flight when it died failed (four writers), with a margin for a
      // proxy's kept-alive connection to the dead replica.
      expect(refused).toBeLessThanOrEqual(8)
      expect(reads).toBeGreaterThan(0)

      // Every acknowledged write is in the database with the value written.
      const { rows: stored } = await sql.query<{ org_unit_id: number; code: string; value: string }>(
        `select v.org_unit_id, e.code, v.value from data_value v
           join data_element e on e.id = v.element_id join period p on p.id = v.period_id
          where p.code = $1`,
        [region.period],
      )
      const have = new Map(stored.map((r) => [`${r.org_unit_id}:${r.code}`, Number(r.value)]))
      const lost = acknowledged.filter((w) => have.get(`${w.orgUnit}:${w.element}`) !== w.value)
      expect(lost).toEqual([])

      // The report ordered after the kill is made by the survivor; one the dead replica was making
      // stays claimed until pg-boss expires it. No report was ever started twice.
      expect(await reportsDone([during[1]!], 60_000)).toBe(1)
      const { rows: reports } = await sql.query<{ id: number; status: string; attempts: number }>(
        'select id, status, attempts from report order by id',
      )
      expect(reports).toHaveLength(before.length + during.length)
      for (const r of reports) expect(r.attempts, `report ${r.id} (${r.status})`).toBeLessThanOrEqual(1)
      const { rows: jobs } = await sql.query<{ state: string; retry_count: number }>(
        `select state, retry_count from pgboss.job where name = 'report'`,
      )
      expect(jobs).toHaveLength(reports.length)
      for (const j of jobs) expect(j.retry_count).toBe(0)
      console.log(
        `replicas: ${acknowledged.length} writes acknowledged (${ackedBeforeKill} before the kill), ${refused} refused or cut, ` +
          `${reads} analytics reads, ${reports.filter((r) => r.status === 'done').length}/${reports.length} reports done`,
      )
    },
  )
})
