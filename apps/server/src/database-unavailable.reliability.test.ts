import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { connect, type DatabaseHandle } from '@profmon/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reliabilityFault } from '@profmon/contract/reliability'
import { createApp } from './app.ts'
import { createTestApp, type TestApp } from './testing/test-app.ts'

/**
 * A loopback TCP proxy in front of PostgreSQL that the test can cut and restore: the database
 * "goes away" for this server only, while the shared PostgreSQL keeps running for everyone else.
 */
class Proxy {
  private server: Server | undefined
  private sockets = new Set<Socket>()
  port = 0
  private target: { host: string; port: number }
  constructor(target: { host: string; port: number }) {
    this.target = target
  }

  async up(): Promise<void> {
    if (this.server) return
    const server = createServer((client) => {
      const upstream = tcpConnect(this.target.port, this.target.host)
      for (const s of [client, upstream]) {
        this.sockets.add(s)
        s.on('close', () => this.sockets.delete(s))
        s.on('error', () => {})
      }
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((ok) => server.listen(this.port, '127.0.0.1', ok))
    this.port = (server.address() as { port: number }).port
    this.server = server
  }

  /** Refuses new connections and cuts the open ones, as a PostgreSQL restart does. */
  async down(): Promise<void> {
    const server = this.server
    this.server = undefined
    const closed = new Promise((ok) => server?.close(ok))
    for (const s of this.sockets) s.destroy()
    await closed
  }
}

const url = process.env.TEST_DATABASE_URL

describe.skipIf(!url)('PostgreSQL unavailable under a running server', () => {
  let t: TestApp
  let proxied: DatabaseHandle
  let app: OpenAPIHono
  let proxy: Proxy

  beforeAll(async () => {
    t = await createTestApp()
    const direct = new URL(
      (t.handle.pool as unknown as { options: { connectionString: string } }).options.connectionString,
    )
    proxy = new Proxy({ host: direct.hostname, port: Number(direct.port || 5432) })
    await proxy.up()
    direct.host = `127.0.0.1:${proxy.port}`
    proxied = await connect({ url: direct.toString(), poolSize: 4 })
    app = createApp({ ...t.deps, db: proxied.db })
  })
  afterAll(async () => {
    await proxy.up()
    await proxied.close()
    await t.close()
  })

  const health = async () => {
    const started = performance.now()
    const res = await app.request('/api/health')
    return { res, body: (await res.json()) as { error?: { code: string } }, ms: performance.now() - started }
  }

  it('answers 503 with Retry-After while the database is away, and recovers by itself', async () => {
    expect((await health()).res.status).toBe(200)
    await proxy.down()
    // Pooled connections were cut, new ones are refused: each request is a 503, never a 500 or a hang.
    for (let i = 0; i < 5; i++) {
      const r = await health()
      expect(r.res.status).toBe(503)
      expect(r.res.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(r.body.error?.code).toBe('database_unavailable')
      expect(r.ms).toBeLessThan(6_000)
    }
    const signedIn = await app.request('/api/org-units', { headers: { authorization: 'Bearer pm_x' } })
    expect(signedIn.status).toBe(503)

    await proxy.up()
    // Back: the next requests succeed without a restart (bounded: 20 tries over ~10 s).
    let status = 0
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await health()).res.status
      if (status !== 200) await new Promise((r) => setTimeout(r, 500))
    }
    expect(status).toBe(200)
    reliabilityFault(
      'PostgreSQL away (connections cut behind a loopback proxy): 503 with Retry-After, back by itself',
      'postgres',
    )
  })
})
