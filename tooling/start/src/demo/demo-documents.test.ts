import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { evidenceKind } from '@profmon/server'
import { createFixtureTree, createTestApp, type FixtureTree, type TestApp } from '@profmon/server/testing'
import { attachDemoEvidence } from './demo-documents.ts'

describe(`demo evidence on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree
  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
  })
  afterAll(() => t.close())

  it('attaches most required documents, as PDFs, at the levels each presence indicator is meant for', async () => {
    const n = await attachDemoEvidence(t.deps.db, t.deps.catalog, tree.region)
    // deficits.analysis_presence: region + 2 municipalities × 3 periods × 1 document = 9 possible.
    expect(n).toBeGreaterThan(4)
    expect(n).toBeLessThanOrEqual(9)
    const docs = await t.deps.db.selectFrom('document').select(['org_unit_id', 'content', 'file_name']).execute()
    expect(docs.every((d) => [tree.region, tree.munA, tree.munB].includes(d.org_unit_id))).toBe(true)
    expect(await evidenceKind(new Uint8Array(docs[0]!.content))).toEqual({ mime: 'application/pdf', ext: 'pdf' })
    expect(docs[0]!.file_name).toBe('Аналитическая справка по результатам диагностики.pdf')
  })
})
