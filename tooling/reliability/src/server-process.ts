import { spawn, type ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)))

/** A server started as `pnpm start` starts it, in a child process of this test. */
export interface ServerProcess {
  url: string
  child: ChildProcess
  /** Everything it wrote to stdout and stderr so far (the last 20,000 characters). */
  output(): string
  /** Resolves with the exit code (or signal) once it has exited. */
  exited: Promise<number | NodeJS.Signals | null>
  /** SIGKILL: no handler runs, nothing is flushed or released — a crash. */
  crash(): Promise<void>
  /** SIGTERM: the graceful shutdown. */
  stop(): Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer()
    s.once('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => ok(port))
    })
  })
}

/**
 * Spawns the composition root (`tooling/start/src/main.ts`) on a loopback port; `env` adds to and
 * overrides the environment (DATA_DIR, DATABASE_URL, DEMO …); `entry` is another composition root
 * (a script of this package, relative to the repository). Does not wait for it to listen.
 */
export async function spawnServer(
  env: Record<string, string>,
  entry = 'tooling/start/src/main.ts',
): Promise<ServerProcess> {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', '--experimental-strip-types', entry],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DEMO: '0',
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let log = ''
  const keep = (d: Buffer) => (log = (log + d.toString()).slice(-20_000))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<number | NodeJS.Signals | null>((ok) =>
    child.once('exit', (code, signal) => ok(signal ?? code)),
  )
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await exited
  }
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => log,
    exited,
    crash: () => kill('SIGKILL'),
    stop: () => kill('SIGTERM'),
  }
}

/** Waits until `/api/health` answers 200; throws with the server's output if it exits or times out. */
export async function waitForHealth(server: ServerProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null)
      throw new Error(`the server exited (${server.child.exitCode ?? server.child.signalCode}):\n${server.output()}`)
    try {
      const res = await fetch(`${server.url}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`the server did not answer within ${timeoutMs} ms:\n${server.output()}`)
}

/** Starts a server and waits until it is healthy. */
export async function startServer(env: Record<string, string>, entry?: string): Promise<ServerProcess> {
  const server = await spawnServer(env, entry)
  await waitForHealth(server)
  return server
}

/** The process's peak resident memory so far in MB (Linux: VmHWM), or null where /proc is missing. */
export async function peakRssMb(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1]
    return kb ? Math.round(Number(kb) / 1024) : null
  } catch {
    return null
  }
}

/** The process's resident memory now in MB (Linux: VmRSS), or null where /proc is missing. */
export async function rssMb(pid: number): Promise<number | null> {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Math.round(Number(kb) / 1024) : null
  } catch {
    return null
  }
}
