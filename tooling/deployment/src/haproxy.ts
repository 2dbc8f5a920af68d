import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort } from '@profmon/reliability/server-process'

/** Whether HAProxy is installed (CI installs the distribution's package). */
export async function haproxyVersion(): Promise<string | undefined> {
  try {
    const { stdout } = await promisify(execFile)('haproxy', ['-v'])
    return /version (\S+)/i.exec(stdout)?.[1] ?? stdout.trim()
  } catch {
    return undefined
  }
}

export interface Proxy {
  url: string
  stop(): Promise<void>
}

/**
 * HAProxy on a loopback port in front of `backends` (`http://127.0.0.1:<port>` each), as an
 * operator would run it: round robin, a health check of `/api/health` every 300 ms that takes a
 * dead server out after one miss, and a request whose connection was refused retried on
 * another server (never one that was sent: a write is not repeated behind the client's back).
 */
export async function startHaproxy(backends: string[]): Promise<Proxy> {
  const port = await freePort()
  const dir = await mkdtemp(join(tmpdir(), 'profmon-haproxy-'))
  const config = join(dir, 'haproxy.cfg')
  await writeFile(
    config,
    [
      'global',
      '  maxconn 256',
      'defaults',
      '  mode http',
      '  timeout connect 1s',
      '  timeout client 60s',
      '  timeout server 60s',
      '  retries 3',
      '  option redispatch 1',
      '  option forwardfor',
      'frontend profmon',
      `  bind 127.0.0.1:${port}`,
      '  default_backend servers',
      'backend servers',
      '  balance roundrobin',
      '  option httpchk GET /api/health',
      '  http-check expect status 200',
      ...backends.map((b, i) => `  server s${i + 1} ${new URL(b).host} check inter 300ms fall 1 rise 1`),
      '',
    ].join('\n'),
  )
  const child: ChildProcess = spawn('haproxy', ['-db', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-10_000)))
  child.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-10_000)))
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 10_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited (${child.exitCode}):\n${log}`)
    try {
      if ((await fetch(`${url}/api/health`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`haproxy did not answer within 10 s:\n${log}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
      await rm(dir, { recursive: true, force: true })
    },
  }
}
