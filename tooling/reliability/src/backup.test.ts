import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { connect, sql, type ConnectOptions } from '@profmon/db'
import { expect, it } from 'vitest'
import { ENGINES, ownDatabase, skippedEngine } from './engines.ts'
import { signIn } from './faults/session.ts'
import { REPO_ROOT, startServer } from './server-process.ts'
import { recordReliability } from './summary/record.ts'

const run = promisify(execFile)
const PERIOD = '2025-26'

/** `pnpm backup` / `pnpm restore` as a user runs them (the scripts the root package.json names). */
async function script(name: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const { stdout } = await run(
    process.execPath,
    [
      '--disable-warning=ExperimentalWarning',
      '--experimental-strip-types',
      `apps/server/src/scripts/${name}.ts`,
      ...args,
    ],
    { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: '', ...env }, timeout: 300_000 },
  )
  return stdout
}

/** Every table of the schema `public`: row count and a hash of its rows, sorted (bytes included). */
async function contents(options: ConnectOptions): Promise<Record<string, { rows: number; hash: string }>> {
  const handle = await connect(options)
  try {
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' order by 1
    `.execute(handle.db)
    const out: Record<string, { rows: number; hash: string }> = {}
    for (const { name } of tables.rows) {
      const { rows } = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(handle.db)
      const sorted = rows.map((r) => r.row).sort()
      out[name] = { rows: sorted.length, hash: createHash('sha256').update(sorted.join('\n')).digest('hex') }
    }
    return out
  } finally {
    await handle.close()
  }
}

/**
 * `pnpm backup` while the server runs (after writes that touch values, the audit log, documents
 * and users), then `pnpm restore` into an empty database: every table of the restored database
 * has the same rows as the original.
 */
for (const engine of ['pglite', 'postgres'] as const) {
  const on = ENGINES.includes(engine)
  it.skipIf(!on)(
    `backup while the server runs and restore into an empty database on ${on ? engine : skippedEngine(engine)}`,
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'profmon-backup-'))
      const original = engine === 'postgres' ? await ownDatabase('profmon_backup') : undefined
      const restored = engine === 'postgres' ? await ownDatabase('profmon_restore') : undefined
      try {
        const where: Record<string, string> = original
          ? { DATABASE_URL: original.url }
          : { DATA_DIR: join(dir, 'data') }
        const server = await startServer({ ...where, DEMO: '1' })
        try {
          const admin = await signIn(server.url)
          const school = (await admin.get<{ id: number }[]>('/api/org-units/2/children'))[0]!.id
          expect(
            (
              await admin.send('POST', '/api/data-values', {
                values: [{ orgUnit: school, period: PERIOD, element: 'core.teachers_total', value: 42 }],
              })
            ).status,
          ).toBe(200)
          const form = new FormData()
          form.set('file', new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], 'приказ.pdf'))
          form.set('orgUnit', String(school))
          form.set('period', PERIOD)
          form.set('indicator', 'mentoring.programmes_presence')
          form.set('document', 'mentoring.programme')
          expect((await admin.send('POST', '/api/evidence', form)).status).toBe(201)
          expect(
            (
              await admin.send('POST', '/api/users', {
                login: 'backup-check',
                name: 'Проверка резервной копии',
                password: 'a-long-password-1',
                roles: [{ role: 'analyst', orgUnit: 1 }],
              })
            ).status,
          ).toBe(201)

          const file = join(dir, engine === 'postgres' ? 'profmon.dump' : 'profmon.tar.gz')
          const said = await script('backup', [file], where)
          expect(said).toMatch(/backup of the/)
          expect((await stat(file)).size).toBeGreaterThan(1000)
          // The server kept serving during the backup.
          expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
        } finally {
          await server.stop()
        }

        const file = join(dir, engine === 'postgres' ? 'profmon.dump' : 'profmon.tar.gz')
        const into: Record<string, string> = restored
          ? { DATABASE_URL: restored.url }
          : { DATA_DIR: join(dir, 'restored') }
        expect(await script('restore', [file], into)).toMatch(/restored/)
        // A second restore into the now filled database is refused: a restore never mixes data.
        await expect(script('restore', [file], into)).rejects.toThrow(/not empty/)

        const before = await contents(original ? { url: original.url } : { dataDir: join(dir, 'data') })
        const after = await contents(restored ? { url: restored.url } : { dataDir: join(dir, 'restored') })
        for (const table of ['data_value', 'audit_log', 'document', 'app_user', 'role_assignment'])
          expect(before[table]?.rows ?? 0, table).toBeGreaterThan(0)
        expect(after).toEqual(before)
        console.log(
          `backup/${engine}: ${Object.keys(before).length} tables, ${Object.values(before).reduce((n, t) => n + t.rows, 0)} rows restored identical`,
        )
        await recordReliability({
          kind: 'fault',
          engine,
          name: 'backup while running, restore into an empty database',
          survived: true,
        })
      } finally {
        await original?.drop()
        await restored?.drop()
        await rm(dir, { recursive: true, force: true })
      }
    },
    600_000,
  )
}
