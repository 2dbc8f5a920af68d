import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)))
/** Plugins that exist only for the browser tests (a remote that 404s, a view that throws). */
export const FIXTURE_PLUGINS = resolve(REPO_ROOT, 'apps/e2e/fixtures/plugins')

export interface RunningServer {
  url: string
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer()
    s.once('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => ok(port))
    })
  })
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log()}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the server did not answer within 2 minutes:\n${log()}`)
}

/**
 * Starts the real server with the demo region on a free loopback port: on a fresh embedded
 * database, or — when TEST_DATABASE_URL is set — on a fresh PostgreSQL database dropped at stop.
 * `pluginsDirs` are further folders of built plugins (`PLUGINS_DIR`), after the fixture plugins.
 */
export async function startServer(
  options: { fixtures?: boolean; pluginsDirs?: string[] } = {},
): Promise<RunningServer> {
  const pluginsDirs = [...(options.fixtures === false ? [] : [FIXTURE_PLUGINS]), ...(options.pluginsDirs ?? [])]
  const port = await freePort()
  const dataDir = await mkdtemp(join(tmpdir(), 'profmon-e2e-'))
  let databaseUrl: string | undefined
  let dropDatabase = async () => {}
  const admin = process.env.TEST_DATABASE_URL
  if (admin) {
    const name = `profmon_e2e_${randomBytes(4).toString('hex')}`
    const client = new pg.Client({ connectionString: admin })
    await client.connect()
    await client.query(`create database ${name}`)
    await client.end()
    const u = new URL(admin)
    u.pathname = `/${name}`
    databaseUrl = u.toString()
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    }
  }
  let output = ''
  const child = spawn(
    process.execPath,
    // What `pnpm start` runs (the server with the demo seed), started by path: e2e imports no tooling.
    ['--disable-warning=ExperimentalWarning', '--experimental-strip-types', 'tooling/start/src/main.ts'],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DEMO: '1',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        ...(pluginsDirs.length ? { PLUGINS_DIR: pluginsDirs.join(':') } : {}),
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  child.stdout?.on('data', (d) => (output = (output + d).slice(-20_000)))
  child.stderr?.on('data', (d) => (output = (output + d).slice(-20_000)))
  const url = `http://127.0.0.1:${port}`
  await waitForHealth(url, child, () => output)
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((r) => child.once('exit', r))
      }
      await rm(dataDir, { recursive: true, force: true })
      await dropDatabase()
    },
  }
}
