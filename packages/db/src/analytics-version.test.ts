import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql, type Kysely } from 'kysely'
import { analyticsVersion } from './analytics-version.ts'
import type { DatabaseHandle } from './connect.ts'
import type { Database } from './schema.ts'
import { ANALYTICS_INPUT_TABLES } from './migrations/0016-analytics-version.ts'
import { createTestDatabase, testEngine } from './testing.ts'

/**
 * Tables the analytics never read: writes to them leave cached answers standing. A table in
 * neither this list nor `ANALYTICS_INPUT_TABLES` fails the classification test below, so a new
 * table is classified when it is created.
 */
const NOT_READ_BY_ANALYTICS = [
  'api_token',
  'app_user',
  'audit_log',
  'conclusion',
  'core_element_merge',
  'decision',
  'effectiveness_comment',
  'login_attempt',
  'measure',
  'measure_document',
  'measure_progress',
  'recommendation',
  'report',
  'role_assignment',
  'submission',
  'user_session',
]

/** The values and their aggregates (versioned per region), the version itself, and kysely's own tables. */
const OWN = /^(data_value|data_aggregate)(_r\d+|_default)?$|^analytics_(version|change)$|^kysely_/

describe(`analytics version on ${testEngine}`, () => {
  let handle: DatabaseHandle
  let a: number
  let b: number
  let schoolA: number
  let schoolB: number
  const insertValue = (unit: number, region: number, value: number, db: Kysely<Database> = handle.db) =>
    sql`insert into data_value (org_unit_id, period_id, element_id, option_id, value, region_id)
        values (${unit}, (select id from period), (select id from data_element where code = 'v.teachers'), 0, ${value}, ${region})
        on conflict (org_unit_id, period_id, element_id, option_id, region_id) do update set value = excluded.value`.execute(
      db,
    )

  beforeAll(async () => {
    handle = await createTestDatabase()
    const unit = async (level: number, parent: { id: number; path: string } | null, name: string) => {
      const row = await sql<{ id: number }>`
        insert into org_unit (name, level, kind, parent_id, path)
        values (${name}, ${level}, 'unit', ${parent?.id ?? null}, ${`pending:${name}`}) returning id`.execute(handle.db)
      const id = row.rows[0]!.id
      const path = `${parent?.path ?? '/'}${id}/`
      await sql`update org_unit set path = ${path} where id = ${id}`.execute(handle.db)
      return { id, path }
    }
    const ra = await unit(1, null, 'A')
    const rb = await unit(1, null, 'B')
    a = ra.id
    b = rb.id
    schoolA = (await unit(3, await unit(2, ra, 'A mun'), 'A school')).id
    schoolB = (await unit(3, await unit(2, rb, 'B mun'), 'B school')).id
    await sql`insert into period (code, title, starts_on, ends_on) values ('2025-26', 'p', '2025-09-01', '2026-08-31')`.execute(
      handle.db,
    )
    await sql`insert into data_element (code, value_type, aggregation, definition) values ('v.teachers', 'integer', 'sum', '{}')`.execute(
      handle.db,
    )
  })
  afterAll(() => handle.close())

  it('classifies every table: read by the analytics (versioned) or not', async () => {
    const { rows } = await sql<{ name: string }>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`.execute(handle.db)
    const inputs = new Set<string>(ANALYTICS_INPUT_TABLES)
    const unclassified = rows
      .map((r) => r.name)
      .filter((t) => !inputs.has(t) && !NOT_READ_BY_ANALYTICS.includes(t) && !OWN.test(t))
    expect(unclassified).toEqual([])
    // Each input table carries the trigger.
    const { rows: triggered } = await sql<{ name: string }>`
      select distinct c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where t.tgname = 'analytics_changed'`.execute(handle.db)
    expect(triggered.map((r) => r.name).sort()).toEqual([...inputs].sort())
  })

  it("a value written changes its region's version and no other region's", async () => {
    const beforeA = await analyticsVersion(handle.db, a)
    const beforeB = await analyticsVersion(handle.db, b)
    await insertValue(schoolA, a, 3)
    const afterA = await analyticsVersion(handle.db, a)
    expect(afterA).not.toBe(beforeA)
    expect(afterA.split('.')[0]).toBe(beforeA.split('.')[0])
    expect(await analyticsVersion(handle.db, b)).toBe(beforeB)
    // Updates and deletes too; one transaction of many statements counts once.
    await handle.db.transaction().execute(async (trx) => {
      await sql`update data_value set value = 4 where org_unit_id = ${schoolA}`.execute(trx)
      await sql`delete from data_value where org_unit_id = ${schoolA}`.execute(trx)
    })
    const [, regionBefore] = afterA.split('.').map(Number)
    const [, regionAfter] = (await analyticsVersion(handle.db, a)).split('.').map(Number)
    expect(regionAfter).toBe(regionBefore! + 1)
    expect(await analyticsVersion(handle.db, b)).toBe(beforeB)
  })

  it('a write to what the analytics read besides values changes every region', async () => {
    const beforeA = await analyticsVersion(handle.db, a)
    const beforeB = await analyticsVersion(handle.db, b)
    await sql`update period set reference_date = '2025-10-01'`.execute(handle.db)
    expect(await analyticsVersion(handle.db, a)).not.toBe(beforeA)
    expect(await analyticsVersion(handle.db, b)).not.toBe(beforeB)
    // A write the analytics do not read leaves them.
    const now = await analyticsVersion(handle.db, a)
    await sql`insert into login_attempt (login, address, success) values ('x', '127.0.0.1', false)`.execute(handle.db)
    expect(await analyticsVersion(handle.db, a)).toBe(now)
  })

  it('a rolled-back write, or one undone to a savepoint, changes nothing', async () => {
    const before = await analyticsVersion(handle.db, b)
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`insert into data_value (org_unit_id, period_id, element_id, option_id, value, region_id)
                  values (${schoolB}, (select id from period), (select id from data_element where code = 'v.teachers'), 0, 1, ${b})`.execute(
          trx,
        )
        throw new Error('undo')
      }),
    ).rejects.toThrow('undo')
    expect(await analyticsVersion(handle.db, b)).toBe(before)
    await handle.db.transaction().execute(async (trx) => {
      await sql`savepoint s`.execute(trx)
      await sql`insert into data_value (org_unit_id, period_id, element_id, option_id, value, region_id)
                values (${schoolB}, (select id from period), (select id from data_element where code = 'v.teachers'), 0, 1, ${b})`.execute(
        trx,
      )
      await sql`rollback to savepoint s`.execute(trx)
    })
    expect(await analyticsVersion(handle.db, b)).toBe(before)
    expect((await sql`select * from analytics_change`.execute(handle.db)).rows).toEqual([])
    // A write undone to a savepoint and made again in the same transaction still counts.
    await handle.db.transaction().execute(async (trx) => {
      await sql`savepoint s`.execute(trx)
      await insertValue(schoolB, b, 1, trx)
      await sql`rollback to savepoint s`.execute(trx)
      await insertValue(schoolB, b, 2, trx)
    })
    expect(await analyticsVersion(handle.db, b)).not.toBe(before)
    expect((await sql`select * from analytics_change`.execute(handle.db)).rows).toEqual([])
  })

  it.skipIf(testEngine !== 'postgres')(
    'on postgres: another connection sees the new version only with the committed value',
    async () => {
      const before = await analyticsVersion(handle.db, b)
      let inside = ''
      await handle.db.transaction().execute(async (trx) => {
        await insertValue(schoolB, b, 9, trx)
        // The pool's other connection: the write is not committed yet.
        inside = await analyticsVersion(handle.db, b)
      })
      expect(inside).toBe(before)
      expect(await analyticsVersion(handle.db, b)).not.toBe(before)
    },
  )
})
