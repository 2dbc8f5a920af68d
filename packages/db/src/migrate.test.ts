import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import { migrations, migrateToLatest } from './migrate.ts'
import { createTestDatabase, testEngine } from './testing.ts'
import type { DatabaseHandle } from './connect.ts'

describe(`migrations on ${testEngine}`, () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await createTestDatabase()
  })
  afterAll(() => handle.close())

  it('creates every table from an empty database', async () => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name
    `.execute(handle.db)
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'api_token',
        'app_user',
        'audit_log',
        'campaign',
        'conclusion',
        'data_element',
        'data_value',
        'decision',
        'dimension',
        'dimension_option',
        'document',
        'effectiveness_comment',
        'employment',
        'iom_step',
        'indicator',
        'local_indicator_revision',
        'measure',
        'measure_document',
        'measure_progress',
        'org_unit',
        'person',
        'person_event',
        'person_event_option',
        'person_subject',
        'period',
        'plugin',
        'recommendation',
        'region_plugin',
        'registry_setting',
        'report',
        'login_attempt',
        'role_assignment',
        'target',
        'user_session',
      ]),
    )
  })

  it('gives targets score bands, an effective gap and the laxer flag (0007-goals)', async () => {
    const columns = await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns
      where table_name = 'target' and column_name in ('score_bands', 'effective_gap', 'allow_laxer')
      order by column_name
    `.execute(handle.db)
    expect(columns.rows).toEqual([
      { column_name: 'allow_laxer', data_type: 'boolean' },
      { column_name: 'effective_gap', data_type: 'double precision' },
      { column_name: 'score_bands', data_type: 'jsonb' },
    ])
  })

  it('keeps one person per SNILS hash in a region and employment dates in order (0013-registry)', async () => {
    const region = await handle.db
      .insertInto('org_unit')
      .values({ name: 'Реестровый край', level: 1, kind: 'region', path: '/registry-test/' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const person = (snils_hash: string | null) =>
      handle.db
        .insertInto('person')
        .values({ region_id: region.id, surname: 'S', name: 'N', birth_date: '1990-01-02', snils_hash })
        .returning(['id', 'category', 'version', 'birth_date'])
        .executeTakeFirstOrThrow()
    const first = await person('h1')
    expect(first).toMatchObject({ category: 'none', version: 1, birth_date: '1990-01-02' })
    await expect(person('h1')).rejects.toThrow()
    await person(null)
    await person(null)
    await expect(
      handle.db
        .insertInto('employment')
        .values({
          person_id: first.id,
          org_unit_id: region.id,
          position: 'teacher',
          starts_on: '2024-09-01',
          ends_on: '2024-08-31',
        })
        .execute(),
    ).rejects.toThrow()
    const event = await handle.db
      .insertInto('person_event')
      .values({
        person_id: first.id,
        org_unit_id: region.id,
        kind: 'course',
        occurred_on: '2024-10-01',
        details: JSON.stringify({ hours: 36 }),
      })
      .returning(['id', 'details'])
      .executeTakeFirstOrThrow()
    expect(event.details).toEqual({ hours: 36 })
    await handle.db.deleteFrom('person').where('id', '=', first.id).execute()
    expect(await handle.db.selectFrom('person_event').select('id').where('id', '=', event.id).execute()).toEqual([])
  })

  it("merges the directions' copies of a core element, keeping the largest and every disagreeing copy (0014-core-elements)", async () => {
    // A database of its own, as it stood before 0014: later migrations (0015 partitions the values
    // by region) change what a value row needs.
    const own = await createTestDatabase({ migrate: false })
    const migrator = new Migrator({ db: own.db, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo('0013-registry')).error).toBeUndefined()
    const db = own.db
    await sql`insert into dimension (code, title) values ('subject', '{"ru":"Предмет"}') on conflict do nothing`.execute(
      db,
    )
    for (const id of ['deficits', 'staffing'])
      await sql`insert into plugin (id, version, title, status) values (${id}, '1.0.0', '{"ru":"x"}', 'active')
                on conflict do nothing`.execute(db)
    const unit = async (parent: { id: number; path: string } | null, name: string) => {
      const r = await sql<{ id: number }>`insert into org_unit (parent_id, name, level, kind, path)
        values (${parent?.id ?? null}, ${name}, ${parent ? 3 : 1}, ${parent ? 'school' : 'region'}, ${`tmp-${name}`})
        returning id`.execute(db)
      const id = r.rows[0]!.id
      const path = `${parent?.path ?? '/'}${id}/`
      await sql`update org_unit set path = ${path} where id = ${id}`.execute(db)
      return { id, path }
    }
    const region = await unit(null, 'Край 0014')
    const a = (await unit(region, 'Школа А')).id
    const b = (await unit(region, 'Школа Б')).id
    const period = await sql<{ id: number }>`insert into period (code, title, starts_on, ends_on)
      values ('2014-15', '2014/15', '2014-09-01', '2015-08-31') returning id`.execute(db)
    const P = period.rows[0]!.id
    const element = async (code: string, plugin: string) =>
      (
        await sql<{ id: number }>`insert into data_element (code, plugin_id, value_type, aggregation, definition)
          values (${code}, ${plugin}, 'integer', 'sum', '{}') returning id`.execute(db)
      ).rows[0]!.id
    const deficits = await element('deficits.teachers_total', 'deficits')
    const staffing = await element('staffing.teachers_total', 'staffing')
    for (const [unit, el, value] of [
      [a, deficits, 40],
      [a, staffing, 42],
      [b, deficits, 10],
      [b, staffing, 10],
    ] as const)
      await sql`insert into data_value (org_unit_id, period_id, element_id, value) values (${unit}, ${P}, ${el}, ${value})`.execute(
        db,
      )

    expect((await migrator.migrateTo('0014-core-elements')).error).toBeUndefined()

    const values = await sql<{ org_unit_id: number; code: string; value: number }>`
      select v.org_unit_id, e.code, v.value from data_value v join data_element e on e.id = v.element_id
      where v.period_id = ${P} order by v.org_unit_id, e.code`.execute(db)
    expect(values.rows).toEqual([
      { org_unit_id: a, code: 'core.teachers_total', value: 42 },
      { org_unit_id: b, code: 'core.teachers_total', value: 10 },
    ])
    const merged = await sql`select org_unit_id, source_code, source_value, kept_value from core_element_merge
      where period_id = ${P} order by source_code`.execute(db)
    expect(merged.rows).toEqual([
      { org_unit_id: a, source_code: 'deficits.teachers_total', source_value: 40, kept_value: 42 },
      { org_unit_id: a, source_code: 'staffing.teachers_total', source_value: 42, kept_value: 42 },
    ])
    await own.close()
  })

  it('is idempotent', async () => {
    const again = await migrateToLatest(handle.db)
    expect(again.results).toEqual([])
  })

  it('keeps the audit log append-only', async () => {
    await handle.db
      .insertInto('audit_log')
      .values({ actor: 'test', action: 'write', entity: 'data_value', entity_key: '1' })
      .execute()
    await expect(handle.db.updateTable('audit_log').set({ actor: 'someone else' }).execute()).rejects.toThrow(
      'append-only',
    )
    await expect(handle.db.deleteFrom('audit_log').execute()).rejects.toThrow('append-only')
    const rows = await handle.db.selectFrom('audit_log').select('actor').execute()
    expect(rows).toEqual([{ actor: 'test' }])
  })

  it('finds a subtree with one prefix query on the materialized path', async () => {
    const region = await handle.db
      .insertInto('org_unit')
      .values({ name: 'Край', level: 1, kind: 'region', path: '/tmp/' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await handle.db
      .updateTable('org_unit')
      .set({ path: `/${region.id}/` })
      .where('id', '=', region.id)
      .execute()
    const mun = await handle.db
      .insertInto('org_unit')
      .values({ name: 'Район', level: 2, kind: 'municipality', parent_id: region.id, path: `/${region.id}/x/` })
      .returning('id')
      .executeTakeFirstOrThrow()
    await handle.db
      .updateTable('org_unit')
      .set({ path: `/${region.id}/${mun.id}/` })
      .where('id', '=', mun.id)
      .execute()
    const subtree = await handle.db
      .selectFrom('org_unit')
      .select('name')
      .where('path', 'like', `/${region.id}/%`)
      .orderBy('level')
      .execute()
    expect(subtree.map((r) => r.name)).toEqual(['Край', 'Район'])
  })

  it('binds every role but a platform admin to an org unit, once per user, role and unit', async () => {
    const user = await handle.db
      .insertInto('app_user')
      .values({ login: 'someone', name: 'Someone', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const assign = (role: 'platform_admin' | 'analyst', orgUnit: number | null) =>
      handle.db.insertInto('role_assignment').values({ user_id: user.id, role, org_unit_id: orgUnit }).execute()
    await assign('platform_admin', null)
    await expect(assign('platform_admin', null)).rejects.toThrow('role_assignment_key')
    await expect(assign('analyst', null)).rejects.toThrow('role_assignment_unit')
    await expect(
      handle.db.insertInto('app_user').values({ login: 'Someone', name: 'x', password_hash: 'x' }).execute(),
    ).rejects.toThrow('check constraint')
  })
})
