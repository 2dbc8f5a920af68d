import type { Kysely } from 'kysely'
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration'
import * as foundation from './migrations/0001-foundation.ts'
import * as accessControl from './migrations/0002-access-control.ts'
import * as localIndicators from './migrations/0003-local-indicators.ts'
import * as entryWorkflow from './migrations/0004-entry-workflow.ts'
import * as evidence from './migrations/0005-evidence.ts'
import * as campaignCollection from './migrations/0006-campaign-collection.ts'
import * as goals from './migrations/0007-goals.ts'
import * as recommendations from './migrations/0008-recommendations.ts'
import * as measures from './migrations/0009-measures.ts'
import * as decisionsEffectiveness from './migrations/0010-decisions-effectiveness.ts'
import * as reports from './migrations/0011-reports.ts'
import * as aggregates from './migrations/0012-aggregates.ts'
import * as registry from './migrations/0013-registry.ts'
import * as coreElements from './migrations/0014-core-elements.ts'
import * as partitionByRegion from './migrations/0015-partition-by-region.ts'
import * as analyticsVersion from './migrations/0016-analytics-version.ts'
import type { Database } from './schema.ts'

/** Migrations as code, in order. Names are stable: they are recorded in the database. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-access-control': accessControl,
  '0003-local-indicators': localIndicators,
  '0004-entry-workflow': entryWorkflow,
  '0005-evidence': evidence,
  '0006-campaign-collection': campaignCollection,
  '0007-goals': goals,
  '0008-recommendations': recommendations,
  '0009-measures': measures,
  '0010-decisions-effectiveness': decisionsEffectiveness,
  '0011-reports': reports,
  '0012-aggregates': aggregates,
  '0013-registry': registry,
  '0014-core-elements': coreElements,
  '0015-partition-by-region': partitionByRegion,
  '0016-analytics-version': analyticsVersion,
}

/**
 * Brings the database to the latest schema. Idempotent: applied migrations are skipped.
 * Throws with the failing migration's name.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const result = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(result.error)}`, {
      cause: result.error,
    })
  }
  return result
}
