import { sql, type Kysely } from 'kysely'

/**
 * Tables the analytics read besides the values: a write to any of them changes the "everything"
 * version (scope 0). `analyticsVersionClassification` in the tests lists every other table as
 * one the analytics do not read, so a new table must be classified before the suite passes.
 */
export const ANALYTICS_INPUT_TABLES = [
  'campaign',
  'data_element',
  'dimension',
  'dimension_option',
  'document',
  'employment',
  'indicator',
  'iom_step',
  'local_indicator_revision',
  'org_unit',
  'period',
  'person',
  'person_event',
  'person_event_option',
  'person_subject',
  'plugin',
  'region_plugin',
  'registry_setting',
  'target',
] as const

/**
 * A version of what the analytics read, kept in the writing transaction like the aggregates:
 * `analytics_version` holds one counter per region (its values) and one for everything else
 * (scope 0: targets, evidence, the org tree, catalogs, the registry). A reader that reads the
 * versions before the data may reuse an answer computed at the same versions — no answer is ever
 * older than the versions the reader saw, so a value written is in the next response.
 *
 * - Statement-level triggers note the scopes a transaction changed in `analytics_change` (once
 *   per scope and transaction); a deferred trigger on that table moves them into
 *   `analytics_version` at commit. The counters are locked only while the transaction commits,
 *   in scope order, so writers of a region do not wait on each other for the rest of their
 *   transaction and two transactions cannot deadlock on them.
 * - The values' trigger reads the regions from its transition tables (the partition key).
 * - `truncate` of the values bumps scope 0: every cached answer is then stale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table analytics_version (scope integer primary key, version bigint not null)`.execute(db)
  await sql`create table analytics_change (scope integer not null)`.execute(db)
  await sql`create index analytics_change_scope on analytics_change (scope)`.execute(db)
  // The scopes a transaction has noted are kept in a transaction-local setting as well, so noting
  // one again reads no table: the embedded engine runs no autovacuum (it is one standalone
  // backend), and a scan of this table's dead rows would grow with every write ever made.
  await sql`
    create function analytics_changed(scopes integer[]) returns void language plpgsql as $$
    declare
      noted text := coalesce(current_setting('profmon.analytics_scopes', true), '');
      s integer;
    begin
      foreach s in array scopes loop
        if s is not null and position(',' || s || ',' in ',' || noted || ',') = 0 then
          noted := case when noted = '' then s::text else noted || ',' || s end;
          insert into analytics_change (scope) values (s);
        end if;
      end loop;
      perform set_config('profmon.analytics_scopes', noted, true);
    end $$
  `.execute(db)
  await sql`
    create function analytics_commit() returns trigger language plpgsql as $$
    declare
      noted text := coalesce(current_setting('profmon.analytics_scopes', true), '');
      scopes integer[];
    begin
      -- The first event of a transaction moves all its scopes, in order; later events find none.
      if noted = '' then
        return null;
      end if;
      scopes := string_to_array(noted, ',')::integer[];
      perform set_config('profmon.analytics_scopes', '', true);
      insert into analytics_version as v (scope, version)
      select s, 1 from unnest(scopes) s group by s order by s
      on conflict (scope) do update set version = v.version + 1;
      delete from analytics_change where scope = any(scopes);
      return null;
    end $$
  `.execute(db)
  await sql`
    create constraint trigger analytics_commit after insert on analytics_change
    deferrable initially deferred for each row execute function analytics_commit()
  `.execute(db)

  await sql`
    create function analytics_everything_changed() returns trigger language plpgsql as $$
    begin
      perform analytics_changed(array[0]);
      return null;
    end $$
  `.execute(db)
  for (const table of [...ANALYTICS_INPUT_TABLES, 'data_value'])
    await sql
      .raw(
        `create trigger analytics_${table === 'data_value' ? 'truncate' : 'changed'} after ${table === 'data_value' ? 'truncate' : 'insert or update or delete or truncate'} on ${table} for each statement execute function analytics_everything_changed()`,
      )
      .execute(db)

  for (const [op, tables, rows] of [
    ['insert', 'referencing new table as new_rows', 'select region_id from new_rows'],
    [
      'update',
      'referencing old table as old_rows new table as new_rows',
      'select region_id from new_rows union select region_id from old_rows',
    ],
    ['delete', 'referencing old table as old_rows', 'select region_id from old_rows'],
  ] as const) {
    await sql
      .raw(
        `create function analytics_values_on_${op}() returns trigger language plpgsql as $$
        begin
          perform analytics_changed(array(${rows}));
          return null;
        end $$`,
      )
      .execute(db)
    await sql
      .raw(
        `create trigger analytics_${op} after ${op} on data_value ${tables} for each statement execute function analytics_values_on_${op}()`,
      )
      .execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const op of ['insert', 'update', 'delete']) {
    await sql.raw(`drop trigger analytics_${op} on data_value`).execute(db)
    await sql.raw(`drop function analytics_values_on_${op}()`).execute(db)
  }
  await sql`drop trigger analytics_truncate on data_value`.execute(db)
  for (const table of ANALYTICS_INPUT_TABLES) await sql.raw(`drop trigger analytics_changed on ${table}`).execute(db)
  await sql`drop function analytics_everything_changed()`.execute(db)
  await sql`drop table analytics_change`.execute(db)
  await sql`drop function analytics_commit()`.execute(db)
  await sql`drop function analytics_changed(integer[])`.execute(db)
  await sql`drop table analytics_version`.execute(db)
}
