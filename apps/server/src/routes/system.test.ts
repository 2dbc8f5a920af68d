import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

describe(`system routes on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
  })
  afterAll(() => t.close())

  it('answers health with the engine', async () => {
    const res = await t.call<{ status: string; engine: string }>('GET', '/api/health')
    expect(res).toMatchObject({ status: 200, body: { status: 'ok', engine: testEngine } })
  })

  it('walks the org tree: roots, children, a unit with its ancestors', async () => {
    const roots = await t.call<{ id: number; name: string; level: number; path: string; childCount: number }[]>(
      'GET',
      '/api/org-units',
    )
    expect(roots.body).toEqual([
      expect.objectContaining({
        id: tree.region,
        name: 'Тестовый край',
        level: 1,
        path: `/${tree.region}/`,
        childCount: 2,
      }),
    ])
    const children = await t.call<{ name: string }[]>('GET', `/api/org-units/${tree.munA}/children`)
    expect(children.body.map((c) => c.name)).toEqual(['Школа № 1', 'Школа № 2', 'Школа № 3'])
    const school = await t.call<{ path: string; ancestors: { name: string }[] }>(
      'GET',
      `/api/org-units/${tree.schoolB1}`,
    )
    expect(school.body.path).toBe(`/${tree.region}/${tree.munB}/${tree.schoolB1}/`)
    expect(school.body.ancestors.map((a) => a.name)).toEqual(['Тестовый край', 'Борисовский район'])
    expect((await t.call('GET', '/api/org-units/424242/children')).status).toBe(404)
  })

  it('searches the visible tree by name, case-insensitively, with the path of each hit', async () => {
    const res = await t.call<{ name: string; pathNames: string[] }[]>(
      'GET',
      `/api/org-units/search?q=${encodeURIComponent('школа № 1')}`,
    )
    expect(res.body.map((u) => [u.name, u.pathNames])).toEqual([
      ['Школа № 1', ['Тестовый край', 'Алексеевский район']],
      ['Школа № 10', ['Тестовый край', 'Борисовский район']],
    ])
    const short = await t.call('GET', '/api/org-units/search?q=a')
    expect(short.status).toBe(400)
  })

  it('lists periods oldest first', async () => {
    const res = await t.call<{ code: string; title: string }[]>('GET', '/api/periods')
    expect(res.body.map((p) => p.code)).toEqual(['2023-24', '2024-25', '2025-26'])
  })

  it('lists enabled plugins with their remote entry and installed ones with status', async () => {
    const enabled = await t.call<{ id: string; indicators: number }[]>('GET', `/api/plugins?region=${tree.region}`)
    expect(enabled.body).toEqual([expect.objectContaining({ id: 'deficits', indicators: 9 })])
    const installed = await t.call<{ id: string; status: string; enabled: boolean }[]>('GET', '/api/plugins/installed')
    expect(installed.body).toEqual([expect.objectContaining({ id: 'deficits', status: 'active', enabled: true })])
  })

  it('serves an OpenAPI 3.1 document generated from the route schemas, and a docs page', async () => {
    const doc = await t.call<{ openapi: string; paths: Record<string, unknown> }>('GET', '/api/openapi.json')
    expect(doc.body.openapi).toBe('3.1.0')
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/analytics',
        '/api/org-units',
        '/api/org-units/{id}/children',
        '/api/periods',
        '/api/data-values',
        '/api/plugins',
      ]),
    )
    const page = await t.app.request('/api/docs')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('/api/docs/swagger-ui-bundle.js')
    expect(await (await t.app.request('/api/docs/init.js')).text()).toContain("url: '/api/openapi.json'")
    const js = await t.app.request('/api/docs/swagger-ui-bundle.js')
    expect(js.status).toBe(200)
  })

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.call<{ error: { code: string } }>('GET', '/api/nothing-here')
    expect(res).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } })
  })
})
