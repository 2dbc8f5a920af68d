import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, sql, type DatabaseHandle } from '@profmon/db'
import { createTestDatabase, testEngine } from '@profmon/db/testing'
import pino from 'pino'
import { JobQueue } from './queue.ts'

const log = pino({ level: 'silent' })
const FAST = { pollingIntervalSeconds: 0.5 }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000) {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(100)
  }
}

/**
 * The test file's database and a way to restart it as a restarted server finds it: on PGlite the
 * in-memory database dumped, closed and loaded into a new instance; on PostgreSQL the pool closed
 * and a fresh one opened. `replica()` is a second server on the same database (PGlite is one process:
 * the same handle).
 */
async function database() {
  const base = await createTestDatabase()
  const url = (base.pool.options as { connectionString?: string }).connectionString
  const pglite = testEngine === 'pglite'
  // On PostgreSQL each "server" has its own pool; the base handle only creates and drops the database.
  let handle = pglite ? base : await connect({ url, poolSize: 4 })
  const extra: DatabaseHandle[] = []
  return {
    get handle() {
      return handle
    },
    async restart() {
      if (pglite) {
        const dump = await handle.pglite!.dumpDataDir('none')
        await handle.close()
        handle = await connect({ dataDir: 'memory://', loadDataDir: dump })
      } else {
        await handle.close()
        handle = await connect({ url, poolSize: 4 })
      }
    },
    async replica() {
      if (pglite) return handle
      const other = await connect({ url, poolSize: 4 })
      extra.push(other)
      return other
    },
    async close() {
      for (const h of extra) await h.close()
      await handle.close()
      if (!pglite) await base.close()
    },
  }
}

const jobState = async (handle: DatabaseHandle, id: string) =>
  (await sql<{ state: string }>`select state from pgboss.job where id = ${id}`.execute(handle.db)).rows[0]?.state

describe(`job queue on ${testEngine}`, () => {
  let db: Awaited<ReturnType<typeof database>>
  beforeAll(async () => {
    db = await database()
  })
  afterAll(() => db.close())

  it('keeps a queued job across a restart and runs it exactly once after it', async () => {
    const first = db.handle
    const before = new JobQueue(first, log, FAST)
    await before.prepare('restart-test')
    const id = await first.db.transaction().execute((trx) => before.send('restart-test', { n: 1 }, trx))
    await before.stop()
    await db.restart()

    const second = db.handle
    const after = new JobQueue(second, log, FAST)
    const runs: unknown[] = []
    await after.work('restart-test', async (data) => {
      runs.push(data)
    })
    await until(async () => (await jobState(second, id)) === 'completed', 'the job after the restart')
    await sleep(1200) // two more polls: nothing runs again
    expect(runs).toEqual([{ n: 1 }])
    await after.stop()
  })

  it('gives each job to one worker only when several replicas work the queue', async () => {
    // Two replicas: on PostgreSQL two pools (two servers); PGlite is one process, so two queues on it.
    const [a, b] = [db.handle, await db.replica()]
    const runs: { job: string; worker: string }[] = []
    const queues = [new JobQueue(a, log, FAST), new JobQueue(b, log, FAST)]
    for (const [i, q] of queues.entries())
      await q.work('replica-test', async (_data, job) => {
        runs.push({ job: job.id, worker: `w${i}` })
        await sleep(150)
      })
    const ids: string[] = []
    for (let n = 0; n < 6; n++) ids.push(await queues[n % 2]!.send('replica-test', { n }))
    await until(() => runs.length >= ids.length, 'every job')
    await sleep(1200)
    expect(runs.map((r) => r.job).sort()).toEqual([...ids].sort())
    for (const q of queues) await q.stop()
  })

  it('retries a job whose worker died mid-run, on another worker, once', async () => {
    const [a, b] = [db.handle, await db.replica()]
    const options = { ...FAST, expireInSeconds: 1, superviseIntervalSeconds: 1 }
    const dying = new JobQueue(a, log, options)
    const started: string[] = []
    // The first worker takes the job and never finishes it: the process "dies" with it.
    await dying.work('crash-test', async () => {
      started.push('dying')
      await new Promise(() => {})
    })
    const id = await dying.send('crash-test', { n: 1 })
    await until(() => started.length === 1, 'the first attempt')
    void dying.stop({ graceful: false })
    const survivor = new JobQueue(b, log, options)
    const retries: number[] = []
    await survivor.work('crash-test', async (_data, job) => {
      retries.push(job.retryCount)
    })
    await until(async () => (await jobState(b, id)) === 'completed', 'the retry', 30_000)
    expect(retries).toEqual([1])
    await survivor.stop()
  })
})
