/**
 * `pnpm backup [file]`: a consistent backup of the configured database while the server runs.
 *
 * - PostgreSQL (`DATABASE_URL`): `pg_dump` in its custom format (`-Fc`: one snapshot, compressed,
 *   restorable table by table with `pg_restore`); `pg_dump` of the server's major version or newer
 *   must be installed (Debian: postgresql-client).
 * - The embedded database (`DATA_DIR`): PGlite's dump of the data folder (gzipped tar). When a
 *   server holds the folder, it is asked to write the dump (SIGUSR2, see embedded-backup.ts);
 *   otherwise this process opens the folder itself.
 *
 * Default file: `profmon-<engine>-<date-time>.dump` / `.tar.gz` in the current folder.
 */
import { spawnSync } from 'node:child_process'
import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { connect, DatabaseLockedError } from '@profmon/db'
import { backupRequestFile, dumpEmbedded } from '../backup/embedded-backup.ts'
import { loadConfig } from '../config.ts'

const config = loadConfig()
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)
const engine = config.databaseUrl ? 'postgres' : 'pglite'
const file = resolve(process.argv[2] ?? `profmon-${engine}-${stamp}.${engine === 'postgres' ? 'dump' : 'tar.gz'}`)

async function viaServer(pid: number): Promise<void> {
  await rm(`${file}.error`, { force: true })
  await writeFile(backupRequestFile(config.dataDir), JSON.stringify({ file }), { mode: 0o600 })
  process.kill(pid, 'SIGUSR2')
  const end = Date.now() + 10 * 60_000
  while (Date.now() < end) {
    if (await stat(file).catch(() => undefined)) return
    const error = await readFile(`${file}.error`, 'utf8').catch(() => undefined)
    if (error) throw new Error(`the server could not write the backup: ${error}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`the server (pid ${pid}) did not write the backup within 10 minutes`)
}

if (config.databaseUrl) {
  const run = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, config.databaseUrl], {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (run.error || run.status !== 0) {
    console.error(
      run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'pg_dump is not installed: install the PostgreSQL client of your server’s version (Debian: postgresql-client)'
        : `pg_dump failed (exit ${run.status})`,
    )
    process.exit(1)
  }
} else {
  try {
    const handle = await connect({ dataDir: config.dataDir })
    try {
      await dumpEmbedded(handle, file)
    } finally {
      await handle.close()
    }
  } catch (e) {
    if (!(e instanceof DatabaseLockedError) || !e.owner) throw e
    await viaServer(e.owner.pid)
  }
}
console.log(
  `backup of the ${engine === 'postgres' ? 'PostgreSQL' : 'embedded'} database: ${file} (${(await stat(file)).size} bytes)`,
)
