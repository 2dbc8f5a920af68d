import { ORG_LEVEL_DEPTH, type OrgLevel } from '@profmon/contract'
import { sql, type Database, type Kysely } from '@profmon/db'
import { LOCAL_GROUP, type CatalogElement } from '../../catalog/catalog.ts'
import { invalid } from '../../errors.ts'
import { regionIdOf } from '../../org/org-units.ts'

/** What a region collects in one period: the directions (null: all enabled) and moved entry levels. */
export interface CollectionPlan {
  plugins: string[] | null
  entryLevels: Record<string, OrgLevel>
}

/** A stored campaign's plan and, once its monitoring deadline has passed, that date. */
interface StoredCampaign extends CollectionPlan {
  overdueSince: string | null
}

export const DEFAULT_PLAN: CollectionPlan = { plugins: null, entryLevels: {} }

/**
 * The campaigns of some regions and periods, read in one query: which directions are collected,
 * at which org level each element is entered, and whether the monitoring deadline has passed. A
 * region without a stored campaign collects every enabled direction at the manifests' levels and
 * has no deadline. Local elements keep their own level (their owner sets it) and are always
 * collected.
 *
 * @example
 * const plans = await CollectionPlans.load(db, [regionId], [periodId])
 * plans.entryDepth(regionId, periodId, element) // 2 when the region moved it to municipalities
 */
export class CollectionPlans {
  readonly #plans: ReadonlyMap<string, StoredCampaign>

  private constructor(plans: Map<string, StoredCampaign>) {
    this.#plans = plans
  }

  static async load(db: Kysely<Database>, regionIds: number[], periodIds: number[]): Promise<CollectionPlans> {
    const rows =
      regionIds.length && periodIds.length
        ? await db
            .selectFrom('campaign')
            .select([
              'region_id',
              'period_id',
              'collected_plugins',
              'entry_levels',
              sql<string | null>`case when deadlines_set and monitoring_due < current_date
                                      then to_char(monitoring_due, 'YYYY-MM-DD') end`.as('overdue_since'),
            ])
            .where('region_id', 'in', regionIds)
            .where('period_id', 'in', periodIds)
            .execute()
        : []
    return new CollectionPlans(
      new Map(
        rows.map((r) => [
          `${r.region_id}:${r.period_id}`,
          {
            plugins: r.collected_plugins,
            entryLevels: (r.entry_levels ?? {}) as Record<string, OrgLevel>,
            overdueSince: r.overdue_since,
          },
        ]),
      ),
    )
  }

  plan(regionId: number, periodId: number): CollectionPlan {
    return this.#plans.get(`${regionId}:${periodId}`) ?? DEFAULT_PLAN
  }

  /** The monitoring deadline when it has passed (only the approving level edits then), else null. */
  overdueSince(regionId: number, periodId: number): string | null {
    return this.#plans.get(`${regionId}:${periodId}`)?.overdueSince ?? null
  }

  /** Whether the direction is collected (the `local` group of local elements always is). */
  collects(regionId: number, periodId: number, pluginId: string): boolean {
    const plugins = this.plan(regionId, periodId).plugins
    return pluginId === LOCAL_GROUP || plugins === null || plugins.includes(pluginId)
  }

  /** The depth (1 region … 3 organisation) the element is entered at in this region and period. */
  entryDepth(regionId: number, periodId: number, element: CatalogElement): number {
    return entryDepthIn(this.plan(regionId, periodId), element)
  }
}

/** An element's entry depth under a plan: the region's choice, else the manifest's (local: the owner's). */
export function entryDepthIn(plan: CollectionPlan, element: CatalogElement): number {
  const moved = element.owner ? undefined : plan.entryLevels[element.definition.code]
  return moved ? ORG_LEVEL_DEPTH[moved] : element.entryDepth
}

/** A 400 naming `plugin` when the region's campaign does not collect the direction in the period. */
export async function assertCollected(
  db: Kysely<Database>,
  unit: { path: string },
  period: { id: number; code: string },
  pluginId: string,
): Promise<void> {
  const regionId = regionIdOf(unit)
  const plans = await CollectionPlans.load(db, [regionId], [period.id])
  if (!plans.collects(regionId, period.id, pluginId))
    throw invalid(
      [{ path: 'plugin', message: `the direction "${pluginId}" is not collected in ${period.code}` }],
      `the direction "${pluginId}" is not collected in ${period.code} (the region's campaign)`,
    )
}
