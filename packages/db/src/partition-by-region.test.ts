import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import { aggregateDrift } from './aggregates.ts'
import type { DatabaseHandle } from './connect.ts'
import { migrateToLatest, migrations } from './migrate.ts'
import { createTestDatabase, testEngine } from './testing.ts'

/** A region with a municipality and two schools, made the way the server makes units. */
async function region(handle: DatabaseHandle, name: string) {
  const unit = async (level: number, parent: { id: number; path: string } | null) => {
    const row = await sql<{ id: number }>`
      insert into org_unit (name, level, kind, parent_id, path)
      values (${`${name} ${level}`}, ${level}, 'unit', ${parent?.id ?? null}, ${`pending:${name}:${Math.random()}`})
      returning id`.execute(handle.db)
    const id = row.rows[0]!.id
    const path = `${parent?.path ?? '/'}${id}/`
    await sql`update org_unit set path = ${path} where id = ${id}`.execute(handle.db)
    return { id, path }
  }
  const top = await unit(1, null)
  const mun = await unit(2, top)
  return { region: top, mun, schools: [await unit(3, mun), await unit(3, mun)] }
}

describe(`0015-partition-by-region on ${testEngine}`, () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await createTestDatabase({ migrate: false })
  })
  afterAll(() => handle.close())

  it('moves existing values and aggregates into their region partitions without loss', async () => {
    const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } })
    const before = await migrator.migrateTo('0012-aggregates')
    expect(before.error).toBeUndefined()
    const a = await region(handle, 'A')
    const b = await region(handle, 'B')
    await sql`insert into period (code, title, starts_on, ends_on) values ('2025-26', 'p', '2025-09-01', '2026-08-31')`.execute(
      handle.db,
    )
    await sql`
      insert into data_element (code, value_type, aggregation, definition)
      values ('p.teachers', 'integer', 'sum', '{}'), ('p.top', 'integer', 'max', '{}')`.execute(handle.db)
    // 3 + 4 teachers in A's schools, 10 in B's; a maximum of 7 and 2.
    await sql`
      insert into data_value (org_unit_id, period_id, element_id, option_id, value)
      select u, (select id from period), (select id from data_element where code = e), 0, v
      from (values (${a.schools[0]!.id}::int, 'p.teachers', 3), (${a.schools[1]!.id}::int, 'p.teachers', 4),
                   (${b.schools[0]!.id}::int, 'p.teachers', 10), (${a.schools[0]!.id}::int, 'p.top', 7),
                   (${a.schools[1]!.id}::int, 'p.top', 2)) as x(u, e, v)`.execute(handle.db)
    const values = async () =>
      (
        await sql<{ org_unit_id: number; element_id: number; value: number }>`
          select org_unit_id, element_id, value from data_value order by org_unit_id, element_id`.execute(handle.db)
      ).rows
    const aggregates = async () =>
      (
        await sql<{ org_unit_id: number; n: number; s: string; hi: number | null }>`
          select org_unit_id, element_id, n, s, hi from data_aggregate order by org_unit_id, element_id`.execute(
          handle.db,
        )
      ).rows
    const [valuesBefore, aggregatesBefore] = [await values(), await aggregates()]
    expect(valuesBefore).toHaveLength(5)

    await migrateToLatest(handle.db)
    expect(await values()).toEqual(valuesBefore)
    expect(await aggregates()).toEqual(aggregatesBefore)
    expect(await aggregateDrift(handle.db)).toEqual([])
    const placed = await sql<{ partition: string; n: number }>`
      select tableoid::regclass::text as partition, count(*)::int as n from data_value group by 1 order by 1`.execute(
      handle.db,
    )
    expect(placed.rows).toEqual(
      [
        { partition: `data_value_r${a.region.id}`, n: 4 },
        { partition: `data_value_r${b.region.id}`, n: 1 },
      ].sort((x, y) => x.partition.localeCompare(y.partition)),
    )
  })

  it("creates a new region's partitions with the region, and its values and aggregates land there", async () => {
    const c = await region(handle, 'C')
    const tables = await sql<{ name: string }>`
      select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where c.relname like ${`%_r${c.region.id}`} order by 1`.execute(handle.db)
    expect(tables.rows.map((r) => r.name)).toEqual([`data_aggregate_r${c.region.id}`, `data_value_r${c.region.id}`])
    await sql`
      insert into data_value (org_unit_id, period_id, element_id, option_id, value, region_id)
      values (${c.schools[0]!.id}, (select id from period), (select id from data_element where code = 'p.teachers'), 0, 5,
              ${c.region.id}),
             (${c.schools[1]!.id}, (select id from period), (select id from data_element where code = 'p.teachers'), 0, 6,
              ${c.region.id})`.execute(handle.db)
    const rows = await sql<{ partition: string; org_unit_id: number; s: string }>`
      select tableoid::regclass::text as partition, org_unit_id, s from data_aggregate
      where region_id = ${c.region.id} order by org_unit_id`.execute(handle.db)
    // 5 + 6 for the municipality and the region, each in region C's partition.
    expect(rows.rows.map((r) => [r.partition, r.org_unit_id, Number(r.s)])).toEqual([
      [`data_aggregate_r${c.region.id}`, c.region.id, 11],
      [`data_aggregate_r${c.region.id}`, c.mun.id, 11],
    ])
    expect(await aggregateDrift(handle.db)).toEqual([])
  })

  it("reads one region's values from that region's partition only", async () => {
    const first = await sql<{ id: number }>`select min(id)::int as id from org_unit where level = 1`.execute(handle.db)
    const region = first.rows[0]!.id
    const plan = await sql<{ 'QUERY PLAN': string }>`
      explain select count(*) from data_value where region_id = ${sql.lit(region)}`.execute(handle.db)
    const scanned = plan.rows
      .map((r) => r['QUERY PLAN'])
      .join('\n')
      .match(/data_value_\w+/g)
    expect([...new Set(scanned)]).toEqual([`data_value_r${region}`])
  })
})
