import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { constants } from 'node:fs'
import { access, chmod, chown, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { freePort } from '@profmon/reliability/server-process'

const run = promisify(execFile)

/** The programs a throwaway primary and its standby are made with. */
const PROGRAMS = ['initdb', 'postgres', 'pg_basebackup'] as const

/** Where the distribution installs each major version's programs (`<major>/bin`). */
const DISTRIBUTION_DIR = '/usr/lib/postgresql'

/**
 * The folder of the PostgreSQL server programs: the one `pg_config` names if it holds them all (it
 * may belong to a client library of another version), else the distribution's newest major
 * version that does.
 */
export async function postgresBinDir(): Promise<string | undefined> {
  const candidates: string[] = []
  try {
    const dir = (await run('pg_config', ['--bindir'])).stdout.trim()
    if (dir) candidates.push(dir)
  } catch {
    // No pg_config: the distribution's folders alone.
  }
  try {
    const majors = (await readdir(DISTRIBUTION_DIR)).filter((n) => /^\d+$/.test(n))
    majors.sort((a, b) => Number(b) - Number(a))
    candidates.push(...majors.map((m) => join(DISTRIBUTION_DIR, m, 'bin')))
  } catch {
    // Not installed there.
  }
  for (const dir of new Set(candidates)) {
    const present = await Promise.all(
      PROGRAMS.map((p) =>
        access(join(dir, p), constants.X_OK).then(
          () => true,
          () => false,
        ),
      ),
    )
    if (present.every(Boolean)) return dir
  }
  return undefined
}

/**
 * Why a throwaway primary and a hot standby of it cannot be made here, or undefined when they can:
 * the PostgreSQL server programs must be installed and runnable, and when we are root, a `postgres`
 * user must exist to run them as (PostgreSQL refuses to run as root).
 */
export async function clustersUnavailable(): Promise<string | undefined> {
  const bin = await postgresBinDir()
  if (!bin) return `the PostgreSQL server programs (${PROGRAMS.join(', ')}) are not installed`
  let owner: Owner | undefined
  if (process.getuid?.() === 0) {
    try {
      owner = await postgresUser()
    } catch {
      return 'we run as root and there is no "postgres" user to run PostgreSQL as (it refuses root)'
    }
  }
  try {
    await run(...as(owner, join(bin, 'postgres'), ['--version']))
  } catch (e) {
    return `postgres cannot be run from ${bin}: ${(e as Error).message}`
  }
  return undefined
}

export interface Cluster {
  /** The cluster's port on 127.0.0.1. */
  port: number
  /** Its maintenance database as the superuser `postgres` (trusted on loopback). */
  url: string
  /** Runs SQL on the maintenance database. */
  query<R extends pg.QueryResultRow>(text: string): Promise<R[]>
  /** Stops the cluster (fast shutdown) and removes its folder. */
  stop(): Promise<void>
}

/**
 * A throwaway primary: a new cluster (`initdb`) in a temporary folder, started with the
 * distribution's `postgres` on a free loopback port, streaming WAL (`wal_level` replica) to
 * replication connections from 127.0.0.1, which it trusts like every loopback connection.
 */
export async function startPrimary(): Promise<Cluster> {
  const tools = await programs()
  const { parent, dir } = await clusterFolder(tools.owner, 'primary')
  try {
    await run(
      ...as(tools.owner, join(tools.bin, 'initdb'), [
        '-D',
        dir,
        '-U',
        'postgres',
        '-A',
        'trust',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
        '--no-sync',
      ]),
      { cwd: parent },
    )
    const port = await freePort()
    await configure(
      tools.owner,
      dir,
      [...loopback(port, parent), 'wal_level = replica', 'max_wal_senders = 4'],
      'host replication all 127.0.0.1/32 trust',
    )
    return await launch(tools, parent, dir, port, 'primary')
  } catch (e) {
    await rm(parent, { recursive: true, force: true })
    throw e
  }
}

/**
 * A hot standby of `primary`: a base backup (`pg_basebackup -R`, WAL streamed) into a temporary
 * folder, started like the primary on another free loopback port. The primary's settings that a
 * standby must match are copied.
 */
export async function startStandby(primary: Cluster): Promise<Cluster> {
  const tools = await programs()
  const { parent, dir } = await clusterFolder(tools.owner, 'standby')
  try {
    const u = new URL(primary.url)
    await run(
      ...as(tools.owner, join(tools.bin, 'pg_basebackup'), [
        '-h',
        u.hostname,
        '-p',
        u.port,
        '-U',
        u.username,
        '-D',
        dir,
        '-X',
        'stream',
        '-R',
        '-c',
        'fast',
        '--no-sync',
      ]),
      { cwd: parent },
    )
    const settings = await primary.query<{ name: string; setting: string }>(
      `select name, setting from pg_settings where name in
         ('max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')`,
    )
    const port = await freePort()
    // The copy's configuration is the primary's: it gets its own (its connection to the primary is
    // in postgresql.auto.conf, written by -R).
    await configure(tools.owner, dir, [
      ...loopback(port, parent),
      'hot_standby = on',
      ...settings.map((s) => `${s.name} = ${s.setting}`),
    ])
    return await launch(tools, parent, dir, port, 'standby')
  } catch (e) {
    await rm(parent, { recursive: true, force: true })
    throw e
  }
}

interface Owner {
  uid: number
  gid: number
}

interface Programs {
  bin: string
  /** The `postgres` user when we are root, who runs every program. */
  owner: Owner | undefined
}

async function programs(): Promise<Programs> {
  const bin = await postgresBinDir()
  if (!bin) throw new Error(`the PostgreSQL server programs (${PROGRAMS.join(', ')}) are not installed`)
  return { bin, owner: process.getuid?.() === 0 ? await postgresUser() : undefined }
}

/**
 * `program` with `args`, run as the `postgres` user when there is an owner. setpriv replaces itself
 * with the program (no session, no child process of its own), so a signal to it reaches postgres.
 */
function as(owner: Owner | undefined, program: string, args: string[]): [string, string[]] {
  return owner
    ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', program, ...args]]
    : [program, args]
}

/** A temporary folder owned by the cluster's user and the data directory's path inside it. */
async function clusterFolder(owner: Owner | undefined, role: string): Promise<{ parent: string; dir: string }> {
  const parent = await mkdtemp(join(tmpdir(), `profmon-${role}-`))
  if (owner) await chown(parent, owner.uid, owner.gid)
  return { parent, dir: join(parent, 'data') }
}

/** Settings of every throwaway cluster: loopback only, its socket in its folder, no fsync. */
function loopback(port: number, parent: string): string[] {
  return [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${parent}'`,
    'shared_buffers = 16MB',
    'fsync = off',
  ]
}

/** Writes the cluster's postgresql.conf and a pg_hba.conf trusting local and loopback connections. */
async function configure(owner: Owner | undefined, dir: string, settings: string[], ...hba: string[]): Promise<void> {
  const files: [string, string][] = [
    ['postgresql.conf', [...settings, ''].join('\n')],
    ['pg_hba.conf', ['local all all trust', 'host all all 127.0.0.1/32 trust', ...hba, ''].join('\n')],
    ['pg_ident.conf', ''],
  ]
  for (const [name, text] of files) {
    await writeFile(join(dir, name), text)
    if (owner) await chown(join(dir, name), owner.uid, owner.gid)
  }
  await chmod(dir, 0o700)
}

/** Starts `postgres -D dir` and waits until it answers, in recovery for a standby and not for a primary. */
async function launch(tools: Programs, parent: string, dir: string, port: number, role: 'primary' | 'standby') {
  const child: ChildProcess = spawn(...as(tools.owner, join(tools.bin, 'postgres'), ['-D', dir]), {
    cwd: parent,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const keep = (d: Buffer) => (log = (log + d.toString()).slice(-10_000))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()))
  const stop = async () => {
    // SIGINT: PostgreSQL's fast shutdown.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT')
    await exited
    await rm(parent, { recursive: true, force: true })
  }

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  const query = async <R extends pg.QueryResultRow>(text: string) => {
    const c = new pg.Client({ connectionString: url })
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
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop()
      throw new Error(`the ${role} exited (${child.exitCode ?? child.signalCode}):\n${log}`)
    }
    try {
      const [r] = await query<{ recovery: boolean }>('select pg_is_in_recovery() as recovery')
      if (r?.recovery === (role === 'standby')) break
      throw new Error(role === 'standby' ? 'the copy is not in recovery: not a standby' : 'the primary is in recovery')
    } catch (e) {
      if (Date.now() > deadline) {
        await stop()
        throw new Error(`the ${role} did not come up in 30 s (${String(e)}):\n${log}`, { cause: e })
      }
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return { port, url, query, stop }
}

async function postgresUser(): Promise<Owner> {
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim())
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim())
  return { uid, gid }
}
