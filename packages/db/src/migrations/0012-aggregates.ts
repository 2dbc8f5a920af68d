import { sql, type Kysely } from 'kysely'

/**
 * Maintained aggregates: for every data element, org unit, period and option, the values of the
 * unit's *descendants* summarised into the parts each aggregation rule merges exactly — the number of reported values `n`,
 * their exact sum `s` (numeric, so adding and removing never drifts), the number of non-zero
 * ("yes") values `nt`, and `lo`/`hi` (min, max) for the elements whose rule is `min` or `max`.
 *
 * Statement-level triggers keep the table equal to {@link REBUILT} in the writing statement's own
 * transaction, whatever writes: the batch write and the XLSX import (one upsert and one delete
 * each), `COPY`, a move of org units between parents (a changed materialized path), or a plugin
 * changing an element's rule. A value counts for every unit above its own on its path; a unit's
 * own values are not repeated here (they are one row each in `data_value` already, and an
 * organisation — most units — has nothing below it), so a subtree is its unit's row here plus
 * that unit's own values, and a write touches one row per level above. Min and max
 * cannot be decremented: when a removed value was the extreme of a key, that key's min and max
 * are recomputed from the raw values of its subtree in the same trigger.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
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
      constraint data_aggregate_pk primary key (org_unit_id, period_id, element_id, option_id)
    )
  `.execute(db)
  await sql`create view data_aggregate_rebuilt as ${sql.raw(REBUILT)}`.execute(db)
  await sql`insert into data_aggregate select * from data_aggregate_rebuilt`.execute(db)

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
  await sql`
    create trigger data_aggregate_move after update on org_unit
    referencing old table as old_units new table as new_units for each statement execute function data_aggregate_on_move()
  `.execute(db)
  // A rule changed to or from min/max (a plugin's new version): that element's rows are rebuilt.
  await sql`
    create function data_aggregate_on_rule() returns trigger language plpgsql as $$
    declare changed int[];
    begin
      select array_agg(n.id) into changed from new_elements n join old_elements o using (id)
      where n.aggregation is distinct from o.aggregation;
      if changed is not null then
        delete from data_aggregate where element_id = any(changed);
        insert into data_aggregate select * from data_aggregate_rebuilt where element_id = any(changed);
      end if;
      return null;
    end $$
  `.execute(db)
  await sql`
    create trigger data_aggregate_rule after update on data_element
    referencing old table as old_elements new table as new_elements for each statement execute function data_aggregate_on_rule()
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger data_aggregate_rule on data_element`.execute(db)
  await sql`drop trigger data_aggregate_move on org_unit`.execute(db)
  for (const t of ['insert', 'update', 'delete'])
    await sql.raw(`drop trigger data_aggregate_${t} on data_value`).execute(db)
  for (const f of ['insert', 'update', 'delete', 'move', 'rule'])
    await sql.raw(`drop function data_aggregate_on_${f}()`).execute(db)
  await sql`drop view data_aggregate_rebuilt`.execute(db)
  await sql`drop table data_aggregate`.execute(db)
}

/** Elements whose rule needs the extremes; the others keep `lo`/`hi` null. */
const TRACKED = `aggregation in ('min', 'max')`

/**
 * The table computed from scratch: every reported value counted once for each unit above its org
 * unit on the path (`/1/5/123/` → 1 and 5).
 */
const REBUILT = `
  select a.id::int as org_unit_id, v.period_id, v.element_id, v.option_id,
         count(*)::int as n, sum(v.value::numeric) as s, (count(*) filter (where v.value <> 0))::int as nt,
         min(v.value) filter (where t.${TRACKED}) as lo, max(v.value) filter (where t.${TRACKED}) as hi
  from data_value v
  join org_unit o on o.id = v.org_unit_id
  join data_element t on t.id = v.element_id
  cross join lateral unnest(string_to_array(o.path, '/')) as a(id)
  where v.value is not null and a.id <> '' and a.id <> v.org_unit_id::text
  group by 1, 2, 3, 4`

/** Changes of data values as signed rows `(anc, per, el, opt, val, sg)`, one per unit above on the path. */
const valueDelta = (rows: string, sign: number) => `
  select a.id::int as anc, r.period_id as per, r.element_id as el, r.option_id as opt, r.value as val, ${sign} as sg
  from ${rows} r
  join org_unit o on o.id = r.org_unit_id
  cross join lateral unnest(string_to_array(o.path, '/')) as a(id)
  where r.value is not null and a.id <> '' and a.id <> r.org_unit_id::text`

/** An update counts only where the value changed (a re-save of the same value moves nothing). */
const UPDATE_DELTA = `
  ${valueDelta('(select org_unit_id, period_id, element_id, option_id, value from new_rows where value is not null except all select org_unit_id, period_id, element_id, option_id, value from old_rows where value is not null)', 1)}
  union all
  ${valueDelta('(select org_unit_id, period_id, element_id, option_id, value from old_rows where value is not null except all select org_unit_id, period_id, element_id, option_id, value from new_rows where value is not null)', -1)}`

/**
 * A move changes the paths of a subtree: each of its values leaves the units only on the old path
 * and joins those only on the new one (units inside the moved subtree and shared ancestors are on
 * both, so their rows stay).
 * Paths are parsed defensively: a unit is inserted with a placeholder path before it has values.
 */
const MOVE_DELTA = `
  select a.id as anc, v.period_id as per, v.element_id as el, v.option_id as opt, v.value as val, a.sg
  from (
    select n.id,
           array(select p::int from unnest(string_to_array(o.path, '/')) p where p ~ '^[0-9]+$') as before,
           array(select p::int from unnest(string_to_array(n.path, '/')) p where p ~ '^[0-9]+$') as after
    from new_units n join old_units o using (id)
    where n.path is distinct from o.path
    offset 0
  ) m
  cross join lateral (
    select id, -1 as sg from unnest(m.before) id where not id = any(m.after)
    union all
    select id, 1 from unnest(m.after) id where not id = any(m.before)
  ) a
  join data_value v on v.org_unit_id = m.id
  where v.value is not null`

/**
 * A trigger function applying a delta: one ordered upsert (rows locked in key order, so two writers
 * never wait on each other crosswise), then the keys left without values are deleted and the keys
 * whose removed value was their extreme get min and max recomputed from their subtree's values.
 */
function maintainFunction(name: string, delta: string): string {
  return `
  create function ${name}() returns trigger language plpgsql as $$
  declare
    zu int[]; zp int[]; ze int[]; zo int[];
    su int[]; sp int[]; se int[]; so int[];
  begin
    with d as materialized (${delta}),
    g as (
      select anc, per, el, opt, sum(sg)::int as n, coalesce(sum(sg * val::numeric), 0) as s,
             coalesce(sum(sg) filter (where val <> 0), 0)::int as nt,
             min(val) filter (where sg > 0) as add_lo, max(val) filter (where sg > 0) as add_hi,
             min(val) filter (where sg < 0) as rem_lo, max(val) filter (where sg < 0) as rem_hi
      from d group by anc, per, el, opt
    ),
    gt as (
      select g.*, t.${TRACKED} as tracked from g join data_element t on t.id = g.el
    ),
    up as (
      insert into data_aggregate as a (org_unit_id, period_id, element_id, option_id, n, s, nt, lo, hi)
      select anc, per, el, opt, n, s, nt, case when tracked then add_lo end, case when tracked then add_hi end
      from gt
      where n <> 0 or s <> 0 or nt <> 0 or (tracked and (add_lo is not null or rem_lo is not null))
      order by anc, per, el, opt
      on conflict (org_unit_id, period_id, element_id, option_id) do update
        set n = a.n + excluded.n, s = a.s + excluded.s, nt = a.nt + excluded.nt,
            lo = least(a.lo, excluded.lo), hi = greatest(a.hi, excluded.hi)
      returning a.org_unit_id, a.period_id, a.element_id, a.option_id, a.n, a.lo, a.hi
    )
    select array_agg(up.org_unit_id) filter (where up.n = 0), array_agg(up.period_id) filter (where up.n = 0),
           array_agg(up.element_id) filter (where up.n = 0), array_agg(up.option_id) filter (where up.n = 0),
           array_agg(up.org_unit_id) filter (where stale), array_agg(up.period_id) filter (where stale),
           array_agg(up.element_id) filter (where stale), array_agg(up.option_id) filter (where stale)
    into zu, zp, ze, zo, su, sp, se, so
    from up
    join gt on (gt.anc, gt.per, gt.el, gt.opt) = (up.org_unit_id, up.period_id, up.element_id, up.option_id)
    cross join lateral (select up.n > 0 and gt.tracked and (gt.rem_lo <= up.lo or gt.rem_hi >= up.hi) as stale) x;

    if zu is not null then
      delete from data_aggregate
      where (org_unit_id, period_id, element_id, option_id) in (select * from unnest(zu, zp, ze, zo));
    end if;
    if su is not null then
      update data_aggregate a set lo = r.lo, hi = r.hi
      from (
        select k.u, k.p, k.e, k.o, min(v.value) as lo, max(v.value) as hi
        from unnest(su, sp, se, so) as k(u, p, e, o)
        join org_unit top on top.id = k.u
        join org_unit w on w.path like top.path || '%' and w.id <> top.id
        join data_value v on (v.org_unit_id, v.period_id, v.element_id, v.option_id) = (w.id, k.p, k.e, k.o)
        where v.value is not null
        group by k.u, k.p, k.e, k.o
      ) r
      where (a.org_unit_id, a.period_id, a.element_id, a.option_id) = (r.u, r.p, r.e, r.o);
    end if;
    return null;
  end $$`
}
