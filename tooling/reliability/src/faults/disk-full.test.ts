import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { open, rm, statfs } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ENGINE } from '../engines.ts'
import { startServer, type ServerProcess } from '../server-process.ts'
import { recordReliability } from '../summary/record.ts'
import { signIn } from './session.ts'

const PERIOD = '2025-26'
const SIZE_MB = 160

/**
 * A size-limited directory for the embedded database: a tmpfs of 160 MB mounted for this test.
 * Mounting needs root (CI runs as root); elsewhere the test is skipped and says why.
 */
function mountSmallDisk(): { dir: string; why?: never } | { dir?: never; why: string } {
  const dir = mkdtempSync(join(tmpdir(), 'profmon-disk-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE_MB}m`, 'tmpfs', dir], { stdio: 'pipe' })
    return { dir }
  } catch (e) {
    rmSync(dir, { recursive: true, force: true })
    const why = String((e as { stderr?: Buffer }).stderr ?? e)
      .trim()
      .split('\n')[0]
    return { why: `mounting a ${SIZE_MB} MB tmpfs is not permitted here: ${why}` }
  }
}

const disk =
  ENGINE !== 'pglite'
    ? { why: 'the embedded database’s disk; this run is on PostgreSQL (whose disk is the server’s, not ours to fill)' }
    : process.platform === 'linux'
      ? mountSmallDisk()
      : { why: 'mounting a tmpfs needs Linux' }

/** Fills the file system of `dir` to the last byte with one file; returns its path. */
async function fill(dir: string): Promise<string> {
  const path = join(dir, 'filler')
  const file = await open(path, 'w')
  const chunk = Buffer.alloc(1 << 20)
  try {
    for (;;) await file.write(chunk)
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOSPC') throw e
  } finally {
    await file.close().catch(() => {})
  }
  // The last partial chunk, byte by byte in 4 KB steps, so nothing is left.
  const rest = await open(path, 'a')
  try {
    for (;;) await rest.write(Buffer.alloc(4096))
  } catch {
    // full
  } finally {
    await rest.close().catch(() => {})
  }
  return path
}

describe('the embedded database on a full disk', () => {
  let server: ServerProcess | undefined
  afterAll(async () => {
    await server?.crash()
    if (disk.dir) {
      execFileSync('umount', ['-l', disk.dir])
      rmSync(disk.dir, { recursive: true, force: true })
    }
  })

  it.skipIf(!disk.dir)(
    disk.dir
      ? 'refuses writes with 507 and a clear message, keeps serving, and loses nothing stored before'
      : `on a full disk (skipped: ${disk.why})`,
    async () => {
      const env = { DATA_DIR: join(disk.dir!, 'data'), DEMO: '1' }
      server = await startServer(env)
      let admin = await signIn(server.url)
      const school = 20
      const read = async () =>
        (
          await admin.get<{ values: { element: string; option: string | null; value: unknown; version: number }[] }>(
            `/api/data-values?orgUnit=${school}&period=${PERIOD}`,
          )
        ).values
      // Something stored before the disk fills: a write acknowledged, then everything of the unit.
      const stored = await admin.send('POST', '/api/data-values', {
        values: [{ orgUnit: school, period: PERIOD, element: 'core.teachers_total', value: 61 }],
      })
      expect(stored.status).toBe(200)
      const before = await read()
      const evidenceBefore = await admin.get<{ documents: { id: number }[] }>(
        `/api/evidence?orgUnit=${school}&period=${PERIOD}`,
      )

      const filler = await fill(disk.dir!)
      expect((await statfs(disk.dir!)).bavail).toBe(0)
      // Writes that need new pages: evidence documents of 3 MB (PGlite keeps no reserve to fall back on).
      const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3 << 20, 7)])
      const answers: { status: number; code?: string; message?: string }[] = []
      for (let i = 0; i < 4; i++) {
        const form = new FormData()
        form.set('file', new File([pdf], `документ ${i}.pdf`))
        form.set('orgUnit', String(school))
        form.set('period', PERIOD)
        form.set('indicator', 'mentoring.programmes_presence')
        form.set('document', 'mentoring.programme')
        const started = Date.now()
        const res = await admin.send('POST', '/api/evidence', form)
        expect(Date.now() - started, 'no hang').toBeLessThan(30_000)
        const error = (res.body as { error?: { code: string; message: string } }).error
        answers.push({ status: res.status, code: error?.code, message: error?.message })
      }
      console.log(`disk-full/pglite: ${answers.map((a) => `${a.status} ${a.code ?? ''}`).join(', ')}`)
      const refused = answers.filter((a) => a.status === 507)
      expect(refused.length, JSON.stringify(answers)).toBeGreaterThan(0)
      for (const a of answers) expect([201, 507], JSON.stringify(a)).toContain(a.status)
      expect(refused[0]!.message).toMatch(/disk is full/)
      // Still serving reads, and what was stored is intact.
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
      expect(await read()).toEqual(before)

      // Space freed: writes work again, without a restart; and after one, everything is there.
      await rm(filler)
      const again = await admin.send('POST', '/api/data-values', {
        values: [{ orgUnit: school, period: PERIOD, element: 'deficits.diagnosed', value: 9 }],
      })
      expect(again.status, JSON.stringify(again.body)).toBe(200)
      await server.stop()
      server = await startServer(env)
      admin = await signIn(server.url)
      const after = await read()
      expect(after.filter((v) => v.element !== 'deficits.diagnosed')).toEqual(
        before.filter((v) => v.element !== 'deficits.diagnosed'),
      )
      expect(after.find((v) => v.element === 'deficits.diagnosed' && v.option === null)?.value).toBe(9)
      const evidenceAfter = await admin.get<{ documents: { id: number }[] }>(
        `/api/evidence?orgUnit=${school}&period=${PERIOD}`,
      )
      const ids = new Set(evidenceAfter.documents.map((d) => d.id))
      for (const d of evidenceBefore.documents) expect(ids.has(d.id)).toBe(true)
      await recordReliability({
        kind: 'fault',
        engine: 'pglite',
        name: 'disk full under the embedded database',
        survived: true,
      })
    },
  )
})
