import { readFileSync, unlinkSync } from 'node:fs'
import { link, readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'

/** Who holds a data directory: written into the lock file as JSON. */
export interface LockOwner {
  pid: number
  hostname: string
  /** The owner process's start time (clock ticks since boot, from /proc), when the OS tells it. */
  startTime: string | null
  /** The boot the owner ran in (Linux boot id): a lock from before a reboot has no live owner. */
  bootId: string | null
  /** When the lock was taken (ISO time), for people reading the file. */
  since: string
}

/** The data directory is held by a live process. */
export class LockHeldError extends Error {
  readonly owner: LockOwner | null

  constructor(owner: LockOwner | null) {
    super(owner ? `held by process ${owner.pid} on ${owner.hostname} since ${owner.since}` : 'held')
    this.name = 'LockHeldError'
    this.owner = owner
  }
}

/** How often the holder touches its lock file; an owner on another host is gone after `STALE_MS`. */
const HEARTBEAT_MS = 5_000
const STALE_MS = 30_000

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

/** A process's start time from /proc/<pid>/stat (field 22), or null where there is no /proc. */
export function processStartTime(pid: number): string | null {
  const stat = readProc(`/proc/${pid}/stat`)
  if (!stat) return null
  // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return fields[19] ?? null
}

function bootId(): string | null {
  return readProc('/proc/sys/kernel/random/boot_id')?.trim() ?? null
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** This process as a lock owner. */
export function currentOwner(): LockOwner {
  return {
    pid: process.pid,
    hostname: hostname(),
    startTime: processStartTime(process.pid),
    bootId: bootId(),
    since: new Date().toISOString(),
  }
}

/**
 * Whether the recorded owner still runs. On this host that is known at once: the process id is
 * gone, or it now names another process (a different start time — pid reuse), or the machine
 * rebooted since. On another host (a shared network folder) only the heartbeat tells.
 */
export function ownerAlive(owner: LockOwner, lastHeartbeat: number, now = Date.now()): boolean {
  if (owner.hostname !== hostname()) return now - lastHeartbeat < STALE_MS
  const boot = bootId()
  if (owner.bootId && boot && owner.bootId !== boot) return false
  if (!pidAlive(owner.pid)) return false
  const start = processStartTime(owner.pid)
  if (owner.startTime && start && owner.startTime !== start) return false
  return true
}

function parseOwner(text: string): LockOwner | null {
  try {
    const o = JSON.parse(text) as Partial<LockOwner>
    if (typeof o.pid !== 'number' || typeof o.hostname !== 'string') return null
    return {
      pid: o.pid,
      hostname: o.hostname,
      startTime: o.startTime ?? null,
      bootId: o.bootId ?? null,
      since: o.since ?? '?',
    }
  } catch {
    return null
  }
}

interface Observed {
  owner: LockOwner | null
  mtimeMs: number
  directory: boolean
  raw: string
}

async function observe(lockPath: string): Promise<Observed | null> {
  try {
    const s = await stat(lockPath)
    if (s.isDirectory()) return { owner: null, mtimeMs: s.mtimeMs, directory: true, raw: '' }
    const raw = await readFile(lockPath, 'utf8')
    return { owner: parseOwner(raw), mtimeMs: s.mtimeMs, directory: false, raw }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
}

function gone(o: Observed): boolean {
  // A lock without a readable owner (an older release's lock folder, a torn write) goes stale by
  // its age alone, as every lock did before owners were recorded.
  if (!o.owner) return Date.now() - o.mtimeMs >= STALE_MS
  return !ownerAlive(o.owner, o.mtimeMs)
}

/** Creates the lock file with its content in one step: link() fails if it exists. */
async function tryCreate(lockPath: string, content: string): Promise<boolean> {
  const tmp = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  await writeFile(tmp, content)
  try {
    await link(tmp, lockPath)
    return true
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw e
  } finally {
    await unlink(tmp).catch(() => {})
  }
}

/**
 * Takes over a lock whose owner is gone. Takers serialise on a second lock file and look again
 * under it, so two processes starting after one crash cannot both win, and none removes the
 * lock a quicker one has just taken.
 */
async function takeOver(lockPath: string, seen: Observed, content: string): Promise<boolean> {
  const mutex = `${lockPath}.takeover`
  if (!(await tryCreate(mutex, String(process.pid)))) {
    // Another process is taking over; its mutex is stale only if it crashed in these few lines.
    const m = await stat(mutex).catch(() => null)
    if (m && Date.now() - m.mtimeMs > STALE_MS) await unlink(mutex).catch(() => {})
    return false
  }
  try {
    const now = await observe(lockPath)
    if (now && (now.raw !== seen.raw || now.directory !== seen.directory || !gone(now))) return false
    if (now) await rm(lockPath, { recursive: true, force: true })
    return await tryCreate(lockPath, content)
  } finally {
    await unlink(mutex).catch(() => {})
  }
}

/**
 * Locks a data directory for this process: a file `<dir>.lock` that records the owner (pid, host,
 * process start time, boot id). A second live process is refused with {@link LockHeldError};
 * the lock of a process that is gone (killed, crashed, the machine rebooted) is taken over at once.
 * Returns the release function; the lock is also removed when the process exits normally.
 *
 * @example
 * const release = await lockDirectory('/srv/profmon/data')
 * try { … } finally { await release() }
 */
export async function lockDirectory(dir: string): Promise<() => Promise<void>> {
  const lockPath = `${dir}.lock`
  const content = JSON.stringify(currentOwner())
  // Bounded: each round either wins, refuses, or lost a race to another taker (then looks again).
  for (let attempt = 0; ; attempt++) {
    if (await tryCreate(lockPath, content)) break
    const seen = await observe(lockPath)
    if (seen && !gone(seen)) throw new LockHeldError(seen.owner)
    if (seen && (await takeOver(lockPath, seen, content))) break
    if (attempt >= 20) throw new LockHeldError(seen?.owner ?? null)
    await new Promise((r) => setTimeout(r, 50))
  }

  const ours = async () => (await readFile(lockPath, 'utf8').catch(() => '')) === content
  const heartbeat = setInterval(() => {
    const now = new Date()
    void utimes(lockPath, now, now).catch(() => {})
  }, HEARTBEAT_MS)
  heartbeat.unref()
  const onExit = () => {
    try {
      if (readFileSync(lockPath, 'utf8') === content) unlinkSync(lockPath)
    } catch {
      // already gone
    }
  }
  process.on('exit', onExit)
  let released = false
  return async () => {
    if (released) return
    released = true
    clearInterval(heartbeat)
    process.off('exit', onExit)
    if (await ours()) await unlink(lockPath).catch(() => {})
  }
}
