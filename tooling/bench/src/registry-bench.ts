import { sql, type DatabaseHandle } from '@profmon/db'
import { withDerivedAggregates, type AppDeps, type PeriodDates } from '@profmon/server'
import { compare } from './measure.ts'

/** Sizes of the registry bench; `BENCH_PEOPLE` makes a quick run possible. */
export interface RegistrySize {
  people: number
}

const day = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10))

/**
 * Fills the region's teacher registry in a few set-based statements (one `insert … select` per
 * table, no row round-trips): `people` people with one employment each in an organisation of the
 * region — every ninth also part-time in a second one, some having left before the reference
 * date or hired after it, a few heads and deputies — one or two subjects each, and events around
 * the period: diagnostics with deficits (this period and the one before), ИОМ built on them
 * (some completed), courses (regional centre, federal, other; some built on the diagnostics),
 * mentoring and attestation. Deterministic: everything follows from the row number.
 */
async function fillRegistry(handle: DatabaseHandle, regionId: number, period: PeriodDates, size: RegistrySize) {
  const started = performance.now()
  const start = day(period.starts_on)
  const ref = day(period.reference_date ?? period.starts_on)
  await handle.db.transaction().execute(async (trx) => {
    await sql`insert into registry_setting (region_id, enabled, updated_by) values (${regionId}, true, 'bench')
      on conflict (region_id) do update set enabled = true`.execute(trx)
    await sql`insert into person (region_id, surname, name, birth_date, education, experience_since, category,
        management_reserve, created_by)
      select ${regionId}, 'Bench', 'P' || g, date '1958-01-01' + (g * 7919) % 17000,
        (array['higher_pedagogical', 'higher_other', 'secondary_pedagogical', 'secondary_other'])[1 + g % 4],
        case when g % 17 = 0 then null else date '1958-01-01' + (g * 7919) % 17000 + 8000 + (g * 13) % 3000 end,
        (array['none', 'first', 'highest'])[1 + g % 3], g % 23 = 0, 'bench'
      from generate_series(1, ${size.people}::int) g`.execute(trx)
    // The people just added, numbered 1…n, and the region's organisations as an array.
    const numbered = sql`(select id, row_number() over (order by id)::int as g from person
      where region_id = ${regionId} and created_by = 'bench') bp`
    const schools = sql`(select array_agg(id order by id) as s, count(*)::int as n from org_unit
      where path like ${`/${regionId}/%`} and level = 3) sc`
    await sql`insert into employment (person_id, org_unit_id, position, rate, main, starts_on, ends_on)
      select id, s[1 + g % n], case g % 40 when 0 then 'head' when 1 then 'deputy_head' else 'teacher' end, 1, true,
        case when g % 61 = 0 then ${ref}::date + 30 else date '2012-09-01' + g % 4000 end,
        case when g % 47 = 0 and g % 61 <> 0 then ${ref}::date - 60 end
      from ${numbered}, ${schools}
      union all
      select id, s[1 + (g + 1 + (case when g % 3 = 0 then 0 else g * 31 end) % (n - 1)) % n], 'teacher', 0.5, false,
        date '2018-09-01', null
      from ${numbered}, ${schools} where g % 9 = 0`.execute(trx)
    // Statistics as the load goes: without them the joins below are planned as nested loops.
    await sql`analyze person, employment`.execute(trx)
    await sql`insert into person_subject (person_id, option_id)
      select id, o[1 + g % m] from ${numbered},
        (select array_agg(id order by id) as o, count(*)::int as m from dimension_option where dimension_code = 'subject') so
      union
      select id, o[1 + (g * 7 + 3) % m] from ${numbered},
        (select array_agg(id order by id) as o, count(*)::int as m from dimension_option where dimension_code = 'subject') so
      where g % 3 = 0`.execute(trx)
    // Where a person's events are recorded: their main organisation.
    const main = sql`(select distinct on (person_id) person_id, org_unit_id from employment
      where person_id in (select id from person where region_id = ${regionId} and created_by = 'bench')
      order by person_id, main desc, id) m`
    await sql`insert into person_event (person_id, org_unit_id, kind, occurred_on, details, created_by)
      select id, m.org_unit_id, 'diagnostics', ${start}::date + g % 200, '{"instrument": "bench"}'::jsonb, 'bench'
      from ${numbered} join ${main} on m.person_id = bp.id where g % 5 < 2
      union all
      select id, m.org_unit_id, 'diagnostics', ${start}::date - 250 + g % 100, '{"instrument": "bench"}'::jsonb, 'bench'
      from ${numbered} join ${main} on m.person_id = bp.id where g % 7 = 0`.execute(trx)
    await sql`analyze person_event`.execute(trx)
    await sql`insert into person_event_option (event_id, option_id)
      select v.id, o[1 + v.id % m] from person_event v,
        (select array_agg(id order by id) as o, count(*)::int as m from dimension_option where dimension_code = 'deficit_type') so
      where v.created_by = 'bench' and v.kind = 'diagnostics' and v.id % 4 <> 0
      union
      select v.id, o[1 + (v.id * 5 + 2) % m] from person_event v,
        (select array_agg(id order by id) as o, count(*)::int as m from dimension_option where dimension_code = 'deficit_type') so
      where v.created_by = 'bench' and v.kind = 'diagnostics' and v.id % 3 = 0`.execute(trx)
    await sql`insert into person_event (person_id, org_unit_id, kind, occurred_on, completed_on, based_on, created_by)
      select person_id, org_unit_id, 'iom', occurred_on + 20, case when id % 3 = 0 then occurred_on + 120 end, id, 'bench'
      from person_event where created_by = 'bench' and kind = 'diagnostics' and id % 2 = 0`.execute(trx)
    await sql`insert into person_event (person_id, org_unit_id, kind, occurred_on, completed_on, based_on, details, created_by)
      select bp.id, m.org_unit_id, 'course', ${start}::date + g % 330 - 30,
        case when g % 10 <> 0 then ${start}::date + g % 330 end,
        case when g % 2 = 0 then d.id end,
        jsonb_build_object('provider', (array['cnppm', 'federal', 'other'])[1 + g % 3], 'hours', 36 * (1 + g % 3),
          'distance', g % 2 = 0),
        'bench'
      from ${numbered} join ${main} on m.person_id = bp.id
        left join person_event d on d.person_id = bp.id and d.kind = 'diagnostics' and d.occurred_on >= ${start}::date
      where g % 4 = 0`.execute(trx)
    await sql`insert into person_event (person_id, org_unit_id, kind, occurred_on, completed_on, details, created_by)
      select id, m.org_unit_id, 'mentoring', ${start}::date + g % 100, null::date,
        jsonb_build_object('role', case when g % 12 = 0 then 'mentor' else 'mentee' end), 'bench'
      from ${numbered} join ${main} on m.person_id = bp.id where g % 6 = 0
      union all
      select id, m.org_unit_id, 'attestation', ${start}::date + g % 300, null::date,
        jsonb_build_object('category', case when g % 2 = 0 then 'first' else 'highest' end), 'bench'
      from ${numbered} join ${main} on m.person_id = bp.id where g % 11 = 0`.execute(trx)
  })
  // Fresh statistics after a bulk load (PGlite has no autovacuum to gather them later).
  await sql`analyze person, employment, person_subject, person_event, person_event_option`.execute(handle.db)
  const counts = await sql<Record<string, string>>`select
      (select count(*) from person where region_id = ${regionId}) as people,
      (select count(*) from employment e join person p on p.id = e.person_id where p.region_id = ${regionId}) as employments,
      (select count(*) from (select person_id from employment group by person_id having count(*) > 1) x) as in_two,
      (select count(*) from person_subject) as subjects,
      (select count(*) from person_event) as events,
      (select count(*) from person_event_option) as deficits`.execute(handle.db)
  const c = counts.rows[0]!
  console.log(
    `load/registry/${handle.engine}: ${c.people} people (${c.in_two} in two organisations), ${c.employments} employments, ` +
      `${c.subjects} subjects taught, ${c.events} events, ${c.deficits} deficits found, in ${Math.round(performance.now() - started)} ms`,
  )
}

/**
 * The same numbers written by hand: the distinct people employed in each municipality on the
 * reference date (one row per municipality and person, with whether any of their posts there is a
 * head's), then one `COUNT(DISTINCT …)` per derived element and option over them, their subjects
 * and their events. Element codes as the manifests declare them; dates as bound parameters.
 */
function baselineSql(municipalities: readonly number[], p: { reference: string; start: string; end: string }) {
  const ref = sql`${p.reference}::date`
  const s = sql`${p.start}::date`
  const e = sql`${p.end}::date`
  const young = sql`birth_date > ${ref} - interval '35 years'`
  const old = sql`birth_date <= ${ref} - interval '60 years'`
  const experienced = sql`experience_since <= ${ref} - interval '3 years'`
  return sql<{ mun: number; code: string; option: number; value: number }>`
    with staff as materialized (
      select o.parent_id as mun, e.person_id, bool_or(e.position in ('head', 'deputy_head')) as head
      from employment e join org_unit o on o.id = e.org_unit_id
      where o.parent_id = any(${municipalities}::int[]) and e.starts_on <= ${ref}
        and (e.ends_on is null or e.ends_on >= ${ref})
      group by 1, 2
    ), sp as materialized (
      select s.mun, s.head, p.id, p.birth_date, p.experience_since, p.management_reserve
      from staff s join person p on p.id = s.person_id
    ), ev as materialized (
      select s.mun, v.person_id, v.id, v.kind, v.occurred_on, v.completed_on, v.based_on, v.details ->> 'provider' as provider
      from staff s join person_event v on v.person_id = s.person_id
      where v.kind in ('diagnostics', 'iom', 'course') and v.occurred_on <= ${e}
    ), cluster (code, id) as (
      select code, id from dimension_option where dimension_code = 'staff_cluster'
    )
    select mun, 'core.teachers_total' as code, 0 as option, count(distinct person_id) as value from staff group by mun
    union all
    select mun, 'core.teachers_total', ps.option_id, count(distinct s.person_id)
      from staff s join person_subject ps on ps.person_id = s.person_id group by mun, ps.option_id
    union all
    select mun, 'core.teachers_under_35', 0, count(distinct id) filter (where ${young}) from sp group by mun
    union all
    select mun, 'core.teachers_by_cluster', 0, count(distinct id) from sp group by mun
    union all
    select mun, 'core.teachers_by_cluster', c.id, count(distinct sp.id) filter (where case c.code
        when 'young_under_35' then ${young}
        when 'experience_under_3' then experience_since > ${ref} - interval '3 years'
        when 'specialists' then ${experienced} and not ${young} and not ${old}
        when 'management_reserve' then management_reserve
        when 'heads' then head
        when 'pensioners' then ${old}
        else false end)
      from sp cross join cluster c group by mun, c.id
    union all
    select mun, 'deficits.diagnosed', 0, count(distinct person_id) from ev
      where kind = 'diagnostics' and occurred_on >= ${s} group by mun
    union all
    select mun, 'deficits.diagnosed', ps.option_id, count(distinct ev.person_id) from ev
      join person_subject ps on ps.person_id = ev.person_id
      where kind = 'diagnostics' and occurred_on >= ${s} group by mun, ps.option_id
    union all
    select mun, 'deficits.with_deficit', 0, count(distinct person_id) from ev
      where kind = 'diagnostics' and occurred_on >= ${s}
        and exists (select 1 from person_event_option o where o.event_id = ev.id) group by mun
    union all
    select mun, 'deficits.with_deficit', o.option_id, count(distinct ev.person_id) from ev
      join person_event_option o on o.event_id = ev.id
      where kind = 'diagnostics' and occurred_on >= ${s} group by mun, o.option_id
    union all
    select mun, 'deficits.iom_built', 0, count(distinct person_id) from ev
      where kind = 'iom' and based_on is not null group by mun
    union all
    select mun, 'deficits.iom_completed', 0, count(distinct person_id) from ev
      where kind = 'iom' and based_on is not null and completed_on <= ${e} group by mun
    union all
    select mun, 'deficits.targeted_pd', 0, count(distinct person_id) from ev
      where kind = 'course' and based_on is not null and completed_on between ${s} and ${e} group by mun
    union all
    select mun, 'deficits.pd_cnppm', 0, count(distinct person_id) from ev
      where kind = 'course' and provider = 'cnppm' and completed_on between ${s} and ${e} group by mun
    union all
    select mun, 'deficits.pd_federal', 0, count(distinct person_id) from ev
      where kind = 'course' and provider = 'federal' and completed_on between ${s} and ${e} group by mun
  `
}

/** The derived elements the baseline writes by hand: a new one in a manifest must be added there too. */
const BASELINE_CODES = new Set([
  'core.teachers_total',
  'core.teachers_under_35',
  'core.teachers_by_cluster',
  'deficits.diagnosed',
  'deficits.with_deficit',
  'deficits.iom_built',
  'deficits.iom_completed',
  'deficits.targeted_pd',
  'deficits.pd_cnppm',
  'deficits.pd_federal',
])

/**
 * registry/<engine>: every derived data element × every municipality × one period through the
 * analytics' own path (`withDerivedAggregates`: the region's element sources, then the derived
 * SQL of each element over the municipalities' subtrees), against the hand-written
 * `COUNT(DISTINCT …)` query above; both must give the same numbers. Goal: ≤ 1.5×.
 */
export async function benchRegistry(
  handle: DatabaseHandle,
  setup: { deps: AppDeps; regionId: number; period: string },
  size: RegistrySize,
): Promise<void> {
  const db = handle.db
  const catalog = setup.deps.catalog
  const period = await db
    .selectFrom('period')
    .select(['id', 'starts_on', 'ends_on', 'reference_date'])
    .where('code', '=', setup.period)
    .executeTakeFirstOrThrow()
  await fillRegistry(handle, setup.regionId, period, size)
  const units = await db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('parent_id', '=', setup.regionId)
    .orderBy('id')
    .execute()
  const derived = [...catalog.elements.values()].filter((e) => e.definition.derived)
  const unwritten = derived.filter((e) => !BASELINE_CODES.has(e.definition.code)).map((e) => e.definition.code)
  if (unwritten.length) throw new Error(`the registry baseline has no hand-written count for ${unwritten.join(', ')}`)
  const elementIds = new Set(derived.map((e) => e.id))
  const dates = {
    reference: day(period.reference_date ?? period.starts_on),
    start: day(period.starts_on),
    end: day(period.ends_on),
  }

  const key = (unit: number, code: string, option: number) => `${unit}:${code}:${option}`
  let ours = new Map<string, number>()
  let base = new Map<string, number>()
  const runOurs = async () => {
    const rows = await withDerivedAggregates(
      db,
      catalog,
      { regionId: setup.regionId, units, periods: [period], elementIds },
      [],
    )
    ours = new Map(
      rows.map((r) => [
        key(r.unitId, catalog.elementsById.get(r.elementId)!.definition.code, r.optionId),
        r.partial.sum,
      ]),
    )
  }
  const runBaseline = async () => {
    const rows = await baselineSql(
      units.map((u) => u.id),
      dates,
    ).execute(db)
    base = new Map(rows.rows.map((r) => [key(r.mun, r.code, r.option), Number(r.value)]))
  }
  const result = await compare(`registry/${handle.engine}`, runOurs, runBaseline, 9)
  // Zeros are left out on both sides: the derived SQL also answers 0 for an option nobody matched.
  const nonZero = (m: Map<string, number>) => new Map([...m].filter(([, v]) => v !== 0))
  const a = nonZero(ours)
  const b = nonZero(base)
  const differing = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k))
  if (differing.length)
    throw new Error(
      `registry: the derived counts differ from the hand-written ones at ${differing.length} keys, e.g. ` +
        differing
          .slice(0, 5)
          .map((k) => `${k}: ${a.get(k)} vs ${b.get(k)}`)
          .join('; '),
    )
  console.log(
    `  (${derived.length} derived elements × ${units.length} municipalities × 1 period: ${a.size} non-zero counts, equal to the hand-written ones)`,
  )
  return void result
}
