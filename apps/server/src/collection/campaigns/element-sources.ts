import { sql, type Database, type Kysely } from '@profmon/db'
import { appendAudit } from '../../audit/audit-log.ts'
import type { Catalog } from '../../catalog/catalog.ts'
import { catalogFor } from '../../catalog/local-definitions.ts'
import { invalid } from '../../errors.ts'
import { findPeriod } from '../../org/periods.ts'
import type { ElementSource } from '../../analytics/derived/element-sources.ts'
import { readCampaign } from './campaigns.ts'

/** Per derived element, where the region's campaign takes it from, and whether the region keeps a registry. */
export interface ElementSourcesView {
  region: number
  period: string
  /** false: everything is entered whatever is chosen (the region keeps no teacher registry). */
  registryEnabled: boolean
  /** Every derived element: `registry` unless the region chose `entered`. */
  sources: Record<string, ElementSource>
}

/** The catalog with the local elements of every owner in the region (a region is a root: `/<id>/`). */
function regionCatalog(db: Kysely<Database>, catalog: Catalog, regionId: number): Promise<Catalog> {
  const path = `/${regionId}/`
  return catalogFor(db, catalog, [{ path }], { subtrees: [path] })
}

/** The effective source of every derived element in a region's campaign, local ones included. */
export async function readElementSources(
  db: Kysely<Database>,
  global: Catalog,
  regionId: number,
  periodCode: string,
): Promise<ElementSourcesView> {
  const catalog = await regionCatalog(db, global, regionId)
  const period = await findPeriod(db, periodCode)
  const [setting, campaign] = await Promise.all([
    db.selectFrom('registry_setting').select('enabled').where('region_id', '=', regionId).executeTakeFirst(),
    db
      .selectFrom('campaign')
      .select('element_sources')
      .where('region_id', '=', regionId)
      .where('period_id', '=', period.id)
      .executeTakeFirst(),
  ])
  const chosen = campaign?.element_sources ?? {}
  const sources: Record<string, ElementSource> = {}
  for (const e of catalog.elements.values())
    if (e.definition.derived)
      sources[e.definition.code] = chosen[e.definition.code] === 'entered' ? 'entered' : 'registry'
  return { region: regionId, period: periodCode, registryEnabled: setting?.enabled ?? false, sources }
}

/**
 * Sets, per derived element, whether the region's campaign takes it from the registry or has it
 * entered (elements left out keep their choice); stores the campaign with its current (or default)
 * deadlines when it was not stored yet; audited in the same transaction.
 */
export async function saveElementSources(
  db: Kysely<Database>,
  catalog: Catalog,
  regionId: number,
  periodCode: string,
  input: Record<string, ElementSource>,
  actor: string,
): Promise<ElementSourcesView> {
  const local = await regionCatalog(db, catalog, regionId)
  const details = Object.keys(input)
    .filter((code) => !local.elements.get(code)?.definition.derived)
    .map((code) => ({ path: `sources.${code}`, message: `"${code}" is not a derived data element` }))
  if (details.length) throw invalid(details, details[0]!.message)
  const period = await findPeriod(db, periodCode)
  await db.transaction().execute(async (trx) => {
    await sql`select id from org_unit where id = ${regionId} for update`.execute(trx)
    const before = await readCampaign(trx, regionId, periodCode)
    await trx
      .insertInto('campaign')
      .values({
        region_id: regionId,
        period_id: period.id,
        monitoring_due: before.monitoringDue,
        analysis_due: before.analysisDue,
        measures_due: before.measuresDue,
        effectiveness_due: before.effectivenessDue,
        collected_plugins: before.plugins,
        entry_levels: JSON.stringify(before.entryLevels),
        // Only the sources are chosen here: the period's deadlines stay unset (not enforced).
        deadlines_set: before.stored,
      })
      .onConflict((oc) => oc.columns(['region_id', 'period_id']).doNothing())
      .execute()
    const row = await trx
      .selectFrom('campaign')
      .select('element_sources')
      .where('region_id', '=', regionId)
      .where('period_id', '=', period.id)
      .executeTakeFirstOrThrow()
    const old = row.element_sources ?? {}
    const next = { ...old, ...input }
    await trx
      .updateTable('campaign')
      .set({ element_sources: JSON.stringify(next) })
      .where('region_id', '=', regionId)
      .where('period_id', '=', period.id)
      .execute()
    await appendAudit(trx, [
      {
        actor,
        action: 'update',
        entity: 'campaign_element_sources',
        entityKey: `${regionId}|${periodCode}`,
        orgUnitId: regionId,
        oldValue: old,
        newValue: next,
      },
    ])
  })
  return readElementSources(db, catalog, regionId, periodCode)
}
