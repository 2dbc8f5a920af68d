import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pluginRoots } from '@profmon/plugin-host'

/** Root of the repository (apps/server/src → ../../..). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)))

/** Server settings from the environment. */
export interface Config {
  port: number
  host: string
  /** PostgreSQL connection string; absent → embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined
  /** A hot standby of `databaseUrl` for analytics and report reads (read-your-writes kept). */
  databaseReadUrl: string | undefined
  dataDir: string
  /** Folders whose sub-folders are plugins (workspace plugins and built third-party ones). */
  pluginDirs: string[]
  /** Reverse proxies in front whose X-Forwarded-For is trusted for the client address (0: none). */
  trustProxy: number
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`)
  const trustProxy = Number(env.TRUST_PROXY ?? 0)
  if (!Number.isInteger(trustProxy) || trustProxy < 0)
    throw new Error(`TRUST_PROXY must be the number of trusted reverse proxies (0, 1, …), got "${env.TRUST_PROXY}"`)
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    pluginDirs: pluginRoots(env),
    trustProxy,
  }
}
