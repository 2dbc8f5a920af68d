import { compileFilter, STAFF_CLUSTER_RULES, type DataElement } from '@profmon/contract'
import { sql, type Database, type Kysely, type RawBuilder } from '@profmon/db'
import type { Catalog } from '../../catalog/catalog.ts'
import { filterSql, type FilterDates } from './filter-sql.ts'

/** A period as derived counts read it: the reference date is the start unless the period names one. */
export interface DerivedPeriod extends FilterDates {
  id: number
}

/** One count: a unit's subtree, an element and option (0: the total), distinct people or events. */
export interface DerivedCount {
  unitId: number
  periodId: number
  elementId: number
  optionId: number
  value: number
}

const clusterFilters = new Map<string, ReturnType<typeof compileFilter>>()
function clusterFilter(option: string) {
  let f = clusterFilters.get(option)
  if (!f) clusterFilters.set(option, (f = compileFilter(STAFF_CLUSTER_RULES[option] ?? 'false')))
  return f
}

/**
 * The SQL that counts one derived element over the `staff` of {@link derivedCountsSql}: the
 * **distinct** people employed in the subtree on the reference date (a teacher of two schools
 * counts once for their municipality) whose fields — and, with an event kind, one of whose events
 * up to the end of the period — match the filter; or the distinct events.
 */
function elementCountSql(
  definition: DataElement,
  elementId: number,
  period: DerivedPeriod,
  catalog: Pick<Catalog, 'dimensions'>,
): RawBuilder<DerivedCount> {
  const d = definition.derived!
  const filter = d.filter ? filterSql(compileFilter(d.filter, { event: d.event }), period) : sql`true`
  const counted = d.count === 'events' ? sql`ev.id` : sql`s.person_id`
  const withEvent = d.event
    ? sql`left join person_event ev on ev.person_id = s.person_id and ev.kind = ${d.event} and ev.occurred_on <= ${period.end}::date`
    : sql``
  // Without a matching event kind a person has no event row: the filter (and so the count) needs one.
  const matches = d.event ? sql`(ev.id is not null and coalesce(${filter}, false))` : sql`coalesce(${filter}, false)`
  const head = sql`select s.unit_id as "unitId", ${period.id}::int as "periodId", ${elementId}::int as "elementId"`

  if (d.breakdown === 'staff_cluster') {
    const options = catalog.dimensions.get('staff_cluster')?.options ?? []
    const columns = options.map(
      (o) =>
        sql`count(distinct ${counted}) filter (where ${matches} and coalesce(${filterSql(clusterFilter(o.code), period)}, false))`,
    )
    return sql<DerivedCount>`(
      with counts as (
        select s.unit_id as id, count(distinct ${counted}) filter (where ${matches}) as total
          ${columns.length ? sql`, array[${sql.join(columns)}]` : sql`, array[]::bigint[]`} as by_option
        from staff s ${withEvent}
        group by s.unit_id
      )
      select id as "unitId", ${period.id}::int as "periodId", ${elementId}::int as "elementId", 0 as "optionId",
             total::int as value from counts
      union all
      select c.id, ${period.id}::int, ${elementId}::int, o.id, c.by_option[o.n]::int
      from counts c cross join unnest(${options.map((o) => o.id)}::int[]) with ordinality as o(id, n)
    )`
  }
  if (d.breakdown === 'subject' || d.breakdown === 'deficit_type') {
    const optionJoin =
      d.breakdown === 'subject'
        ? sql`left join person_subject bo on bo.person_id = s.person_id`
        : sql`left join person_event_option bo on bo.event_id = ev.id`
    return sql<DerivedCount>`(
      ${head}, coalesce(bo.option_id, 0) as "optionId", count(distinct ${counted}) filter (where ${matches})::int as value
      from staff s ${withEvent} ${optionJoin}
      group by grouping sets ((s.unit_id), (s.unit_id, bo.option_id))
      having grouping(bo.option_id) = 1 or bo.option_id is not null
    )`
  }
  return sql<DerivedCount>`(
    ${head}, 0 as "optionId", count(distinct ${counted}) filter (where ${matches})::int as value
    from staff s ${withEvent}
    group by s.unit_id
  )`
}

/**
 * One statement counting derived elements for every requested subtree and one period. The
 * subtrees' staff — each employment on the reference date with its person's fields, per
 * requested unit — is read once (`staff`, materialised) and every element counts over it, instead
 * of each element walking the org tree, the employments and the people again. A subtree where
 * nobody is employed on that date has no row (no data, not 0).
 */
export function derivedCountsSql(
  elements: readonly { id: number; definition: DataElement }[],
  units: readonly { id: number; path: string }[],
  period: DerivedPeriod,
  catalog: Pick<Catalog, 'dimensions'>,
): RawBuilder<DerivedCount> {
  return sql<DerivedCount>`
    with staff as materialized (
      select u.id as unit_id, e.person_id, e.position, e.main, e.rate, p.birth_date, p.experience_since,
             p.education, p.category, p.management_reserve
      from unnest(${units.map((u) => u.id)}::int[], ${units.map((u) => u.path)}::text[]) as u(id, path)
      join org_unit o on o.path like u.path || '%'
      join employment e on e.org_unit_id = o.id and e.starts_on <= ${period.reference}::date
        and (e.ends_on is null or e.ends_on >= ${period.reference}::date)
      join person p on p.id = e.person_id
    )
    ${sql.join(
      elements.map((e) => elementCountSql(e.definition, e.id, period, catalog)),
      sql` union all `,
    )}
  `
}

/**
 * The part of a unit's subtree where an element is counted: all of it for a plugin's or a core
 * element; for a local one (collected in its owner's subtree only) the owner's subtree where the
 * unit lies above the owner, the unit's own inside it, nothing elsewhere.
 */
function countedSubtree(
  unit: { id: number; path: string },
  owner: { path: string } | undefined,
): { id: number; path: string } | undefined {
  if (!owner || unit.path.startsWith(owner.path)) return unit
  if (owner.path.startsWith(unit.path)) return { id: unit.id, path: owner.path }
  return undefined
}

/**
 * Counts derived elements over subtrees for one period: one statement for the plugins' and core
 * elements, and one per owner of local derived elements (counted in the owner's subtree only).
 */
export async function countDerived(
  db: Kysely<Database>,
  catalog: Catalog,
  elements: readonly { id: number; definition: DataElement; owner?: { id: number; path: string } | undefined }[],
  units: readonly { id: number; path: string }[],
  period: DerivedPeriod,
): Promise<DerivedCount[]> {
  if (!units.length || !elements.length) return []
  const byOwner = new Map<string, typeof elements>()
  for (const e of elements) {
    const key = e.owner?.path ?? ''
    byOwner.set(key, [...(byOwner.get(key) ?? []), e])
  }
  const results = await Promise.all(
    [...byOwner.values()].map((group) => {
      const counted = units.flatMap((u) => countedSubtree(u, group[0]!.owner) ?? [])
      return counted.length ? derivedCountsSql(group, counted, period, catalog).execute(db) : { rows: [] }
    }),
  )
  return results.flatMap((r) => r.rows.map((row) => ({ ...row, value: Number(row.value) })))
}
