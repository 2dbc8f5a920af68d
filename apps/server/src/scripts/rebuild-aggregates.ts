/**
 * `pnpm aggregates:rebuild`: recomputes the maintained aggregates from the raw values of the
 * configured database (DATABASE_URL, else the embedded one in DATA_DIR) and says how many keys
 * had drifted (0 unless something wrote around the triggers). Safe while the server runs on
 * PostgreSQL (writers wait a moment); the embedded database must not be open elsewhere.
 */
import { migrateToLatest, rebuildAggregates } from '@profmon/db'
import { openDatabase } from '../boot.ts'
import { loadConfig } from '../config.ts'

const config = loadConfig()
const handle = await openDatabase(config.databaseUrl, config.dataDir)
try {
  await migrateToLatest(handle.db)
  const started = performance.now()
  const { rows, drifted } = await rebuildAggregates(handle.db)
  console.log(
    `aggregates rebuilt on ${handle.engine}: ${rows} rows in ${Math.round(performance.now() - started)} ms; ` +
      `${drifted} key(s) had drifted from the values`,
  )
} finally {
  await handle.close()
}
