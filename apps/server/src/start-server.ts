import { serve } from '@hono/node-server'
import { DatabaseLockedError, type DatabaseHandle } from '@profmon/db'
import { createApp } from './app.ts'
import { boot, openDatabase, type SeedHook } from './boot.ts'
import { loadConfig, type Config } from './config.ts'
import { createLogger, type Logger } from './logger.ts'
import { answerBackupRequests } from './backup/embedded-backup.ts'
import { startReportWorker } from './reports/reports.ts'

export interface StartOptions {
  config?: Config
  log?: Logger
  /** Fills an empty database before serving (the demo region: `tooling/start`). */
  seed?: SeedHook | undefined
}

/**
 * Opens the database, boots and serves until SIGINT/SIGTERM, then lets running requests finish
 * and closes the database. The composition root (`tooling/start`, run by `pnpm start`) calls it.
 *
 * @example
 * await startServer({ seed: async ({ handle }) => { … } })
 */
export async function startServer({ config = loadConfig(), log = createLogger(), seed }: StartOptions = {}) {
  let handle: DatabaseHandle
  try {
    handle = await openDatabase(config.databaseUrl, config.dataDir, config.databaseReadUrl)
  } catch (e) {
    if (e instanceof DatabaseLockedError) {
      log.fatal(e.message)
      process.exit(1)
    }
    throw e
  }
  log.info(
    {
      engine: handle.engine,
      dataDir: handle.engine === 'pglite' ? config.dataDir : undefined,
      readReplica: handle.readReplica ? true : undefined,
    },
    'database open',
  )
  const deps = await boot({ handle, pluginDirs: config.pluginDirs, log, seed })
  const app = createApp({ ...deps, trustProxy: config.trustProxy })
  // Every replica works the report queue; pg-boss hands each job to one of them.
  const stopSettling = await startReportWorker(deps.jobs, deps)
  // `pnpm backup` while this process holds the embedded database.
  answerBackupRequests(handle, config.dataDir, log)
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info(`profmon is listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}`)
  })

  // Idle keep-alive connections stay open longer than a reverse proxy's (nginx 75 s, most cloud
  // balancers 60 s): Node's default of 5 s closes them under a proxy that still sends on them (502s),
  // and under a browser whose user thinks longer than 5 s between clicks.
  const http = server as { keepAliveTimeout: number; headersTimeout: number }
  http.keepAliveTimeout = 76_000
  http.headersTimeout = 77_000

  let stopping = false
  async function shutdown(signal: string) {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    // Stop accepting connections, let running requests finish, then close the database.
    await new Promise<void>((resolve) => server.close(() => resolve()))
    // A report in progress finishes first (or, past the timeout, is retried by a replica or the next start).
    stopSettling()
    await deps.jobs.stop()
    await handle.close()
    log.info('stopped')
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}
