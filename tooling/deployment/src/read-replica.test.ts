import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { lsnValue } from '@profmon/db'
import { startServer, type ServerProcess } from '@profmon/reliability/server-process'
import { clustersUnavailable, startPrimary, startStandby, type Cluster } from './clusters.ts'
import { Session } from './http-client.ts'
import { TEST_DATABASE_URL, withDatabase } from './postgres.ts'
import { PASSWORD, seedSmallRegion } from './seed.ts'

// The primary is a throwaway cluster of the test's own, never the TEST_DATABASE_URL server: a base
// backup needs a server that accepts replication connections (a shared server's pg_hba.conf rarely
// does, and the test does not change it) and copies every database of it. TEST_DATABASE_URL only
// says that the PostgreSQL tests run, as for the rest of the suite.
const skip = !TEST_DATABASE_URL
  ? 'TEST_DATABASE_URL not set: the PostgreSQL tests run on the PostgreSQL pass only'
  : await clustersUnavailable()

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('a hot standby for analytics reads (DATABASE_READ_URL)', () => {
  let server: ServerProcess | undefined
  let cluster: Cluster | undefined
  let standby: Cluster | undefined
  let primary: pg.Pool | undefined
  afterAll(async () => {
    await server?.crash()
    await standby?.stop()
    await primary?.end()
    await cluster?.stop()
  })

  it.skipIf(skip)(
    "serves analytics from the standby, and a user's own write from the primary until the standby has replayed it" +
      (skip ? ` (skipped: ${skip})` : ''),
    async () => {
      // The database exists before the base backup; its schema and data reach the standby by streaming.
      cluster = await startPrimary()
      await cluster.query('create database profmon')
      const databaseUrl = withDatabase(cluster.url, 'profmon')
      primary = new pg.Pool({ connectionString: databaseUrl, max: 2 })
      primary.on('error', () => {})
      standby = await startStandby(cluster)
      const readUrl = withDatabase(standby.url, 'profmon')
      server = await startServer({ DATABASE_URL: databaseUrl, DATABASE_READ_URL: readUrl, DEMO: '0' })
      const region = await seedSmallRegion(databaseUrl)

      // The school's value feeds its municipality's share: the denominator is Σ teachers.
      const key = region.keys.find((k) => k.element === 'core.teachers_total')!
      const { rows } = await primary.query<{ parent_id: number }>('select parent_id from org_unit where id = $1', [
        key.orgUnit,
      ])
      const analytics = `/api/analytics?orgUnit=${rows[0]!.parent_id}&period=${region.period}&indicator=mentoring.participants_share`
      const denominator = async (s: Session) => {
        const r = await s.get(analytics)
        expect(r.status).toBe(200)
        return (r.body as { rows: { option: string | null; denominator: number | null }[] }).rows.find(
          (row) => row.option === null,
        )!.denominator
      }
      const write = async (s: Session, value: number) =>
        expect((await s.post('/api/data-values', { values: [{ ...key, period: region.period, value }] })).status).toBe(
          200,
        )
      const replayedPast = async (position: string, timeoutMs = 10_000) => {
        const deadline = Date.now() + timeoutMs
        for (;;) {
          const [r] = await standby!.query<{ lsn: string }>('select pg_last_wal_replay_lsn()::text as lsn')
          if (lsnValue(r!.lsn) >= lsnValue(position)) return true
          if (Date.now() > deadline) return false
          await sleep(50)
        }
      }

      const position = () => decodeURIComponent(writer.cookie('profmon_wal') ?? '')
      const writer = new Session(server.url)
      const other = new Session(server.url)
      expect(await writer.login('region', PASSWORD)).toBe(200)
      expect(await other.login('region2', PASSWORD)).toBe(200)
      const start = await denominator(writer)

      // A write is visible on the writer's very next read.
      await write(writer, 500)
      const afterFirst = await denominator(writer)
      expect(afterFirst).not.toBe(start)

      // With the standby's replay paused (once it has everything so far), the writer still reads their own write at once (on the
      // primary), while another user, who wrote nothing, is answered by the standby as it was.
      expect(await replayedPast(position())).toBe(true)
      await standby.query('select pg_wal_replay_pause()')
      await write(writer, 900)
      const written = position()
      expect(written).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/)
      const afterSecond = await denominator(writer)
      expect(afterSecond).toBe(afterFirst! + 400)
      expect(await denominator(other)).toBe(afterFirst)

      // Replay resumed: once the standby is past the writer's write, everyone reads it there.
      await standby.query('select pg_wal_replay_resume()')
      expect(await replayedPast(written)).toBe(true)
      expect(await denominator(other)).toBe(afterSecond)
      expect(await denominator(writer)).toBe(afterSecond)

      // A report job reads its figures on the standby and writes its progress and file on the primary.
      const ordered = await writer.post('/api/reports', {
        orgUnit: rows[0]!.parent_id,
        period: region.period,
        format: 'docx',
        sections: { plugins: ['mentoring'] },
      })
      expect(ordered.status).toBe(202)
      const reportId = (ordered.body as { id: number }).id
      let report: { status: string; error: string | null } = { status: 'queued', error: null }
      for (
        const deadline = Date.now() + 60_000;
        !['done', 'failed'].includes(report.status) && Date.now() < deadline;
      ) {
        await sleep(200)
        report = (await writer.get(`/api/reports/${reportId}`)).body as typeof report
      }
      expect(report).toMatchObject({ status: 'done', error: null })

      // The standby gone: reads fall back to the primary.
      await standby.stop()
      standby = undefined
      expect(await denominator(other)).toBe(afterSecond)
    },
  )
})
