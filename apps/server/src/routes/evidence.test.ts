import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { PNG_BYTES } from '../collection/evidence/test-documents.ts'
import { requestAs, uploadForm } from '../collection/xlsx/test-workbook.ts'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const P = '2025-26'
const INDICATOR = 'deficits.analysis_presence'
const REPORT = 'deficits.analysis_report'

interface Doc {
  id: number
  orgUnit: number
  fileName: string
  mime: string
  size: number
  uploadedBy: string
  uploadedAt: string
  title: string
}

describe(`evidence documents on ${testEngine}`, () => {
  let t: TestApp
  let tree: FixtureTree

  const upload = async (login: string, orgUnit: number, bytes: Uint8Array, name: string, document = REPORT) => {
    const res = await requestAs(
      t,
      login,
      'POST',
      '/api/evidence',
      uploadForm(bytes, name, { orgUnit, period: P, indicator: INDICATOR, document }),
    )
    return { status: res.status, body: (await res.json()) as { document: Doc; error?: { message: string } } }
  }
  const presence = async (orgUnit: number) => {
    const res = await t.call<{ rows: { value: number | null; status: string }[] }>(
      'GET',
      `/api/analytics?orgUnit=${orgUnit}&period=${P}&indicator=${INDICATOR}`,
    )
    return res.body.rows[0]
  }

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('region1', [{ role: 'region_admin', orgUnit: tree.region }])
    await t.createUser('coord-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    await t.createUser('coord-a2', [{ role: 'municipal_coordinator', orgUnit: tree.munA }])
    await t.createUser('coord-b', [{ role: 'municipal_coordinator', orgUnit: tree.munB }])
    await t.createUser('oper-a1', [{ role: 'school_operator', orgUnit: tree.schoolA1 }])
    await t.createUser('oper-a1b', [{ role: 'school_operator', orgUnit: tree.schoolA1 }])
    await t.createUser('analyst-a', [{ role: 'analyst', orgUnit: tree.munA }])
  })
  afterAll(() => t.close())

  it('counts a presence "yes" only once every required document is attached', async () => {
    await t.call('POST', '/api/data-values', {
      values: [{ orgUnit: tree.munA, period: P, element: 'deficits.analysis_done', value: true }],
    })
    // The municipality says "done" but has not attached the analytical report: not met.
    expect(await presence(tree.munA)).toMatchObject({ value: 0, status: 'not_met' })
    // A document of another unit (a school of it) does not count for the municipality.
    expect((await upload('coord-a', tree.schoolA1, PNG_BYTES, 'a1.png')).status).toBe(201)
    expect(await presence(tree.munA)).toMatchObject({ value: 0 })
    expect((await upload('coord-a', tree.munA, PNG_BYTES, 'report.png')).status).toBe(201)
    expect(await presence(tree.munA)).toMatchObject({ value: 1, status: 'met' })
    // A document without the "yes" is still "no"; no answer at all stays "no data".
    await upload('coord-b', tree.munB, PNG_BYTES, 'report.png')
    expect(await presence(tree.munB)).toMatchObject({ value: null, status: 'no_data' })
    await t.call('POST', '/api/data-values', {
      values: [{ orgUnit: tree.munB, period: P, element: 'deficits.analysis_done', value: false }],
    })
    expect(await presence(tree.munB)).toMatchObject({ value: 0 })
  })

  it('takes the type from the content: a PNG named .pdf is a PNG, a text named .pdf is refused', async () => {
    const png = await upload('coord-a', tree.munA, PNG_BYTES, 'Справка.pdf')
    expect(png.status).toBe(201)
    expect(png.body.document).toMatchObject({
      fileName: 'Справка.png',
      mime: 'image/png',
      size: PNG_BYTES.length,
      uploadedBy: 'coord-a',
    })
    const text = await upload('coord-a', tree.munA, new TextEncoder().encode('not a pdf at all'), 'Справка.pdf')
    expect(text.status).toBe(415)
    expect(text.body.error?.message).toContain('PDF, DOCX, XLSX, PNG или JPEG')
    const pdf = await upload(
      'coord-a',
      tree.munA,
      new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'),
      'scan',
    )
    expect(pdf.body.document).toMatchObject({ mime: 'application/pdf', fileName: 'scan.pdf' })
  })

  it('refuses a file over 20 MB, a document the indicator does not require and a unit outside the caller’s tree', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1)
    big.set(PNG_BYTES)
    expect((await upload('coord-a', tree.munA, big, 'big.png')).status).toBe(413)
    expect((await upload('coord-a', tree.munA, PNG_BYTES, 'x.png', 'deficits.other')).status).toBe(400)
    expect((await upload('coord-a', tree.munB, PNG_BYTES, 'x.png')).status).toBe(403)
    expect((await upload('analyst-a', tree.munA, PNG_BYTES, 'x.png')).status).toBe(403)
  })

  it('lists a unit’s documents with uploader and date and the required ones attached, and downloads them', async () => {
    const res = await t
      .as('analyst-a')
      .call<{ documents: Doc[]; required: { document: string; attached: number }[] }>(
        'GET',
        `/api/evidence?orgUnit=${tree.munA}&period=${P}&indicator=${INDICATOR}`,
      )
    expect(res.status).toBe(200)
    expect(res.body.documents.map((d) => d.fileName)).toEqual(['scan.pdf', 'Справка.png', 'report.png'])
    expect(res.body.documents[0]).toMatchObject({
      uploadedBy: 'coord-a',
      title: 'Аналитическая справка по результатам диагностики',
      orgUnit: tree.munA,
    })
    expect(Date.parse(res.body.documents[0]!.uploadedAt)).toBeGreaterThan(Date.now() - 600_000)
    expect(res.body.required).toEqual([
      {
        indicator: INDICATOR,
        document: REPORT,
        title: 'Аналитическая справка по результатам диагностики',
        attached: 3,
      },
    ])
    const file = await requestAs(t, 'analyst-a', 'GET', `/api/evidence/${res.body.documents[2]!.id}/content`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')
    expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''report.png")
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG_BYTES)
    expect((await requestAs(t, 'coord-b', 'GET', `/api/evidence/${res.body.documents[2]!.id}/content`)).status).toBe(
      403,
    )
  })

  it('deletes for the uploader and the approving level only, and audits uploads and deletes', async () => {
    const ofOper = (await upload('oper-a1', tree.schoolA1, PNG_BYTES, 'a.png')).body.document.id
    const ofOper2 = (await upload('oper-a1', tree.schoolA1, PNG_BYTES, 'b.png')).body.document.id
    const ofCoord = (await upload('coord-a', tree.munA, PNG_BYTES, 'c.png')).body.document.id
    const del = async (login: string, id: number) => (await requestAs(t, login, 'DELETE', `/api/evidence/${id}`)).status
    expect(await del('oper-a1b', ofOper)).toBe(403) // same school, not the uploader
    expect(await del('analyst-a', ofOper)).toBe(403)
    expect(await del('coord-b', ofOper)).toBe(403)
    expect(await del('oper-a1', ofOper)).toBe(204) // the uploader
    expect(await del('coord-a2', ofOper2)).toBe(204) // the municipality approves its schools
    expect(await del('coord-a2', ofCoord)).toBe(403) // a colleague at the same level is not the approver
    expect(await del('region1', ofCoord)).toBe(204) // the region approves its municipalities
    expect(await del('region1', ofCoord)).toBe(404)
    // Approved data keeps its documents, for everyone, until the approving level returns it.
    const ofOper3 = (await upload('oper-a1', tree.schoolA1, PNG_BYTES, 'd.png')).body.document.id
    const period = await t.deps.db.selectFrom('period').select('id').where('code', '=', P).executeTakeFirstOrThrow()
    await t.deps.db
      .insertInto('submission')
      .values({
        org_unit_id: tree.schoolA1,
        period_id: period.id,
        plugin_id: 'deficits',
        state: 'approved',
        updated_by: 'coord-a',
      })
      .execute()
    expect(await del('oper-a1', ofOper3)).toBe(409)
    expect(await del('coord-a', ofOper3)).toBe(409)
    // Nor does approved data take new documents, from anyone.
    const count = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('document')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const before = await count()
    const late = await upload('oper-a1', tree.schoolA1, PNG_BYTES, 'e.png')
    expect(late.status).toBe(409)
    expect(late.body.error?.message).toContain('верните их на доработку')
    expect((await upload('coord-a', tree.schoolA1, PNG_BYTES, 'e.png')).status).toBe(409)
    // Submitted data: only the approving level attaches.
    await t.deps.db
      .updateTable('submission')
      .set({ state: 'submitted' })
      .where('org_unit_id', '=', tree.schoolA1)
      .execute()
    expect((await upload('oper-a1', tree.schoolA1, PNG_BYTES, 'f.png')).status).toBe(409)
    expect(await count()).toBe(before)
    expect((await upload('coord-a', tree.schoolA1, PNG_BYTES, 'g.png')).status).toBe(201)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('entity', '=', 'document')
      .where('org_unit_id', '=', tree.schoolA1)
      .orderBy('id')
      .execute()
    expect(audit.slice(-6)).toEqual([
      { actor: 'oper-a1', action: 'create' },
      { actor: 'oper-a1', action: 'create' },
      { actor: 'oper-a1', action: 'delete' },
      { actor: 'coord-a2', action: 'delete' },
      { actor: 'oper-a1', action: 'create' },
      { actor: 'coord-a', action: 'create' },
    ])
  })

  it('follows the entry locks on delete too, and the monitoring deadline for both (not for the approving level)', async () => {
    await t.createUser('oper-a2', [{ role: 'school_operator', orgUnit: tree.schoolA2 }])
    const del = async (login: string, id: number) => requestAs(t, login, 'DELETE', `/api/evidence/${id}`)
    const mine = (await upload('oper-a2', tree.schoolA2, PNG_BYTES, 'a.png')).body.document.id
    const period = await t.deps.db.selectFrom('period').select('id').where('code', '=', P).executeTakeFirstOrThrow()
    // Submitted: the school no longer removes its own document; the municipality may.
    await t.deps.db
      .insertInto('submission')
      .values({
        org_unit_id: tree.schoolA2,
        period_id: period.id,
        plugin_id: 'deficits',
        state: 'submitted',
        updated_by: 'oper-a2',
      })
      .execute()
    const refused = await del('oper-a2', mine)
    expect(refused.status).toBe(409)
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      'удалить документ может только проверяющий уровень',
    )
    // Returned: open again.
    await t.deps.db
      .updateTable('submission')
      .set({ state: 'returned', comment: 'Приложите справку' })
      .where('org_unit_id', '=', tree.schoolA2)
      .execute()
    const second = (await upload('oper-a2', tree.schoolA2, PNG_BYTES, 'b.png')).body.document.id

    // Past the campaign's monitoring deadline: like the values, only the approving level changes documents.
    await t.deps.db
      .insertInto('campaign')
      .values({
        region_id: tree.region,
        period_id: period.id,
        monitoring_due: '2020-01-20',
        analysis_due: '2020-03-30',
        measures_due: '2020-12-31',
        effectiveness_due: '2021-08-31',
      })
      .execute()
    try {
      const late = await upload('oper-a2', tree.schoolA2, PNG_BYTES, 'c.png')
      expect(late.status).toBe(403)
      expect(late.body.error?.message).toContain('2020-01-20')
      const lateDelete = await del('oper-a2', second)
      expect(lateDelete.status).toBe(403)
      expect(((await lateDelete.json()) as { error: { code: string } }).error.code).toBe('deadline_passed')
      expect((await upload('coord-a', tree.schoolA2, PNG_BYTES, 'd.png')).status).toBe(201)
      expect((await del('coord-a', mine)).status).toBe(204)
    } finally {
      await t.deps.db.deleteFrom('campaign').where('region_id', '=', tree.region).execute()
    }
    expect((await del('oper-a2', second)).status).toBe(204)
  })
})
