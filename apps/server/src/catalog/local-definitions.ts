import {
  compileIndicator,
  dataElementSchema,
  IndicatorFormulaError,
  indicatorSchema,
  ORG_LEVEL_DEPTH,
  type DataElement,
  type Indicator,
} from '@profmon/contract'
import { sql, type Database, type Kysely } from '@profmon/db'
import { pathIds } from '../org/org-units.ts'
import { LOCAL_GROUP, type Catalog, type CatalogElement, type CatalogIndicator } from './catalog.ts'

/** Which owners' local definitions to read: owners by id, or owners inside subtrees. */
export type OwnerFilter = { ownerIds: number[] } | { ownerIds: number[]; subtrees: string[] | null }

/** A local indicator row as read, with every revision (oldest first). */
export interface LocalIndicatorRow {
  id: number
  code: string
  direction: string | null
  owner: { id: number; path: string; name: string; level: number }
  archived: boolean
  revisions: { revision: number; validFrom: string | null; definition: Indicator; author: string; at: Date }[]
}

function ownerWhere(filter: OwnerFilter) {
  const byId = filter.ownerIds.length ? sql`o.id = any(${filter.ownerIds}::int[])` : sql`false`
  if (!('subtrees' in filter)) return byId
  if (filter.subtrees === null) return sql`true`
  const subtrees = filter.subtrees.map((p) => sql`o.path like ${`${p}%`}`)
  return sql`(${sql.join([byId, ...subtrees], sql` or `)})`
}

/** Local data elements of the owners (archived ones only when asked). */
export async function loadLocalElements(
  db: Kysely<Database>,
  filter: OwnerFilter,
  withArchived = false,
): Promise<(CatalogElement & { archived: boolean; ownerName: string; ownerLevel: number })[]> {
  const rows = await sql<{
    id: number
    definition: DataElement
    owner_id: number
    path: string
    name: string
    level: number
    archived: boolean
  }>`
    select e.id, e.definition, o.id as owner_id, o.path, o.name, o.level, e.archived_at is not null as archived
    from data_element e join org_unit o on o.id = e.owner_org_unit_id
    where ${ownerWhere(filter)} ${withArchived ? sql`` : sql`and e.archived_at is null`}
    order by e.id
  `.execute(db)
  return rows.rows.map((r) => {
    const definition = dataElementSchema.parse(r.definition)
    return {
      id: r.id,
      pluginId: LOCAL_GROUP,
      definition,
      entryDepth: ORG_LEVEL_DEPTH[definition.entryLevel],
      owner: { id: r.owner_id, path: r.path },
      archived: r.archived,
      ownerName: r.name,
      ownerLevel: r.level,
    }
  })
}

/** Local indicators of the owners with their revisions (archived ones only when asked). */
export async function loadLocalIndicators(
  db: Kysely<Database>,
  filter: OwnerFilter,
  withArchived = false,
): Promise<LocalIndicatorRow[]> {
  const rows = await sql<{
    id: number
    code: string
    direction: string | null
    owner_id: number
    path: string
    name: string
    level: number
    archived: boolean
    revision: number
    definition: unknown
    valid_from: string | null
    author: string
    created_at: Date
  }>`
    select i.id, i.code, i.direction, o.id as owner_id, o.path, o.name, o.level, i.archived_at is not null as archived,
           r.revision, r.definition, p.code as valid_from, r.author, r.created_at
    from indicator i
    join org_unit o on o.id = i.owner_org_unit_id
    join local_indicator_revision r on r.indicator_id = i.id
    left join period p on p.id = r.valid_from_period_id
    where ${ownerWhere(filter)} ${withArchived ? sql`` : sql`and i.archived_at is null`}
    order by i.id, r.revision
  `.execute(db)
  const out = new Map<number, LocalIndicatorRow>()
  for (const r of rows.rows) {
    let row = out.get(r.id)
    if (!row)
      out.set(
        r.id,
        (row = {
          id: r.id,
          code: r.code,
          direction: r.direction,
          owner: { id: r.owner_id, path: r.path, name: r.name, level: r.level },
          archived: r.archived,
          revisions: [],
        }),
      )
    row.revisions.push({
      revision: r.revision,
      validFrom: r.valid_from,
      definition: indicatorSchema.parse(r.definition),
      author: r.author,
      at: new Date(r.created_at),
    })
  }
  return [...out.values()]
}

/**
 * The catalog as one org unit sees it: plugins plus the local elements and indicators owned by
 * the unit or its ancestors (a sibling's never). Two small queries per request; replicas agree
 * because nothing is cached.
 *
 * @example
 * const view = await catalogFor(db, catalog, [munA])
 * view.indicators.get('local.5.mentors_share') // visible in munA and its schools
 */
export async function catalogFor(
  db: Kysely<Database>,
  catalog: Catalog,
  units: readonly { path: string }[],
  extraOwners: Omit<OwnerFilter, 'ownerIds'> = {},
): Promise<Catalog> {
  const filter: OwnerFilter = { ownerIds: [...new Set(units.flatMap((u) => pathIds(u.path)))], ...extraOwners }
  const [elements, indicators] = await Promise.all([loadLocalElements(db, filter), loadLocalIndicators(db, filter)])
  const withElements = catalog.withLocal({ elements, indicators: [] })
  // Most units see no local indicator: then no formula scope is built (a map of every element).
  if (!indicators.length) return withElements
  const scope = withElements.scope()
  const compiled: CatalogIndicator[] = []
  for (const row of indicators) {
    try {
      const revisions = row.revisions.map((r) => ({
        revision: r.revision,
        validFrom: r.validFrom,
        compiled: compileIndicator(r.definition, scope),
      }))
      compiled.push({
        pluginId: row.direction ?? LOCAL_GROUP,
        compiled: revisions[revisions.length - 1]!.compiled,
        local: { id: row.id, owner: { id: row.owner.id, path: row.owner.path }, revisions },
      })
    } catch (e) {
      // A revision that refers to an archived element is left out, not a failed request.
      if (!(e instanceof IndicatorFormulaError)) throw e
    }
  }
  return withElements.withLocal({ elements: [], indicators: compiled })
}

/**
 * The revision of a local indicator that computes a period: the newest one valid from that period
 * or earlier (period codes sort by time: `2024-25` < `2025-26`), else the first.
 */
export function revisionFor(ind: CatalogIndicator, period: string) {
  const revisions = ind.local!.revisions
  let found = revisions[0]!
  for (const r of revisions) if (r.validFrom === null || r.validFrom <= period) found = r
  return found
}
