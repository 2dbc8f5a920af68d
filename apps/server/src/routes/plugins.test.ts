import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { createFixtureTree, createSecondRegion, type FixtureTree, type SecondRegion } from '../testing/fixture-tree.ts'
import { createTestApp, pluginFolder, type TestApp } from '../testing/test-app.ts'

type Installed = { id: string; status: string; error: string | null; enabled: boolean | null }

describe(`plugins by region and role on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  let other: SecondRegion

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    other = await createSecondRegion(t.deps.db)
    // A plugin refused at start-up, as sync records it.
    await t.deps.db
      .insertInto('plugin')
      .values({
        id: 'broken',
        version: '1.0.0',
        title: JSON.stringify({ ru: 'Сломанный' }),
        status: 'invalid',
        error: 'indicators[0].formula: unknown data element',
      })
      .execute()
    await t.createUser('region2', [{ role: 'region_admin', orgUnit: other.region2 }])
    await t.createUser('region1', [{ role: 'region_admin', orgUnit: tree.region }])
    await t.createUser('mun-c', [{ role: 'municipal_coordinator', orgUnit: other.munC }])
    await t.createUser('mun-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
  })
  afterAll(() => t.close())

  it('shows refused plugins with their errors to the platform admin only', async () => {
    const all = await t.call<Installed[]>('GET', '/api/plugins/installed')
    expect(all.body.map((p) => [p.id, p.status, p.error !== null])).toEqual([
      ['broken', 'invalid', true],
      ['deficits', 'active', false],
    ])
    const region = await t.as('region1').call<Installed[]>('GET', '/api/plugins/installed')
    expect(region.body).toEqual([
      expect.objectContaining({ id: 'deficits', status: 'active', error: null, enabled: true }),
    ])
  })

  it("answers the caller's own region when none is asked, and refuses another region", async () => {
    expect(
      (await t.as('region2').call('PUT', `/api/regions/${other.region2}/plugins/deficits`, { enabled: false })).status,
    ).toBe(200)
    expect((await t.as('mun-c').call<unknown[]>('GET', '/api/plugins')).body).toEqual([])
    expect((await t.as('mun-a').call<{ id: string }[]>('GET', '/api/plugins')).body.map((p) => p.id)).toEqual([
      'deficits',
    ])
    expect((await t.as('mun-a').call('GET', `/api/plugins?region=${other.region2}`)).status).toBe(403)
  })

  it("lets only the region's admin (or a platform admin) switch its directions, writing nothing otherwise", async () => {
    const audits = async () => (await t.deps.db.selectFrom('audit_log').select('id').execute()).length
    const before = await audits()
    expect(
      (await t.as('region1').call('PUT', `/api/regions/${other.region2}/plugins/deficits`, { enabled: true })).status,
    ).toBe(403)
    expect(
      (await t.as('mun-c').call('PUT', `/api/regions/${other.region2}/plugins/deficits`, { enabled: true })).status,
    ).toBe(403)
    expect(await audits()).toBe(before)
    expect((await t.as('mun-c').call<unknown[]>('GET', '/api/plugins')).body).toEqual([])
    expect((await t.call('PUT', `/api/regions/${other.region2}/plugins/deficits`, { enabled: true })).status).toBe(200)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit).toEqual({ actor: 'admin', action: 'enable' })
  })
})

describe(`a plugin whose contract range excludes this contract, on ${testEngine}`, () => {
  let t: TestApp
  beforeAll(async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'profmon-next-major-')), 'next-major')
    await mkdir(dir)
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ name: '@third-party/next-major', version: '2.0.0', profmon: { manifest: './manifest.js' } }),
    )
    const manifest = {
      id: 'next-major',
      version: '2.0.0',
      contract: '^2.0.0',
      title: { ru: 'Следующая версия' },
      dataElements: [{ code: 'next_major.n', title: { ru: 'Число' }, valueType: 'integer' }],
      indicators: [
        { code: 'next_major.count', title: { ru: 'Количество' }, kind: 'count', formula: '#{next_major.n}' },
      ],
    }
    await writeFile(join(dir, 'manifest.js'), `export default ${JSON.stringify(manifest)}\n`)
    t = await createTestApp({ pluginDirs: [await pluginFolder(['deficits'], { 'next-major': dir })] })
  })
  afterAll(() => t.close())

  it('is listed to the platform admin as incompatible, the error naming its range and the contract version', async () => {
    const all = await t.call<Installed[]>('GET', '/api/plugins/installed')
    expect(all.body.find((p) => p.id === 'next-major')).toEqual({
      id: 'next-major',
      version: '2.0.0',
      title: { ru: 'next-major' },
      status: 'incompatible',
      error:
        'plugin "next-major": contract: written for contract ^2.0.0, which excludes the contract 1.0.0 this platform implements',
      enabled: null,
    })
  })
})
