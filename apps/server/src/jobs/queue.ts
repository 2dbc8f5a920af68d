import type { Database, DatabaseHandle, Engine, Transaction } from '@profmon/db'
import { fromKysely, PgBoss, type Job } from 'pg-boss'

/** pg-boss's database adapter: one function that runs SQL with parameters. */
type BossDatabase = ReturnType<typeof fromKysely>
import type { Logger } from '../logger.ts'

/** A job handler: gets the job's data; a throw fails the attempt (and pg-boss retries it). */
export type JobHandler<T> = (data: T, job: { id: string; retryCount: number }) => Promise<void>

export interface QueueOptions {
  /** Seconds between polls of an idle worker (default 1). */
  pollingIntervalSeconds?: number
  /** Seconds a job may stay active before pg-boss takes it for dead and retries it (default 15 min). */
  expireInSeconds?: number
  /** Seconds between pg-boss's supervision passes, which expire dead jobs (default 60). */
  superviseIntervalSeconds?: number
  /** Retries after a failed or expired attempt (default 2: three attempts in all). */
  retryLimit?: number
}

/**
 * The PostgreSQL-backed job queue (pg-boss) over the app's own connection pool, so it runs on the
 * embedded PGlite and on PostgreSQL alike. Jobs live in the database: they survive a restart, and
 * a job is fetched with `FOR UPDATE SKIP LOCKED`, so of several replicas exactly one runs it.
 * pg-boss is started on first use — most requests and tests never need it — and keeps its tables
 * in its own schema `pgboss`, which it creates and migrates itself under an advisory lock.
 *
 * @example
 * const jobs = new JobQueue(handle, log)
 * await jobs.work('report', async ({ reportId }) => renderReport(reportId))
 * await db.transaction().execute((trx) => jobs.send('report', { reportId: 1 }, trx))
 */
export class JobQueue {
  readonly #handle: Pick<DatabaseHandle, 'pool' | 'engine'>
  readonly #log: Logger
  readonly #options: QueueOptions
  readonly #queues = new Set<string>()
  #boss: Promise<PgBoss> | undefined
  #stopped = false

  constructor(handle: Pick<DatabaseHandle, 'pool' | 'engine'>, log: Logger, options: QueueOptions = {}) {
    this.#handle = handle
    this.#log = log
    this.#options = options
  }

  get engine(): Engine {
    return this.#handle.engine
  }

  async #started(): Promise<PgBoss> {
    if (this.#stopped) throw new Error('the job queue is stopped')
    this.#boss ??= (async () => {
      const pool = this.#handle.pool
      const db: BossDatabase = { executeSql: (text, values) => pool.query(text, values as unknown[]) }
      const boss = new PgBoss({
        db,
        // PGlite is one in-process connection: pg-boss then skips what needs several sessions.
        backend: this.#handle.engine === 'pglite' ? 'pglite' : 'postgres',
        schedule: false,
        superviseIntervalSeconds: this.#options.superviseIntervalSeconds ?? 60,
      })
      boss.on('error', (err) => this.#log.error({ err }, 'job queue error'))
      await boss.start()
      return boss
    })()
    return this.#boss
  }

  async #queue(boss: PgBoss, name: string) {
    if (this.#queues.has(name)) return
    await boss.createQueue(name, {
      retryLimit: this.#options.retryLimit ?? 2,
      retryDelay: 1,
      expireInSeconds: this.#options.expireInSeconds ?? 15 * 60,
    })
    this.#queues.add(name)
  }

  /**
   * Starts pg-boss and creates the queue, if not yet. Call it before a transaction that sends: on
   * PGlite (one connection) pg-boss's own statements would wait behind that transaction forever.
   */
  async prepare(name: string): Promise<void> {
    await this.#queue(await this.#started(), name)
  }

  /**
   * Queues a job; inside `trx` it is queued only if that transaction commits (the row that asked
   * for it and the job appear together or not at all) — {@link prepare} the queue before opening
   * `trx`. Returns the job id.
   */
  async send(name: string, data: object, trx?: Transaction<Database>): Promise<string> {
    if (trx && !this.#queues.has(name)) throw new Error(`prepare the "${name}" queue before sending in a transaction`)
    await this.prepare(name)
    const boss = await this.#started()
    const id = await boss.send(name, data, trx ? { db: fromKysely(trx) } : {})
    if (!id) throw new Error(`the job queue refused a "${name}" job`)
    return id
  }

  /** Runs this replica's worker for a queue: one job at a time. */
  async work<T extends object>(name: string, handler: JobHandler<T>): Promise<void> {
    const boss = await this.#started()
    await this.#queue(boss, name)
    await boss.work<T>(
      name,
      { pollingIntervalSeconds: this.#options.pollingIntervalSeconds ?? 1, batchSize: 1 },
      async (jobs: Job<T>[]) => {
        for (const job of jobs) await handler(job.data, { id: job.id, retryCount: job.retryCount })
      },
    )
  }

  /**
   * Takes back the jobs of a queue that are `active` although no worker runs them — only sound
   * where this process is the only one that can be working the queue (the embedded database,
   * locked to one process): after a crash their worker is gone, so each attempt is failed now
   * (retried while retries remain) instead of waiting out the expiry. Returns how many.
   */
  async recoverOrphans(name: string, reason: string): Promise<number> {
    const boss = await this.#started()
    await this.#queue(boss, name)
    const { rows } = await this.#handle.pool.query<{ id: string }>(
      `select id::text as id from pgboss.job where name = $1 and state = 'active'`,
      [name],
    )
    if (rows.length)
      await boss.fail(
        name,
        rows.map((r) => r.id),
        { reason },
      )
    return rows.length
  }

  /** Stops the workers (letting a running job finish unless `graceful: false`) and the maintenance timers. */
  async stop({ graceful = true }: { graceful?: boolean } = {}): Promise<void> {
    this.#stopped = true
    const boss = await this.#boss?.catch(() => undefined)
    // close: false — the pool is the app's, closed with the database.
    await boss?.stop({ close: false, graceful, timeout: 30_000 })
  }
}
