import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, ownDatabase, skippedEngine } from '../engines.ts'
import { startServer, type ServerProcess } from '../server-process.ts'
import { recordReliability } from '../summary/record.ts'
import { signIn, type Session } from './session.ts'
import { WIDE_COLUMNS, WIDE_PLUGIN, wideElement, widePluginDir } from './wide-plugin.ts'

const PERIOD = '2025-26'
/** Template layout (apps/server/src/collection/xlsx/layout.ts): the hidden code row, the first data row. */
const CODE_ROW = 3
const FIRST_DATA_ROW = 4
/** The batch write's value: no import or demo value is it. */
const MARKER = 777
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const between = (min: number, max: number) => min + Math.random() * (max - min)

/**
 * `kill -9` of the server in the middle of an XLSX import of 100,000 values, of a batch write of
 * 50,000 and of a report job, on the embedded database (and on PostgreSQL when TEST_DATABASE_URL
 * is set): after each restart the write is entirely there or entirely absent, the database opens
 * without repair, and the interrupted report job is retried and finishes. On PostgreSQL the kill
 * lands while the transaction is inserting values (watched in pg_stat_activity).
 */
for (const engine of ['pglite', 'postgres'] as const) {
  const run = ENGINES.includes(engine)
  describe.skipIf(!run)(`kill -9 on ${run ? engine : skippedEngine(engine)}`, () => {
    let dir = ''
    let database: Awaited<ReturnType<typeof ownDatabase>> | undefined
    let server: ServerProcess | undefined
    let env: Record<string, string> = {}
    let admin: Session
    let schools: number[] = []

    /** kill -9, then the same command again, as a user would: it must come up and answer. */
    async function crashAndRestart() {
      await server!.crash()
      server = await startServer(env)
      expect(server.output()).not.toMatch(/PANIC|corrupt/i)
      admin = await signIn(server.url)
    }

    /**
     * When to kill: on PostgreSQL the moment the server's transaction is writing values (seen in
     * pg_stat_activity: uncommitted, in an INSERT into data_value), so the kill lands between the
     * first row and the commit; on PGlite, which shows nothing of a running statement, at a random
     * moment within `min`–`max` ms.
     */
    async function killMoment(min: number, max: number): Promise<string> {
      if (!database) {
        await sleep(between(min, max))
        return 'at a random moment'
      }
      const watcher = new pg.Client({ connectionString: database.url })
      await watcher.connect()
      try {
        // Bounded: a write that commits unseen is killed afterwards (then it must be all there).
        const end = Date.now() + 30_000
        while (Date.now() < end) {
          const { rows } = await watcher.query(
            `select 1 from pg_stat_activity
              where datname = current_database() and pid <> pg_backend_pid()
                and xact_start is not null and query ilike '%insert into "data_value"%'`,
          )
          if (rows.length) return 'inside the transaction inserting the values'
          await sleep(5)
        }
        return 'not seen writing within 30 s'
      } finally {
        await watcher.end()
      }
    }

    /** How many values of the wide direction the given schools hold, and how many equal `value`. */
    async function count(units: number[], value?: number) {
      let all = 0
      let equal = 0
      for (let i = 0; i < units.length; i += 10)
        for (const { values } of await Promise.all(
          units
            .slice(i, i + 10)
            .map((u) =>
              admin.get<{ values: { value: number }[] }>(
                `/api/data-values?orgUnit=${u}&period=${PERIOD}&plugin=${WIDE_PLUGIN}`,
              ),
            ),
        )) {
          all += values.length
          equal += values.filter((v) => v.value === value).length
        }
      return { all, equal }
    }

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'profmon-kill9-'))
      database = engine === 'postgres' ? await ownDatabase('profmon_kill9') : undefined
      const where: Record<string, string> = database ? { DATABASE_URL: database.url } : { DATA_DIR: join(dir, 'data') }
      // The demo region first, then the wide direction (so the demo generator does not fill it).
      const seeding = await startServer({ ...where, DEMO: '1' })
      await seeding.stop()
      env = { ...where, DEMO: '1', PLUGINS_DIR: await widePluginDir(join(dir, 'plugins')) }
      server = await startServer(env)
      admin = await signIn(server.url)
      const region = (await admin.get<{ id: number }[]>('/api/org-units'))[0]!.id
      const muns = await admin.get<{ id: number }[]>(`/api/org-units/${region}/children`)
      for (const m of muns)
        schools.push(...(await admin.get<{ id: number }[]>(`/api/org-units/${m.id}/children`)).map((s) => s.id))
      schools = schools.sort((a, b) => a - b)
    })
    afterAll(async () => {
      await server?.crash()
      await database?.drop()
      if (dir) await rm(dir, { recursive: true, force: true })
    })

    it('an XLSX import of 100,000 values killed midway is entirely absent or entirely present after a restart', async () => {
      const region = (await admin.get<{ id: number }[]>('/api/org-units'))[0]!.id
      const template = await admin.getBytes(
        `/api/imports/template?orgUnit=${region}&period=${PERIOD}&plugin=${WIDE_PLUGIN}`,
      )
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(template as unknown as ArrayBuffer)
      const ws = wb.getWorksheet('Организации')!
      const codes = ws.getRow(CODE_ROW)
      let cells = 0
      for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
        const row = ws.getRow(r)
        if (!row.getCell(1).value) continue
        for (let c = 0; c < WIDE_COLUMNS; c++) {
          if (!codes.getCell(3 + c).value) continue
          row.getCell(3 + c).value = (r * 7 + c) % 50
          cells++
        }
      }
      expect(cells).toBeGreaterThanOrEqual(100_000)
      const form = new FormData()
      form.set('file', new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'сбой.xlsx'))
      form.set('period', PERIOD)
      form.set('plugin', WIDE_PLUGIN)
      const started = Date.now()
      const answer = admin.send('POST', '/api/imports', form).catch(() => undefined)
      const moment = await killMoment(2000, 10_000)
      const finishedFirst = await Promise.race([answer, sleep(0).then(() => 'running' as const)])
      const killedAfter = Date.now() - started
      await crashAndRestart()
      const { all } = await count(schools)
      console.log(
        `kill-9/${engine}: import of ${cells} values killed after ${killedAfter} ms, ${moment} (${finishedFirst === 'running' ? 'in flight' : 'already answered'}): ${all} present after the restart`,
      )
      expect([0, cells]).toContain(all)
      await recordReliability({
        kind: 'fault',
        engine,
        name: 'kill -9 during an XLSX import of 100,000 values',
        survived: true,
      })
    })

    it('a batch write of 50,000 values killed midway is entirely absent or entirely present after a restart', async () => {
      const units = schools.slice(0, 100)
      const values = units.flatMap((orgUnit) =>
        Array.from({ length: WIDE_COLUMNS }, (_, i) => ({
          orgUnit,
          period: PERIOD,
          element: wideElement(i),
          value: MARKER,
        })),
      )
      const started = Date.now()
      const answer = admin.send('POST', '/api/data-values', { values }).catch(() => undefined)
      const moment = await killMoment(1000, 6000)
      const finishedFirst = await Promise.race([answer, sleep(0).then(() => 'running' as const)])
      const killedAfter = Date.now() - started
      await crashAndRestart()
      const { equal } = await count(units, MARKER)
      console.log(
        `kill-9/${engine}: batch of ${values.length} values killed after ${killedAfter} ms, ${moment} (${finishedFirst === 'running' ? 'in flight' : 'already answered'}): ${equal} present after the restart`,
      )
      expect([0, values.length]).toContain(equal)
      await recordReliability({
        kind: 'fault',
        engine,
        name: 'kill -9 during a batch write of 50,000 values',
        survived: true,
      })
    })

    // On PostgreSQL other replicas may be working the queue: a dead worker's job is retried when
    // it expires (15 minutes), which the job-queue unit test covers with a short expiry.
    it.skipIf(engine === 'postgres')(
      'a report job killed midway is retried after the restart and finishes with one file',
      async () => {
        const region = (await admin.get<{ id: number }[]>('/api/org-units'))[0]!.id
        type Report = { status: string; error: string | null; progress: { done: number; total: number } }
        // The job shares the process (and, embedded, the one database connection) with the API:
        // while it works, a status poll waits. A poll that hangs after quick "queued" answers
        // means the job is at work — that is when the server is killed; the restarted server
        // then says that it found the attempt interrupted. A job done before it was caught is
        // ordered again, up to three times.
        let id = 0
        let caught = false
        for (let attempt = 0; attempt < 3 && !caught; attempt++) {
          const ordered = await admin.send('POST', '/api/reports', {
            orgUnit: region,
            period: PERIOD,
            format: 'pdf',
            // A chapter per municipality: long enough to be caught running.
            sections: { children: 'sections' },
          })
          expect(ordered.status, JSON.stringify(ordered.body)).toBe(202)
          id = (ordered.body as { id: number }).id
          const end = Date.now() + 60_000
          let status = 'queued'
          while (status === 'queued' && Date.now() < end) {
            const answer = await Promise.race([
              admin.get<Report>(`/api/reports/${id}`),
              sleep(250).then(() => undefined),
            ])
            if (!answer) {
              caught = true
              break
            }
            status = answer.status
            await sleep(10)
          }
        }
        expect(caught, 'the job was caught while running').toBe(true)
        let report: Report
        await crashAndRestart()
        // The restarted server found the attempt orphaned and retried it at once.
        await sleep(500)
        expect(server!.output()).toMatch(/report jobs interrupted by a crash are retried/)
        const until = Date.now() + 240_000
        do {
          report = await admin.get<Report>(`/api/reports/${id}`)
          if (report.status === 'done' || report.status === 'failed') break
          await sleep(500)
        } while (Date.now() < until)
        expect(report.status, report.error ?? '').toBe('done')
        const file = await admin.getBytes(`/api/reports/${id}/file`)
        expect(new TextDecoder().decode(file.slice(0, 5))).toBe('%PDF-')
        console.log(
          `kill-9/${engine}: report job killed while running, found interrupted and retried after the restart: ${report.status}`,
        )
        await recordReliability({ kind: 'fault', engine, name: 'kill -9 during a report job', survived: true })
      },
    )
  })
}
