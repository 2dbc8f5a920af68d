import JSZip from 'jszip'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '@profmon/db/testing'
import { formatValue } from '@profmon/contract/format'
import type { AnalyticsRow } from '../analytics/analytics.ts'
import { createFixtureTree, type FixtureTree } from '../testing/fixture-tree.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'
import pino from 'pino'
import { JobQueue } from '../jobs/queue.ts'
import { sql } from '@profmon/db'
import {
  ABANDONED_REASON,
  runReportJob,
  settleAbandonedReports,
  startReportWorker,
  type ReportView,
} from './reports.ts'
import { STATUS_WORDS } from './words.ts'

const P = '2025-26'
const PREV = '2024-25'
/** User text that means something in WordprocessingML, in templates and in spreadsheets. */
const NASTY = ['<w:p>Мера</w:p>', '{{x}} & «кавычки»', '=SUM(1)']

/** The text of each table row of a DOCX: cells joined by « | ». */
async function docxOf(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes)
  const xml = await zip.file('word/document.xml')!.async('string')
  const text = (s: string) =>
    [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1]!)
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) =>
    [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => text(c[0])),
  )
  const headings = [
    ...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="(Heading\d)"\/>[\s\S]*?<\/w:p>/g),
  ].map((m) => ({ style: m[1]!, text: text(m[0]) }))
  // Charts: PNGs whose width (IHDR, bytes 16–19) is twice the chart's 640 px, for print.
  const media = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => f.startsWith('word/media/'))
      .map(async (f) => new DataView((await zip.file(f)!.async('uint8array')).buffer).getUint32(16)),
  )
  return { xml, rows, headings, media, text: text(xml), styles: await zip.file('word/styles.xml')!.async('string') }
}

async function pdfText(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes))
  const { text } = await extractText(pdf, { mergePages: true })
  return text
}

describe(`analytical reports on ${testEngine}`, () => {
  let t: TestApp
  let stopSettling: () => void = () => {}
  let tree: FixtureTree

  beforeAll(async () => {
    t = await createTestApp()
    tree = await createFixtureTree(t.deps.db)
    await t.createUser('coord-a', [{ role: 'municipal_coordinator', orgUnit: tree.munA }], 'Иванова Мария Петровна')
    const v = (orgUnit: number, period: string, element: string, value: number | boolean) => ({
      orgUnit,
      period,
      element: element.includes('.') ? element : `deficits.${element}`,
      option: null,
      value,
    })
    const res = await t.call('POST', '/api/data-values', {
      values: [
        // 2025-26: A1 3 of 10, A2 1 of 90 → munA 4 of 100 = 4 %; B1 5 of 20 → region 9 of 120 = 7,5 %.
        v(tree.schoolA1, P, 'core.teachers_total', 10),
        v(tree.schoolA1, P, 'diagnosed', 3),
        v(tree.schoolA1, P, 'iom_built', 2),
        v(tree.schoolA2, P, 'core.teachers_total', 90),
        v(tree.schoolA2, P, 'diagnosed', 1),
        v(tree.schoolB1, P, 'core.teachers_total', 20),
        v(tree.schoolB1, P, 'diagnosed', 5),
        v(tree.schoolB1, P, 'iom_built', 5),
        // 2024-25: A1 2 of 10, A2 8 of 90 → munA 10 %.
        v(tree.schoolA1, PREV, 'core.teachers_total', 10),
        v(tree.schoolA1, PREV, 'diagnosed', 2),
        v(tree.schoolA2, PREV, 'core.teachers_total', 90),
        v(tree.schoolA2, PREV, 'diagnosed', 8),
      ],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const m = await t.call('POST', '/api/measures', {
      orgUnit: tree.munA,
      period: P,
      title: NASTY[0],
      plugin: 'deficits',
      responsible: { name: NASTY[1] },
      startsOn: '2025-09-01',
      dueOn: '2025-12-31',
    })
    expect(m.status, JSON.stringify(m.body)).toBe(201)
    const c = await t.call<{ id: number }>('PUT', '/api/conclusions', {
      orgUnit: tree.munA,
      period: P,
      plugin: 'deficits',
      body: { blocks: [{ type: 'paragraph', runs: [{ text: NASTY[2] }, { text: ' важно', bold: true }] }] },
      version: 0,
    })
    expect(c.status, JSON.stringify(c.body)).toBe(200)
    expect((await t.call('POST', `/api/conclusions/${c.body.id}/publish`)).status).toBe(200)
    stopSettling = await startReportWorker(t.deps.jobs, t.deps)
  })
  /** A report row of munA's deficits as the admin orders it, without a job: the test runs the job itself. */
  const orderAsAdmin = async () => {
    const period = await t.deps.db.selectFrom('period').select('id').where('code', '=', P).executeTakeFirstOrThrow()
    const admin = await t.deps.db
      .selectFrom('app_user')
      .select('id')
      .where('login', '=', 'admin')
      .executeTakeFirstOrThrow()
    return t.deps.db
      .insertInto('report')
      .values({
        org_unit_id: tree.munA,
        period_id: period.id,
        format: 'docx',
        sections: JSON.stringify({ plugins: ['deficits'] }),
        requested_by: 'Администратор',
        requested_by_user_id: admin.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  }

  afterAll(async () => {
    stopSettling()
    await t.close()
  })

  async function order(body: object, who = t.as('admin')) {
    const res = await who.call<{ id: number; status: string }>('POST', '/api/reports', body)
    expect(res.status, JSON.stringify(res.body)).toBe(202)
    expect(res.body.status).toBe('queued')
    return res.body.id
  }

  async function finished(id: number, who = t.as('admin')): Promise<ReportView> {
    for (let i = 0; i < 200; i++) {
      const res = await who.call<ReportView>('GET', `/api/reports/${id}`)
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error(`report ${id} did not finish`)
  }

  async function download(id: number) {
    const res = await t.download(`/api/reports/${id}/file`)
    expect(res.status).toBe(200)
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) }
  }

  /** Every indicator of the analytics endpoint for the unit: value, target and status as the shell shows them. */
  async function expectedFigures(orgUnit: number) {
    const res = await t.call<{ rows: AnalyticsRow[] }>('GET', `/api/analytics?orgUnit=${orgUnit}&period=${P}`)
    type Def = { code: string; title: { ru: string }; kind: 'share'; decimals: number }
    const defs = await t.call<{ plugins: { indicators: Def[] }[] }>('GET', `/api/definitions?orgUnit=${orgUnit}`)
    expect(defs.status).toBe(200)
    const indicators = defs.body.plugins.flatMap((p) => p.indicators)
    return res.body.rows
      .filter((r) => r.option === null)
      .map((r) => {
        const def = indicators.find((d) => d.code === r.indicator)!
        return {
          title: def.title.ru,
          value: formatValue(r.value, def, 'ru'),
          target: formatValue(r.target, def, 'ru'),
          status: r.status ? STATUS_WORDS[r.status] : 'без цели',
        }
      })
  }

  it("writes the region's and a municipality's DOCX with every figure of the analytics endpoint, in real headings", async () => {
    const ids = [
      await order({ orgUnit: tree.region, period: P, format: 'docx' }),
      await order({ orgUnit: tree.munA, period: P, format: 'docx' }),
    ]
    for (const [i, orgUnit] of [tree.region, tree.munA].entries()) {
      const report = await finished(ids[i]!)
      expect(report.status, report.error ?? '').toBe('done')
      expect(report.progress.done).toBe(report.progress.total)
      const { res, bytes } = await download(ids[i]!)
      expect(report.size).toBe(bytes.length)
      expect(res.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent('Аналитическая справка')}`,
      )
      const docx = await docxOf(bytes)
      const figures = await expectedFigures(orgUnit)
      expect(figures.length).toBeGreaterThan(5)
      for (const f of figures) {
        const row = docx.rows.find((r) => r[0] === f.title)
        expect(row, f.title).toBeDefined()
        expect(row!.slice(1, 5), f.title).toEqual([f.value, expect.any(String), f.target, f.status])
      }
      expect(docx.headings).toEqual(
        expect.arrayContaining([
          { style: 'Heading1', text: 'Сводка по направлениям' },
          { style: 'Heading2', text: 'Показатели' },
        ]),
      )
      // Sections are built several at once but kept in order: the summary first, the appendix last.
      const chapters = docx.headings.filter((h) => h.style === 'Heading1').map((h) => h.text)
      expect(chapters[0]).toBe('Сводка по направлениям')
      expect(chapters.at(-1)).toBe('Приложение. Источники информации и полнота данных')
      expect(new Set(chapters).size).toBe(chapters.length)
      expect(docx.styles).toContain('w:styleId="Heading1"')
      expect(docx.xml).toContain('TOC \\h \\o') // the contents field
      expect(docx.xml).toContain('<w:tblHeader/>') // header rows repeat on every page
      expect(docx.xml).toMatch(/PAGE/) // page numbers
      expect(docx.media.length).toBeGreaterThanOrEqual(2) // trend and children against the target
      expect(new Set(docx.media)).toEqual(new Set([1280]))
    }
    // The hand-computed figure: munA 4 of 100 diagnosed = 4 %, 10 % the year before → −6 p.p.
    const mun = await docxOf((await download(ids[1]!)).bytes)
    const share = mun.rows.find((r) => r[0]?.startsWith('Доля педагогов, прошедших диагностику'))
    expect(share?.[1]).toBe('4 %')
    expect(share?.[2]).toBe('4 / 100')
    expect(share?.[5]).toBe('-6 п.п.')
  })

  it('writes the PDF with the same figures, Cyrillic text and user text literally', async () => {
    const id = await order({ orgUnit: tree.munA, period: P, format: 'pdf' }, t.as('coord-a'))
    const report = await finished(id, t.as('coord-a'))
    expect(report.status, report.error ?? '').toBe('done')
    expect(report.requestedBy).toBe('Иванова Мария Петровна')
    const { res, bytes } = await download(id)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const text = await pdfText(bytes)
    expect(text).toContain('Аналитическая справка')
    expect(text).toContain('Алексеевский район')
    // Narrow table cells wrap words across lines: compare without white space.
    const squeezed = text.replace(/\s+/g, '')
    const squeeze = (s: string) => s.replace(/\s+/g, '')
    for (const f of await expectedFigures(tree.munA)) {
      expect(squeezed).toContain(squeeze(`${f.title}${f.value}`))
      expect(squeezed).toContain(squeeze(f.status))
    }
    for (const s of NASTY) expect(squeezed).toContain(squeeze(s))
    // The embedded font is the Cyrillic DejaVu Sans, not a standard 14 font without Cyrillic.
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans/)
  })

  it('escapes user text in the DOCX: markup, templates and formulas stay literal text', async () => {
    const id = await order({
      orgUnit: tree.munA,
      period: P,
      format: 'docx',
      sections: { plugins: ['deficits'], appendix: false },
    })
    expect((await finished(id)).status).toBe('done')
    const docx = await docxOf((await download(id)).bytes)
    expect(docx.xml).toContain('&lt;w:p&gt;Мера&lt;/w:p&gt;')
    expect(docx.xml).not.toContain('<w:p>Мера')
    for (const s of NASTY) expect(docx.text).toContain(s)
    expect(docx.headings.map((h) => h.text)).not.toContain('Приложение. Источники информации и полнота данных')
  })

  it("carries the direction's decisions and the effectiveness of last period's measures, as the effectiveness endpoint judges them", async () => {
    const measure = await t.call<{ id: number }>('POST', '/api/measures', {
      orgUnit: tree.munA,
      period: PREV,
      title: 'Диагностика педагогов',
      plugin: 'deficits',
      indicators: ['deficits.diagnosed_share'],
      expected: { 'deficits.diagnosed_share': 20 },
      startsOn: '2024-10-01',
      dueOn: '2025-05-31',
    })
    expect(measure.status, JSON.stringify(measure.body)).toBe(201)
    const thisYear = (
      await t.call<{ items: { id: number }[] }>('GET', `/api/measures?orgUnit=${tree.munA}&period=${P}`)
    ).body
    const decision = await t.call('POST', '/api/decisions', {
      orgUnit: tree.munA,
      period: P,
      kind: 'order',
      number: '12-од',
      date: '2025-09-10',
      title: NASTY[2],
      issuer: 'Управление образования',
      measures: [thisYear.items[0]!.id],
    })
    expect(decision.status, JSON.stringify(decision.body)).toBe(201)
    const judged = (
      await t.call<{ measures: { id: number; verdict: string }[] }>(
        'GET',
        `/api/effectiveness?orgUnit=${tree.munA}&period=${PREV}`,
      )
    ).body
    expect(judged.measures.find((m) => m.id === measure.body.id)!.verdict).toBe('not_effective')

    const id = await order({ orgUnit: tree.munA, period: P, format: 'docx', sections: { plugins: ['deficits'] } })
    expect((await finished(id)).status).toBe('done')
    const docx = await docxOf((await download(id)).bytes)
    expect(docx.headings.map((h) => h.text)).toEqual(
      expect.arrayContaining(['Управленческие решения', 'Эффективность мер прошлого периода']),
    )
    expect(docx.rows).toContainEqual(['Приказ', '№ 12-од от 10.09.2025', NASTY[2], 'Управление образования'])
    // munA 10 % in 2024/25 → 4 % in 2025/26 against the expected 20 %: not effective.
    expect(docx.rows).toContainEqual([
      'Диагностика педагогов',
      'Доля педагогов, прошедших диагностику профессиональных дефицитов, от общего количества педагогов',
      '10 %',
      '4 %',
      '20 %',
      'неэффективно',
    ])
  })

  it("lists the unit's reports and keeps a foreign unit's out", async () => {
    const mine = await t
      .as('coord-a')
      .call<{ items: ReportView[] }>('GET', `/api/reports?orgUnit=${tree.munA}&period=${P}`)
    expect(mine.status).toBe(200)
    expect(mine.body.items.length).toBeGreaterThanOrEqual(2)
    expect(mine.body.items.every((r) => r.orgUnit === tree.munA && r.size! > 0)).toBe(true)
    expect((await t.as('coord-a').call('GET', `/api/reports?orgUnit=${tree.munB}`)).status).toBe(403)
    expect(
      (await t.as('coord-a').call('POST', '/api/reports', { orgUnit: tree.munB, period: P, format: 'pdf' })).status,
    ).toBe(403)
    const unknown = await t.call<{ error: { details: { path: string }[] } }>('POST', '/api/reports', {
      orgUnit: tree.munA,
      period: P,
      format: 'pdf',
      sections: { plugins: ['deficits', 'nonexistent'] },
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.details.map((d) => d.path)).toEqual(['sections.plugins.1'])
    const regional = (await t.call<{ items: ReportView[] }>('GET', `/api/reports?orgUnit=${tree.region}`)).body
      .items[0]!
    expect((await t.as('coord-a').call('GET', `/api/reports/${regional.id}`)).status).toBe(403)
  })

  it('records a failure with its reason, and a job delivered twice renders once', async () => {
    const id = await order({ orgUnit: tree.munA, period: P, format: 'pdf', sections: { plugins: ['deficits'] } })
    await finished(id)
    // The same job again (a duplicate delivery): the done report is left alone.
    const before = await t.deps.db
      .selectFrom('report')
      .select(['attempts', 'finished_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    await runReportJob(t.deps, id, 'again')
    const after = await t.deps.db
      .selectFrom('report')
      .select(['attempts', 'finished_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(after).toEqual(before)
    // A requester who lost the unit: the job fails and says why.
    const lost = await t.createUser('gone', [{ role: 'municipal_coordinator', orgUnit: tree.munB }])
    const row = await t.deps.db
      .insertInto('report')
      .values({
        org_unit_id: tree.munA,
        period_id: (await t.deps.db.selectFrom('period').select('id').where('code', '=', P).executeTakeFirstOrThrow())
          .id,
        format: 'pdf',
        requested_by: 'gone',
        requested_by_user_id: lost,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await runReportJob(t.deps, row.id, 'lost')
    const failed = await t.call<ReportView>('GET', `/api/reports/${row.id}`)
    expect(failed.body.status).toBe('failed')
    expect(failed.body.error).toMatch(/outside your org tree/)
    expect((await t.download(`/api/reports/${row.id}/file`)).status).toBe(409)
  })

  it('finishes a report whose server died mid-job on the next one, with exactly one file', async () => {
    const row = await orderAsAdmin()
    // Its own queue, so the test may declare a job dead after a second instead of 15 minutes.
    const options = { pollingIntervalSeconds: 0.5, expireInSeconds: 1, superviseIntervalSeconds: 1 }
    const log = pino({ level: 'silent' })
    const first = new JobQueue(t.handle, log, options)
    let reached!: () => void
    const dying = new Promise<void>((r) => (reached = r))
    await first.work<{ reportId: number }>('report-crash', (data, job) =>
      runReportJob(
        {
          ...t.deps,
          // The "server" dies in the middle of the report: its job never settles.
          onSection: async (_id, done) => {
            if (done === 1) {
              reached()
              await new Promise(() => {})
            }
          },
        },
        data.reportId,
        job.id,
      ),
    )
    await first.send('report-crash', { reportId: row.id })
    await dying
    void first.stop({ graceful: false })
    const running = await t.call<ReportView>('GET', `/api/reports/${row.id}`)
    expect(running.body.status).toBe('running')
    expect(running.body.progress.total).toBeGreaterThan(1)

    const second = new JobQueue(t.handle, log, options)
    await second.work<{ reportId: number }>('report-crash', (data, job) => runReportJob(t.deps, data.reportId, job.id))
    const report = await finished(row.id)
    await second.stop()
    expect(report.status, report.error ?? '').toBe('done')
    const stored = await t.deps.db
      .selectFrom('report')
      .select(['attempts', 'size'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow()
    expect(stored.attempts).toBe(2)
    const { bytes } = await download(row.id)
    expect(stored.size).toBe(bytes.length)
    expect(new TextDecoder().decode(bytes.slice(0, 2))).toBe('PK')
  })
  it('ends a report whose server died on its last attempt as failed with the reason, never running forever', async () => {
    // No retry left: the attempt that dies is the last one.
    const options = { pollingIntervalSeconds: 0.5, expireInSeconds: 1, superviseIntervalSeconds: 1, retryLimit: 0 }
    const log = pino({ level: 'silent' })
    const queue = new JobQueue(t.handle, log, options)
    await queue.prepare('report-last')
    const row = await orderAsAdmin()
    const jobId = await queue.send('report-last', { reportId: row.id })
    await t.deps.db.updateTable('report').set({ job_id: jobId }).where('id', '=', row.id).execute()
    let reached!: () => void
    const dying = new Promise<void>((r) => (reached = r))
    await queue.work<{ reportId: number }>('report-last', (data, job) =>
      runReportJob(
        {
          ...t.deps,
          onSection: async () => {
            reached()
            await new Promise(() => {})
          },
        },
        data.reportId,
        job.id,
      ),
    )
    await dying
    void queue.stop({ graceful: false })
    // pg-boss expires the attempt and, with no retry left, fails the job; our code never ran again.
    const supervisor = new JobQueue(t.handle, log, options)
    await supervisor.prepare('report-last')
    const state = async () =>
      (await sql<{ state: string }>`select state from pgboss.job where id = ${jobId}`.execute(t.deps.db)).rows[0]?.state
    for (let i = 0; i < 300 && (await state()) !== 'failed'; i++) await new Promise((r) => setTimeout(r, 100))
    expect(await state()).toBe('failed')
    expect((await t.call<ReportView>('GET', `/api/reports/${row.id}`)).body.status).toBe('running')

    expect(await settleAbandonedReports(t.deps.db)).toBeGreaterThanOrEqual(1)
    const report = (await t.call<ReportView>('GET', `/api/reports/${row.id}`)).body
    expect(report.status).toBe('failed')
    expect(report.error).toBe(ABANDONED_REASON)
    expect(report.finishedAt).not.toBeNull()
    // Settling again changes nothing; a report still in work is never touched.
    expect(await settleAbandonedReports(t.deps.db)).toBe(0)
    await supervisor.stop()
  })
})
