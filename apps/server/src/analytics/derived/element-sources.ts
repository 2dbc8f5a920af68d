import type { Database, Kysely } from '@profmon/db'
import type { Catalog, CatalogElement } from '../../catalog/catalog.ts'

/** Where a derived element's values come from in a campaign. */
export type ElementSource = 'registry' | 'entered'

/**
 * The derived elements a region takes from its teacher registry in a period: none unless the
 * region keeps a registry (`registry_setting.enabled`), so a region without one types every count
 * as before; otherwise every derived element the campaign did not switch to `entered`.
 */
export async function registrySourcedElements(
  db: Kysely<Database>,
  catalog: Catalog,
  regionId: number,
  periodIds: readonly number[],
): Promise<Map<number, CatalogElement[]>> {
  const out = new Map<number, CatalogElement[]>()
  const derived = [...catalog.elements.values()].filter((e) => e.definition.derived)
  if (!derived.length || !periodIds.length) return out
  const setting = await db
    .selectFrom('registry_setting')
    .select('enabled')
    .where('region_id', '=', regionId)
    .executeTakeFirst()
  if (!setting?.enabled) return out
  const campaigns = await db
    .selectFrom('campaign')
    .select(['period_id', 'element_sources'])
    .where('region_id', '=', regionId)
    .where('period_id', 'in', [...periodIds])
    .execute()
  const sources = new Map(campaigns.map((c) => [c.period_id, c.element_sources ?? {}]))
  for (const periodId of periodIds) {
    const chosen = sources.get(periodId) ?? {}
    out.set(
      periodId,
      derived.filter((e) => chosen[e.definition.code] !== 'entered'),
    )
  }
  return out
}
