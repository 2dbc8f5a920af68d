import type { Database, Engine, Kysely, ReadReplica } from '@profmon/db'
import type { Catalog } from './catalog/catalog.ts'
import type { JobQueue } from './jobs/queue.ts'
import type { Logger } from './logger.ts'

/** What every route needs; built once at start-up and passed to each route module. */
export interface AppDeps {
  db: Kysely<Database>
  engine: Engine
  catalog: Catalog
  log: Logger
  /** The background job queue (reports); started on first use. */
  jobs: JobQueue
  /** Where each plugin's built UI (remoteEntry.js and chunks) lives, by plugin id. */
  pluginUiDirs: ReadonlyMap<string, string>
  /** The hot standby (DATABASE_READ_URL) that analytics and report reads go to when it has the caller's writes. */
  readReplica?: ReadReplica | undefined
  /** How many reverse proxies in front are trusted to set X-Forwarded-For (TRUST_PROXY; 0: none). */
  trustProxy?: number
}
