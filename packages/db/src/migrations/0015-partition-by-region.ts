import { sql, type Kysely } from 'kysely'

/**
 * Values and maintained aggregates partitioned by region (`PARTITION BY LIST (region_id)`), so a
 * region's dashboard, writes and imports touch that region's partitions only and another region's
 * data does not slow them down; the org tree, catalogs and everything else stay shared tables.
 *
 * - Both tables get a `region_id` column (last, so `select *` of the rebuild view still lines up)
 *   and the key gains it: `(org_unit_id, period_id, element_id, option_id, region_id)`.
 * - A region's partitions (`data_value_r<id>`, `data_aggregate_r<id>`) are created by a trigger
 *   when a region (an org unit of level 1) is inserted; a default partition catches rows of a
 *   region without its own (so a write never fails on a missing partition).
 * - PostgreSQL routes a row by the values it is given (a BEFORE trigger or a generated column
 *   cannot choose the partition), so every writer of `data_value` supplies `region_id`: the
 *   root of the org unit's materialized path (`/<region>/<mun>/<org>/`).
 * - `data_aggregate.line` holds each aggregate as the text the analytics endpoint reads (a stored
 *   generated column, last: the rebuild view's `select *` fills the columns before it).
 * - The aggregate triggers of `0012-aggregates` are re-created on the partitioned table; they
 *   derive an aggregate's region from the org tree, never from the writer's `region_id`, so a
 *   wrong `region_id` can misplace a value but never corrupt an aggregate (a rebuild shows it).
 * - Existing rows move into the partitions in this migration's transaction, counted before and
 *   after: a difference aborts the migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const t of ['insert', 'update', 'delete'])
    await sql.raw(`drop trigger data_aggregate_${t} on data_value`).execute(db)
  // The view refers to the tables it was created on (not their names): re-created below.
  await sql`drop view data_aggregate_rebuilt`.execute(db)
  await sql`alter table data_value rename to data_value_unpartitioned`.execute(db)
  await sql`alter table data_value_unpartitioned rename constraint data_value_pk to data_value_unpartitioned_pk`.execute(
    db,
  )
  await sql`alter table data_aggregate rename to data_aggregate_unpartitioned`.execute(db)
  await sql`alter table data_aggregate_unpartitioned rename constraint data_aggregate_pk to data_aggregate_unpartitioned_pk`.execute(
    db,
  )

  await sql`
    create table data_value (
      org_unit_id integer not null references org_unit (id),
      period_id integer not null references period (id),
      element_id integer not null references data_element (id),
      option_id integer not null default 0,
      value double precision,
      text_value text,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      updated_by text,
      region_id integer not null,
      -- One org unit's values for a period are contiguous: subtree aggregation reads ranges.
      constraint data_value_pk primary key (org_unit_id, period_id, element_id, option_id, region_id)
    ) partition by list (region_id)
  `.execute(db)
  await sql`
    create table data_aggregate (
      org_unit_id integer not null,
      period_id integer not null,
      element_id integer not null,
      option_id integer not null,
      n integer not null,
      s numeric not null,
      nt integer not null,
      lo double precision,
      hi double precision,
      region_id integer not null,
      line text generated always as (${sql.raw(LINE)}) stored,
      constraint data_aggregate_pk primary key (org_unit_id, period_id, element_id, option_id, region_id)
    ) partition by list (region_id)
  `.execute(db)
  await sql`create table data_value_default partition of data_value default`.execute(db)
  await sql`create table data_aggregate_default partition of data_aggregate default`.execute(db)

  await sql`
    create function region_partitions_create(region integer) returns void language plpgsql as $$
    begin
      execute format('create table if not exists %I partition of data_value for values in (%s)',
                     'data_value_r' || region, region);
      execute format('create table if not exists %I partition of data_aggregate for values in (%s)',
                     'data_aggregate_r' || region, region);
    end $$
  `.execute(db)
  await sql`
    create function region_partitions_on_insert() returns trigger language plpgsql as $$
    begin
      perform region_partitions_create(new.id);
      return null;
    end $$
  `.execute(db)
  await sql`
    create trigger region_partitions after insert on org_unit
    for each row when (new.level = 1) execute function region_partitions_on_insert()
  `.execute(db)
  await sql`select region_partitions_create(id) from org_unit where level = 1 order by id`.execute(db)

  // Move the rows; the aggregates are already exact, so they move as they are.
  await sql`
    insert into data_value (org_unit_id, period_id, element_id, option_id, value, text_value, version, updated_at,
                            updated_by, region_id)
    select v.org_unit_id, v.period_id, v.element_id, v.option_id, v.value, v.text_value, v.version, v.updated_at,
           v.updated_by, ${sql.raw(REGION_OF('o.path'))}
    from data_value_unpartitioned v join org_unit o on o.id = v.org_unit_id
  `.execute(db)
  await sql`
    insert into data_aggregate (org_unit_id, period_id, element_id, option_id, n, s, nt, lo, hi, region_id)
    select a.*, ${sql.raw(REGION_OF('o.path'))}
    from data_aggregate_unpartitioned a join org_unit o on o.id = a.org_unit_id
  `.execute(db)
  await sql`
    do $$
    begin
      if (select count(*) from data_value) <> (select count(*) from data_value_unpartitioned)
         or (select count(*) from data_aggregate) <> (select count(*) from data_aggregate_unpartitioned) then
        raise exception 'partitioning lost rows: % of % values, % of % aggregates',
          (select count(*) from data_value), (select count(*) from data_value_unpartitioned),
          (select count(*) from data_aggregate), (select count(*) from data_aggregate_unpartitioned);
      end if;
    end $$
  `.execute(db)
  await sql`drop table data_value_unpartitioned`.execute(db)
  await sql`drop table data_aggregate_unpartitioned`.execute(db)

  await sql`create view data_aggregate_rebuilt as ${sql.raw(REBUILT)}`.execute(db)
  await sql.raw(maintainFunction('data_aggregate_on_insert', valueDelta('new_rows', 1))).execute(db)
  await sql.raw(maintainFunction('data_aggregate_on_delete', valueDelta('old_rows', -1))).execute(db)
  await sql.raw(maintainFunction('data_aggregate_on_update', UPDATE_DELTA)).execute(db)
  await sql.raw(maintainFunction('data_aggregate_on_move', MOVE_DELTA)).execute(db)
  await sql`
    create trigger data_aggregate_insert after insert on data_value
    referencing new table as new_rows for each statement execute function data_aggregate_on_insert()
  `.execute(db)
  await sql`
    create trigger data_aggregate_update after update on data_value
    referencing old table as old_rows new table as new_rows for each statement execute function data_aggregate_on_update()
  `.execute(db)
  await sql`
    create trigger data_aggregate_delete after delete on data_value
    referencing old table as old_rows for each statement execute function data_aggregate_on_delete()
  `.execute(db)
}

export async function down(): Promise<void> {
  throw new Error('0015-partition-by-region cannot be undone in place: restore a backup taken before it')
}

/**
 * Each aggregate as the text the analytics endpoint reads (`unit,period,element,option,n,s,nt,lo,hi`),
 * computed when the row is written: a dashboard joins about ten thousand of them, and formatting
 * them at read time was most of the query's time. Written with `||` and casts, not `concat_ws`,
 * because a generated column takes immutable functions only.
 */
const LINE = `org_unit_id::text || ',' || period_id::text || ',' || element_id::text || ',' || option_id::text
  || ',' || n::text || ',' || s::text || ',' || nt::text || ',' || coalesce(lo::text, '') || ',' || coalesce(hi::text, '')`

/** The region of a materialized path: its first id (`/7/12/300/` → 7); 0 (the default partition) if none. */
const REGION_OF = (path: string) => `coalesce(substring(${path} from '^/([0-9]+)/')::int, 0)`

/** As in `0012-aggregates`, with each aggregate's region (the root of the value's path) last. */
const REBUILT = `
  select a.id::int as org_unit_id, v.period_id, v.element_id, v.option_id,
         count(*)::int as n, sum(v.value::numeric) as s, (count(*) filter (where v.value <> 0))::int as nt,
         min(v.value) filter (where t.aggregation in ('min', 'max')) as lo,
         max(v.value) filter (where t.aggregation in ('min', 'max')) as hi,
         ${REGION_OF('o.path')} as region_id
  from data_value v
  join org_unit o on o.id = v.org_unit_id
  join data_element t on t.id = v.element_id
  cross join lateral unnest(string_to_array(o.path, '/')) as a(id)
  where v.value is not null and a.id <> '' and a.id <> v.org_unit_id::text
  group by 1, 2, 3, 4, 10`

/** Signed rows `(anc, per, el, opt, val, sg, reg)`, one per unit above the value's on its path. */
const valueDelta = (rows: string, sign: number) => `
  select a.id::int as anc, r.period_id as per, r.element_id as el, r.option_id as opt, r.value as val, ${sign} as sg,
         ${REGION_OF('o.path')} as reg
  from ${rows} r
  join org_unit o on o.id = r.org_unit_id
  cross join lateral unnest(string_to_array(o.path, '/')) as a(id)
  where r.value is not null and a.id <> '' and a.id <> r.org_unit_id::text`

const UPDATE_DELTA = `
  ${valueDelta('(select org_unit_id, period_id, element_id, option_id, value from new_rows where value is not null except all select org_unit_id, period_id, element_id, option_id, value from old_rows where value is not null)', 1)}
  union all
  ${valueDelta('(select org_unit_id, period_id, element_id, option_id, value from old_rows where value is not null except all select org_unit_id, period_id, element_id, option_id, value from new_rows where value is not null)', -1)}`

/** A move within a region: values leave the units only on the old path and join those only on the new. */
const MOVE_DELTA = `
  select a.id as anc, v.period_id as per, v.element_id as el, v.option_id as opt, v.value as val, a.sg, a.reg
  from (
    select n.id,
           array(select p::int from unnest(string_to_array(o.path, '/')) p where p ~ '^[0-9]+$') as before,
           array(select p::int from unnest(string_to_array(n.path, '/')) p where p ~ '^[0-9]+$') as after
    from new_units n join old_units o using (id)
    where n.path is distinct from o.path
    offset 0
  ) m
  cross join lateral (
    select id, -1 as sg, m.before[1] as reg from unnest(m.before) id where not id = any(m.after)
    union all
    select id, 1, m.after[1] from unnest(m.after) id where not id = any(m.before)
  ) a
  join data_value v on v.org_unit_id = m.id
  where v.value is not null`

/** The trigger function of `0012-aggregates`, keyed by region as well (`create or replace`). */
function maintainFunction(name: string, delta: string): string {
  return `
  create or replace function ${name}() returns trigger language plpgsql as $$
  declare
    zu int[]; zp int[]; ze int[]; zo int[]; zr int[];
    su int[]; sp int[]; se int[]; so int[]; sr int[];
  begin
    with d as materialized (${delta}),
    g as (
      select anc, per, el, opt, reg, sum(sg)::int as n, coalesce(sum(sg * val::numeric), 0) as s,
             coalesce(sum(sg) filter (where val <> 0), 0)::int as nt,
             min(val) filter (where sg > 0) as add_lo, max(val) filter (where sg > 0) as add_hi,
             min(val) filter (where sg < 0) as rem_lo, max(val) filter (where sg < 0) as rem_hi
      from d group by anc, per, el, opt, reg
    ),
    gt as (
      select g.*, t.aggregation in ('min', 'max') as tracked from g join data_element t on t.id = g.el
    ),
    up as (
      insert into data_aggregate as a (org_unit_id, period_id, element_id, option_id, n, s, nt, lo, hi, region_id)
      select anc, per, el, opt, n, s, nt, case when tracked then add_lo end, case when tracked then add_hi end, reg
      from gt
      where n <> 0 or s <> 0 or nt <> 0 or (tracked and (add_lo is not null or rem_lo is not null))
      order by anc, per, el, opt
      on conflict (org_unit_id, period_id, element_id, option_id, region_id) do update
        set n = a.n + excluded.n, s = a.s + excluded.s, nt = a.nt + excluded.nt,
            lo = least(a.lo, excluded.lo), hi = greatest(a.hi, excluded.hi)
      returning a.org_unit_id, a.period_id, a.element_id, a.option_id, a.region_id, a.n, a.lo, a.hi
    )
    select array_agg(up.org_unit_id) filter (where up.n = 0), array_agg(up.period_id) filter (where up.n = 0),
           array_agg(up.element_id) filter (where up.n = 0), array_agg(up.option_id) filter (where up.n = 0),
           array_agg(up.region_id) filter (where up.n = 0),
           array_agg(up.org_unit_id) filter (where stale), array_agg(up.period_id) filter (where stale),
           array_agg(up.element_id) filter (where stale), array_agg(up.option_id) filter (where stale),
           array_agg(up.region_id) filter (where stale)
    into zu, zp, ze, zo, zr, su, sp, se, so, sr
    from up
    join gt on (gt.anc, gt.per, gt.el, gt.opt, gt.reg) = (up.org_unit_id, up.period_id, up.element_id, up.option_id, up.region_id)
    cross join lateral (select up.n > 0 and gt.tracked and (gt.rem_lo <= up.lo or gt.rem_hi >= up.hi) as stale) x;

    if zu is not null then
      delete from data_aggregate
      where (org_unit_id, period_id, element_id, option_id, region_id) in (select * from unnest(zu, zp, ze, zo, zr));
    end if;
    if su is not null then
      update data_aggregate a set lo = r.lo, hi = r.hi
      from (
        select k.u, k.p, k.e, k.o, k.r, min(v.value) as lo, max(v.value) as hi
        from unnest(su, sp, se, so, sr) as k(u, p, e, o, r)
        join org_unit top on top.id = k.u
        join org_unit w on w.path like top.path || '%' and w.id <> top.id
        join data_value v on (v.org_unit_id, v.period_id, v.element_id, v.option_id) = (w.id, k.p, k.e, k.o)
        where v.value is not null
        group by k.u, k.p, k.e, k.o, k.r
      ) r
      where (a.org_unit_id, a.period_id, a.element_id, a.option_id, a.region_id) = (r.u, r.p, r.e, r.o, r.r);
    end if;
    return null;
  end $$`
}
