import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { connect, DatabaseLockedError } from './connect.ts'
import { currentOwner, lockDirectory, processStartTime } from './data-dir-lock.ts'

const HOLDER = fileURLToPath(new URL('./fixtures/hold-data-dir.ts', import.meta.url))

/** A real second process that opens `dataDir` and holds it; resolves once it is open. */
async function holder(dataDir: string, ...flags: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', HOLDER, dataDir, ...flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let err = ''
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`holder not ready in 60 s: ${err}`)), 60_000)
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) {
        clearTimeout(timer)
        ok()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`holder exited (${code}): ${err}`))
    })
  })
  return child
}

function killed(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) return ok()
    child.once('exit', () => ok())
    child.kill(signal)
  })
}

describe('the data directory lock', () => {
  const dirs: string[] = []
  const children: ChildProcess[] = []
  afterAll(async () => {
    for (const c of children) await killed(c, 'SIGKILL')
    for (const d of dirs) await rm(d, { recursive: true, force: true })
  })
  async function tempDir() {
    const d = await mkdtemp(join(tmpdir(), 'profmon-lock-'))
    dirs.push(d)
    return join(d, 'data')
  }

  it('refuses a second live process with a clear message naming the holder', async () => {
    const dataDir = await tempDir()
    const child = await holder(dataDir, '--lock-only')
    children.push(child)
    const refused = connect({ dataDir })
    await expect(refused).rejects.toThrow(DatabaseLockedError)
    await expect(connect({ dataDir })).rejects.toThrow(
      new RegExp(`in use by another profmon process \\(pid ${child.pid} on `),
    )
    await killed(child, 'SIGTERM')
  })

  it('is taken over on the first try right after the holder was killed with SIGKILL', async () => {
    const dataDir = await tempDir()
    const child = await holder(dataDir)
    children.push(child)
    const owner = JSON.parse(await readFile(`${dataDir}.lock`, 'utf8'))
    expect(owner).toMatchObject({ pid: child.pid, hostname: hostname() })
    await killed(child, 'SIGKILL')
    // The lock file is still there (nothing ran at exit) and says who held it.
    expect(JSON.parse(await readFile(`${dataDir}.lock`, 'utf8')).pid).toBe(child.pid)
    const started = Date.now()
    const handle = await connect({ dataDir })
    try {
      const { rows } = await handle.pool.query('select 1 as one')
      expect(rows).toEqual([{ one: 1 }])
      // Taken over at once, not after a stale timeout (opening PGlite itself takes a few seconds).
      expect(Date.now() - started).toBeLessThan(10_000)
      expect(JSON.parse(await readFile(`${dataDir}.lock`, 'utf8')).pid).toBe(process.pid)
    } finally {
      await handle.close()
    }
  })

  it('treats a reused process id (another start time) as gone', async () => {
    const dir = await tempDir()
    // The parent process is alive, but it is not the process that wrote this lock.
    const stale = { ...currentOwner(), pid: process.ppid, startTime: '1' }
    await writeFile(`${dir}.lock`, JSON.stringify(stale))
    if (processStartTime(process.ppid) === null) return // no /proc here: only the pid is checked
    const release = await lockDirectory(dir)
    expect(JSON.parse(await readFile(`${dir}.lock`, 'utf8')).pid).toBe(process.pid)
    await release()
  })

  it('honours a lock of a live process on this host, and of another host until its heartbeat stops', async () => {
    const dir = await tempDir()
    await writeFile(`${dir}.lock`, JSON.stringify({ ...currentOwner(), pid: process.ppid, startTime: null }))
    await expect(lockDirectory(dir)).rejects.toThrow(/held by process/)

    const elsewhere = { ...currentOwner(), hostname: 'another-host.invalid' }
    await writeFile(`${dir}.lock`, JSON.stringify(elsewhere))
    await expect(lockDirectory(dir)).rejects.toThrow(/another-host\.invalid/)
    const longAgo = new Date(Date.now() - 60_000)
    await utimes(`${dir}.lock`, longAgo, longAgo)
    const release = await lockDirectory(dir)
    await release()
  })

  it('lets exactly one of several processes take over a dead lock at the same time', async () => {
    const dir = await tempDir()
    await writeFile(`${dir}.lock`, JSON.stringify({ ...currentOwner(), pid: 2 ** 22 + 7, startTime: null }))
    const results = await Promise.allSettled([lockDirectory(dir), lockDirectory(dir), lockDirectory(dir)])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(2)
    for (const r of results) if (r.status === 'fulfilled') await r.value()
  })
})
