import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { join } from 'node:path'
import { writeWidePlugin } from '@profmon/generator'
import ExcelJS from 'exceljs'
import { from as copyFrom } from 'pg-copy-streams'
import { sql, type DatabaseHandle } from '@profmon/db'
import { boot, createApiToken, createApp, createLogger } from '@profmon/server'
import { REPO_ROOT } from '@profmon/server/config'
import { maintenance } from './write-bench.ts'
import { median } from './measure.ts'

/** A made-up direction of 100 columns: no installed one is that wide (deficits has 53), and the issue measures 1,000 schools × 100 columns. */
const COLUMNS = 100
const PLUGIN = 'bench-wide'

/** Hidden code row and first data row of the template (apps/server/src/collection/xlsx/layout.ts). */
const CODE_ROW = 3
const FIRST_DATA_ROW = 4

/**
 * import/<engine>: a filled XLSX template of every organisation × 100 value columns uploaded
 * through `POST /api/imports` (multipart parse, one workbook read, every cell checked, one
 * batch write with audit), against PostgreSQL's `COPY` of the same values (on PGlite its blob
 * COPY, without the aggregate triggers). Runs on the database the analytics bench generated, into a fresh period, so every
 * run inserts; the period is emptied between runs outside the timing.
 */
export async function benchImport(handle: DatabaseHandle, runs = 3): Promise<void> {
  const wide = await writeWidePlugin(await mkdtemp(join(tmpdir(), 'profmon-bench-plugin-')), {
    id: PLUGIN,
    columns: COLUMNS,
    title: 'Широкий шаблон (бенчмарк)',
  })
  const pluginDirs = [join(REPO_ROOT, 'plugins'), wide]
  const deps = await boot({ handle, pluginDirs, log: createLogger('warn') })
  const app = createApp(deps)
  const db = handle.db
  const admin = await db.selectFrom('app_user').select('id').where('login', '=', 'admin').executeTakeFirstOrThrow()
  const { token } = await createApiToken(db, admin.id, 'import bench')
  const auth = { authorization: `Bearer ${token}` }
  const period = await db
    .insertInto('period')
    .values({ code: '2099-00', title: 'bench', starts_on: '2099-09-01', ends_on: '2100-08-31' })
    .onConflict((oc) => oc.column('code').doUpdateSet({ title: 'bench' }))
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow()
  const region = await db
    .selectFrom('org_unit')
    .select('id')
    .where('level', '=', 1)
    .orderBy('id')
    .executeTakeFirstOrThrow()

  const res = await app.request(`/api/imports/template?orgUnit=${region.id}&period=${period.code}&plugin=${PLUGIN}`, {
    headers: auth,
  })
  if (res.status !== 200) throw new Error(`template: ${res.status} ${await res.text()}`)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(await res.arrayBuffer())
  const ws = wb.getWorksheet('Организации')!
  const plugin = PLUGIN
  const columns = COLUMNS
  const codes = ws.getRow(CODE_ROW)
  const csv: string[] = []
  let rows = 0
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
    const row = ws.getRow(r)
    const unitId = row.getCell(1).value as number
    if (!unitId) continue
    rows++
    for (let c = 0; c < columns; c++) {
      const [code, option] = String(codes.getCell(3 + c).value).split(':') as [string, string | undefined]
      const el = deps.catalog.elements.get(code)!
      const value = (r * 7 + c) % 50
      row.getCell(3 + c).value = value
      const optionId = option ? deps.catalog.optionId(el.definition.dimension!, option)! : 0
      csv.push(`${unitId},${period.id},${el.id},${optionId},${value},${region.id}\n`)
    }
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer())

  const empty = () => db.deleteFrom('data_value').where('period_id', '=', period.id).execute()
  const ours = async () => {
    const form = new FormData()
    form.set('file', new File([bytes], 'bench.xlsx'))
    form.set('period', period.code)
    form.set('plugin', plugin)
    const res = await app.request('/api/imports', { method: 'POST', headers: auth, body: form })
    const body = (await res.json()) as { ok: boolean; written: number; errors: unknown[] }
    if (!body.ok || body.written !== csv.length)
      throw new Error(`import: ${res.status} ${JSON.stringify(body).slice(0, 500)}`)
  }
  const baseline = async () => {
    const target = 'data_value (org_unit_id, period_id, element_id, option_id, value, region_id)'
    if (handle.engine === 'pglite') {
      await handle.pglite!.query(`COPY ${target} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob(csv) })
      return
    }
    const client = await handle.pool.connect()
    try {
      await pipeline(Readable.from(csv), client.query(copyFrom(`COPY ${target} FROM STDIN WITH (FORMAT csv)`)))
    } finally {
      client.release()
    }
  }
  const time = async (fn: () => Promise<void>) => {
    await empty()
    const started = performance.now()
    await fn()
    return performance.now() - started
  }
  // The baseline is the bare COPY: aggregate maintenance off while it loads and while its rows go.
  const bare = async () => {
    await maintenance(handle, false)
    try {
      return await time(baseline)
    } finally {
      await empty()
      await maintenance(handle, true)
    }
  }
  const a: number[] = []
  const b: number[] = []
  await time(ours) // warm-up: module loading and the first plans
  await bare()
  for (let i = 0; i < runs; i++) {
    a.push(await time(ours))
    b.push(await bare())
  }
  await time(ours)
  const stored = await sql<{ n: number }>`select count(*) as n from data_value where period_id = ${period.id}`.execute(
    db,
  )
  await empty()
  const o = median(a)
  const base = median(b)
  console.log(`import/${handle.engine}: ${o.toFixed(1)} ms vs ${base.toFixed(1)} ms, ratio ${(o / base).toFixed(2)}`)
  console.log(
    `  (${rows} organisations × ${columns} columns of "${plugin}" = ${csv.length} values, ${(bytes.length / 1e6).toFixed(1)} MB XLSX; ` +
      `${stored.rows[0]!.n} rows after an import; the COPY runs without aggregate maintenance)`,
  )
}
