import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import type { DatabaseHandle } from '@profmon/db'
import type { Logger } from '../logger.ts'

/**
 * A backup of the embedded database is asked of the process that holds it: the lock keeps every
 * other process out of `DATA_DIR`. `pnpm backup` writes the target path to this request file next
 * to the data folder and sends the holder SIGUSR2 (only the same user may signal it: no network
 * surface); the holder writes the dump there.
 */
export const backupRequestFile = (dataDir: string) => `${dataDir}.backup-request.json`

export interface BackupRequest {
  /** Where the dump goes (written to `<file>.partial`, then renamed: it appears whole or not at all). */
  file: string
}

/**
 * Writes a consistent dump of the embedded database (PGlite's `dumpDataDir`, a gzipped tar of the
 * data folder taken between statements: PGlite runs one at a time) to `file`. Returns its bytes.
 *
 * @example
 * await dumpEmbedded(handle, '/backups/profmon-2026-12-01.tar.gz')
 */
export async function dumpEmbedded(handle: DatabaseHandle, file: string): Promise<number> {
  if (!handle.pglite) throw new Error('not the embedded database')
  const dump = await handle.pglite.dumpDataDir('gzip')
  const bytes = new Uint8Array(await dump.arrayBuffer())
  await writeFile(`${file}.partial`, bytes, { mode: 0o600 })
  await rename(`${file}.partial`, file)
  return bytes.length
}

/** Answers `pnpm backup` while this process holds the embedded database (see {@link backupRequestFile}). */
export function answerBackupRequests(handle: DatabaseHandle, dataDir: string, log: Logger): void {
  if (handle.engine !== 'pglite') return
  process.on('SIGUSR2', () => {
    void (async () => {
      const requestFile = backupRequestFile(dataDir)
      let request: BackupRequest | undefined
      try {
        request = JSON.parse(await readFile(requestFile, 'utf8')) as BackupRequest
        await rm(requestFile, { force: true })
        const bytes = await dumpEmbedded(handle, request.file)
        log.info({ file: request.file, bytes }, 'backup written')
      } catch (err) {
        log.error({ err, file: request?.file }, 'backup failed')
        if (request) await writeFile(`${request.file}.error`, String(err)).catch(() => {})
      }
    })()
  })
}
