import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { chmod, chown, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { freePort } from '@profmon/reliability/server-process'
import { onServer, postgresBinDir } from './postgres.ts'

const run = promisify(execFile)

/**
 * Why a hot standby of the server at `url` cannot be made here, or undefined when it can: the
 * server must accept a replication connection from us (its pg_hba.conf decides; the test never
 * changes a server's configuration), stream WAL (`wal_level` replica or logical, `max_wal_senders`),
 * and the PostgreSQL programs of its major version must be installed beside us.
 */
export async function standbyUnavailable(url: string): Promise<string | undefined> {
  const { level, senders, major } = await onServer(url, async (c) => {
    const { rows } = await c.query<{ name: string; setting: string }>(
      `select name, setting from pg_settings where name in ('wal_level', 'max_wal_senders', 'server_version_num')`,
    )
    const s = new Map(rows.map((r) => [r.name, r.setting]))
    return {
      level: s.get('wal_level'),
      senders: Number(s.get('max_wal_senders')),
      major: Math.floor(Number(s.get('server_version_num')) / 10_000),
    }
  })
  if (level === 'minimal' || senders === 0)
    return `the server does not stream WAL (wal_level ${level}, max_wal_senders ${senders})`
  const probe = new pg.Client({ connectionString: url, replication: 'true' } as pg.ClientConfig)
  probe.on('error', () => {})
  try {
    await probe.connect()
  } catch (e) {
    const u = new URL(url)
    return `the server at ${u.hostname}:${u.port || 5432} refuses replication connections of user ${u.username || 'postgres'} (${(e as Error).message}); its pg_hba.conf needs a "replication" line, which this test does not write`
  } finally {
    await probe.end().catch(() => {})
  }
  const bin = await postgresBinDir()
  if (!bin) return 'pg_config is not installed: the PostgreSQL programs (postgres, pg_basebackup) cannot be found'
  try {
    const { stdout } = await run(join(bin, 'postgres'), ['--version'])
    const installed = Number(/(\d+)(\.\d+)?/.exec(stdout)?.[1])
    if (installed !== major) return `the installed postgres is version ${installed}, the server ${major}`
  } catch (e) {
    return `postgres cannot be run from ${bin}: ${(e as Error).message}`
  }
  return undefined
}

export interface Standby {
  /** The standby's port on 127.0.0.1. */
  port: number
  /** Runs SQL on the standby's maintenance database. */
  query<R extends pg.QueryResultRow>(text: string): Promise<R[]>
  /** Stops the standby (fast shutdown) and removes its folder. */
  stop(): Promise<void>
}

/**
 * A hot standby of the server at `url`: a base backup (`pg_basebackup -R`, WAL streamed) into a
 * temporary folder, started with the distribution's `postgres` on a free loopback port as the
 * `postgres` user (setpriv) when we are root (PostgreSQL refuses to run as root), trusting local
 * connections only. The primary's settings that a standby must match are copied.
 */
export async function startStandby(url: string): Promise<Standby> {
  const bin = (await postgresBinDir())!
  const parent = await mkdtemp(join(tmpdir(), 'profmon-standby-'))
  const dir = join(parent, 'data')
  const asRoot = process.getuid?.() === 0
  const owner = asRoot ? await postgresUser() : undefined
  if (owner) await chown(parent, owner.uid, owner.gid)
  const as = (program: string, args: string[]) =>
    owner
      ? (['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', program, ...args]] as const)
      : ([program, args] as const)

  const u = new URL(url)
  const [cmd, args] = as(join(bin, 'pg_basebackup'), [
    '-h',
    u.hostname,
    '-p',
    u.port || '5432',
    '-U',
    decodeURIComponent(u.username || 'postgres'),
    '-D',
    dir,
    '-X',
    'stream',
    '-R',
    '-c',
    'fast',
    '--no-sync',
  ])
  await run(cmd, [...args], { env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } })

  // A distribution's cluster keeps its configuration elsewhere: the copy gets a minimal one.
  const settings = await onServer(url, async (c) => {
    const { rows } = await c.query<{ name: string; setting: string }>(
      `select name, setting from pg_settings where name in
         ('max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')`,
    )
    return rows
  })
  const port = await freePort()
  const conf = [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${parent}'`,
    'hot_standby = on',
    'shared_buffers = 16MB',
    'fsync = off',
    ...settings.map((s) => `${s.name} = ${s.setting}`),
    '',
  ].join('\n')
  await writeFile(join(dir, 'postgresql.conf'), conf)
  await writeFile(join(dir, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n')
  await writeFile(join(dir, 'pg_ident.conf'), '')
  for (const f of ['postgresql.conf', 'pg_hba.conf', 'pg_ident.conf'])
    if (owner) await chown(join(dir, f), owner.uid, owner.gid)
  await chmod(dir, 0o700)

  const [pcmd, pargs] = as(join(bin, 'postgres'), ['-D', dir])
  const child: ChildProcess = spawn(pcmd, [...pargs], { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  const keep = (d: Buffer) => (log = (log + d.toString()).slice(-10_000))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()))

  const standbyUrl = new URL(url)
  standbyUrl.port = String(port)
  standbyUrl.pathname = '/postgres'
  const query = async <R extends pg.QueryResultRow>(text: string) => {
    const c = new pg.Client({ connectionString: standbyUrl.toString() })
    c.on('error', () => {})
    await c.connect()
    try {
      return (await c.query<R>(text)).rows
    } finally {
      await c.end()
    }
  }
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the standby exited (${child.exitCode}):\n${log}`)
    try {
      const [r] = await query<{ recovery: boolean }>('select pg_is_in_recovery() as recovery')
      if (r?.recovery) break
      throw new Error('the copy is not in recovery: not a standby')
    } catch (e) {
      if (Date.now() > deadline)
        throw new Error(`the standby did not come up in 30 s (${String(e)}):\n${log}`, { cause: e })
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    port,
    query,
    async stop() {
      // SIGINT: PostgreSQL's fast shutdown (setpriv runs postgres in its own process).
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT')
      await exited
      await rm(parent, { recursive: true, force: true })
    },
  }
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim())
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim())
  return { uid, gid }
}
