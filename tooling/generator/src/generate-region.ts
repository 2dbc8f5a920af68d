import type { DatabaseHandle } from '@profmon/db'
import { insertCampaigns } from './campaigns.ts'
import { copyValues } from './copy-values.ts'
import { readElementSpecs } from './element-spec.ts'
import { insertOrgTree } from './insert-org-tree.ts'
import { kyselyOnClient } from './kysely-on-client.ts'
import { DEFAULTS, type GenerateOptions, type GenerateResult } from './options.ts'
import { ensurePeriods } from './periods.ts'
import { planOrgTree } from './plan-org-tree.ts'
import { enableActivePlugins } from './region-plugins.ts'
import { valueChunks } from './value-chunks.ts'

/** Rows per COPY: bounds memory (a PGlite blob is built whole) at a few tens of megabytes. */
const COPY_ROWS = 200_000

/**
 * Generates a whole region in one transaction: the org tree (region → municipalities →
 * organisations), periods with their campaigns, every active plugin enabled, and values of every
 * numeric and boolean data element of every active plugin for every period, bulk-loaded with
 * COPY. Reads the plugin definitions the server synced into the database, not the manifests.
 * Deterministic: the same seed and plugins give identical data.
 *
 * @example
 * const result = await generateRegion(handle, { municipalities: 12, organizations: 200 })
 * console.log(`${result.values} values in ${result.loadMs} ms`)
 */
export async function generateRegion(handle: DatabaseHandle, options: GenerateOptions): Promise<GenerateResult> {
  const seed = options.seed ?? DEFAULTS.seed
  const missingRate = options.missingRate ?? DEFAULTS.missingRate
  const periodSpecs = options.periods ?? DEFAULTS.periods
  // Planned before touching the database: a bad size fails without a transaction to undo.
  const plan = planOrgTree(options.municipalities, options.organizations, seed)

  const client = await handle.pool.connect()
  const db = kyselyOnClient(client)
  try {
    await client.query('begin')
    const { regionId, tree } = await insertOrgTree(db, options.regionName ?? DEFAULTS.regionName, plan)
    const periods = await ensurePeriods(db, periodSpecs)
    await insertCampaigns(db, regionId, periods, options.openLatestUntil)
    await enableActivePlugins(db, regionId)
    const specs = await readElementSpecs(db)

    const started = performance.now()
    const copy = copyValues(handle, client)
    let values = 0
    for (const chunk of valueChunks(specs, tree, periods, { seed, missingRate }, COPY_ROWS)) {
      await copy(chunk.parts)
      values += chunk.rows
    }
    const loadMs = Math.round(performance.now() - started)
    await client.query('commit')
    // Fresh statistics after a bulk load: without them the planner guesses a few hundred rows
    // and picks nested loops (PGlite has no autovacuum to do this later).
    await client.query('analyze org_unit, data_value, data_aggregate')
    return {
      regionId,
      municipalities: plan.length,
      organizations: tree.ids[3]!.length,
      periods: periods.length,
      values,
      loadMs,
    }
  } catch (e) {
    await client.query('rollback').catch(() => undefined)
    throw e
  } finally {
    client.release()
  }
}
