import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reliabilityTally } from '@profmon/contract/reliability'
import { testEngine } from '@profmon/db/testing'
import { createApp } from '../app.ts'
import { JSON_MAX_BYTES, JSON_MAX_DEPTH } from '../middleware/json-limits/index.ts'
import { fileIn } from './static.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

/** Written beside the plugin's UI folder: no request may ever read it. */
const SECRET = 'SECRET-7c1e0b'

/** Ways to climb out of a folder through a URL: encoded, double-encoded, backslashes, NUL, junk. */
const CLIMBS = [
  '..%2fsecret.txt',
  '%2e%2e%2fsecret.txt',
  '%2e%2e/secret.txt',
  '..%5csecret.txt',
  '%252e%252e%252fsecret.txt',
  '....//secret.txt',
  '..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
  'secret.txt%00.js',
  '%c0%ae%c0%ae%2fsecret.txt',
  '%E0%A4%A',
  '%',
]

describe(`hostile requests — path traversal, body limits — on ${testEngine}`, () => {
  const traversal = reliabilityTally('path traversal (file-serving routes, raw request lines)', testEngine)
  const bodies = reliabilityTally('request bodies (over the size limit, nested past the depth limit)', testEngine)
  let t: TestApp
  let app: OpenAPIHono
  let parent: string
  let server: ServerType
  let port = 0

  beforeAll(async () => {
    t = await createTestApp()
    parent = await mkdtemp(join(tmpdir(), 'profmon-static-'))
    const ui = join(parent, 'ui')
    await mkdir(ui)
    await writeFile(join(ui, 'remoteEntry.js'), 'export const ok = 1')
    await writeFile(join(parent, 'secret.txt'), SECRET)
    app = createApp({ ...t.deps, pluginUiDirs: new Map([['demo', ui]]) })
    await new Promise<void>((ok) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
        port = info.port
        ok()
      })
    })
  })
  afterAll(async () => {
    traversal.flush()
    bodies.flush()
    await new Promise((ok) => server.close(ok))
    await t.close()
    await rm(parent, { recursive: true, force: true })
  })

  /** A request line sent as is (no client normalises `..` away), answered status and body. */
  function raw(path: string): Promise<{ status: number; body: string }> {
    return new Promise((ok, fail) => {
      const socket = connect(port, '127.0.0.1')
      let data = ''
      socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer for ${path}`)))
      socket.on('data', (d) => (data += d.toString('latin1')))
      socket.on('error', fail)
      socket.on('close', () => ok({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1] ?? 0), body: data }))
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
    })
  }

  function safe(path: string, r: { status: number; body: string }) {
    traversal.add()
    expect(r.status, path).not.toBe(500)
    expect(r.status, path).not.toBe(0)
    expect(r.body, path).not.toContain(SECRET)
    expect(r.body, path).not.toContain('root:x:0:0')
    expect(r.body, path).not.toMatch(/"name":\s*"(profmon|@profmon\/server)"/)
  }

  it('serves the plugin file itself, and nothing outside the plugin folder however the path is spelled', async () => {
    expect((await raw('/plugins/demo/remoteEntry.js')).body).toContain('export const ok = 1')
    for (const climb of [...CLIMBS, '../secret.txt', '../../../../etc/passwd', '..\\secret.txt']) {
      const path = `/plugins/demo/${climb}`
      const r = await raw(path)
      safe(path, r)
      // Literal `../` is resolved by the HTTP layer before routing: it lands on the shell (its
      // index page, or 503 when the shell is not built), never on a file outside.
      if (climb.includes('../')) expect([200, 404, 503], path).toContain(r.status)
      else expect(r.status, path).toBeGreaterThanOrEqual(400)
      const viaFetch = await app.request(path)
      safe(path, { status: viaFetch.status, body: await viaFetch.text() })
    }
    // The plugin id itself as a way out.
    for (const path of ['/plugins/..%2f..%2f/secret.txt', '/plugins/%2e%2e/secret.txt', '/plugins/../ui/../secret.txt'])
      safe(path, await raw(path))
  })

  it('never answers a file outside the shell build from /, only the build or its index page', async () => {
    for (const climb of [...CLIMBS, '../../../package.json', '../../../../../../etc/passwd']) {
      const path = `/${climb}`
      const r = await raw(path)
      safe(path, r)
      expect([200, 404, 503], path).toContain(r.status)
    }
  })

  it('resolves a shell path only to a file inside the build folder (whether or not the shell is built here)', async () => {
    const root = join(parent, 'ui')
    expect(await fileIn(root, '/remoteEntry.js')).toBe(join(root, 'remoteEntry.js'))
    for (const climb of [...CLIMBS, '../secret.txt', '/../secret.txt', '..\\secret.txt'])
      expect(await fileIn(root, `/${climb}`), climb).toBeUndefined()
  })

  it('takes document ids only as numbers: a path in their place is a 4xx, never a file', async () => {
    for (const base of ['/api/evidence', '/api/measure-documents'])
      for (const climb of ['..%2f..%2f..%2fpackage.json', '%2e%2e', '1%00', '1;..%2fpackage.json', '-1', '1e3', '%']) {
        const path = `${base}/${climb}/content`
        const res = await t.download(path)
        const body = await res.text()
        safe(path, { status: res.status, body })
        expect(res.status, path).toBeGreaterThanOrEqual(400)
        expect(res.status, path).toBeLessThan(500)
      }
  })

  it('refuses JSON bodies over the size limit (413) and nested past the depth limit (400), signed in or not', async () => {
    const value = { orgUnit: 1, period: '2025-26', element: 'core.teachers_total', value: 1 }
    const huge = JSON.stringify({ values: Array.from({ length: JSON_MAX_BYTES / 60 }, () => value) })
    expect(huge.length).toBeGreaterThan(JSON_MAX_BYTES)
    bodies.add()
    const big = await t.call<{ error: { code: string } }>('POST', '/api/data-values', JSON.parse(huge))
    expect(big.status).toBe(413)
    expect(big.body.error.code).toBe('payload_too_large')
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    for (const path of ['/api/data-values', '/api/auth/login']) {
      bodies.add()
      const res = await app.request(path, {
        method: 'POST',
        body: `{"values":${deep}}`,
        headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      })
      expect(res.status, path).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('json_too_deep')
    }
    // Just within the limit: parsed and refused by the schema as usual, not by the limit.
    const nested = '['.repeat(JSON_MAX_DEPTH - 1) + ']'.repeat(JSON_MAX_DEPTH - 1)
    const ok = await app.request('/api/auth/login', {
      method: 'POST',
      body: `{"login":${nested}}`,
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    })
    expect(ok.status).toBe(400)
    expect(((await ok.json()) as { error: { code: string } }).error.code).not.toBe('json_too_deep')
  })
})
