import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTRACT_MAJOR } from '@profmon/contract'
import type { DatabaseHandle } from '@profmon/db'
import { createTestDatabase, testEngine } from '@profmon/db/testing'
import { boot } from '../boot.ts'
import type { AppDeps } from '../context.ts'
import { pluginFolder } from '../testing/test-app.ts'

const minimal = (id: string, extra: Record<string, unknown> = {}) => {
  const p = id.replaceAll('-', '_')
  return {
    id,
    version: '1.0.0',
    contract: CONTRACT_MAJOR,
    title: { ru: 'Тест' },
    dataElements: [{ code: `${p}.n`, title: { ru: 'Число' }, valueType: 'integer' }],
    indicators: [{ code: `${p}.count`, title: { ru: 'Количество' }, kind: 'count', formula: `#{${p}.n}` }],
    ...extra,
  }
}

async function plugin(root: string, id: string, manifest: unknown) {
  const dir = join(root, id)
  await mkdir(dir)
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: `@third-party/${id}`, version: '1.0.0', profmon: { manifest: './manifest.js' } }),
  )
  await writeFile(join(dir, 'manifest.js'), `export default ${JSON.stringify(manifest)}\n`)
  return dir
}

describe(`plugin loading on ${testEngine}`, () => {
  let handle: DatabaseHandle
  let deps: AppDeps
  const lines: { plugin?: string; msg: string }[] = []

  beforeAll(async () => {
    handle = await createTestDatabase()
    const thirdParty = await mkdtemp(join(tmpdir(), 'profmon-third-party-'))
    await plugin(thirdParty, 'good-one', minimal('good-one'))
    const bad = minimal('bad-formula')
    ;(bad.indicators[0] as { formula: string }).formula = '#{bad_formula.n} + #{bad_formula.typo}'
    await plugin(thirdParty, 'bad-formula', bad)
    await plugin(thirdParty, 'old-contract', minimal('old-contract', { contract: CONTRACT_MAJOR + 1 }))
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(JSON.parse(String(chunk)))
          done()
        },
      }),
    )
    deps = await boot({ handle, pluginDirs: [await pluginFolder(['deficits']), thirdParty], log })
  })
  afterAll(() => handle.close())

  it('loads the valid plugins, workspace and third-party', () => {
    expect([...deps.catalog.plugins.keys()].sort()).toEqual(['deficits', 'good-one'])
    expect(deps.catalog.indicators.has('good_one.count')).toBe(true)
  })

  it('refuses a bad manifest with a log line naming the plugin, indicator and field', () => {
    expect(lines.find((l) => l.plugin === 'bad-formula')?.msg).toBe(
      'plugin refused: plugin "bad-formula": indicators[0] "bad_formula.count".formula: unknown data element "bad_formula.typo" (at position 20)',
    )
  })

  it('records refused plugins, incompatible ones apart, for the platform admin', async () => {
    const rows = await handle.db.selectFrom('plugin').select(['id', 'status']).orderBy('id').execute()
    expect(rows).toEqual([
      { id: 'bad-formula', status: 'invalid' },
      { id: 'deficits', status: 'active' },
      { id: 'good-one', status: 'active' },
      { id: 'old-contract', status: 'incompatible' },
    ])
  })

  it('syncs definitions into the database and is idempotent on the next start', async () => {
    const before = await handle.db.selectFrom('data_element').select(['id', 'code']).orderBy('id').execute()
    await boot({ handle, pluginDirs: [await pluginFolder(['deficits'])], log: pino({ level: 'silent' }) })
    const after = await handle.db.selectFrom('data_element').select(['id', 'code']).orderBy('id').execute()
    expect(after).toEqual(before)
    expect(before.map((e) => e.code)).toContain('deficits.diagnosed')
    // good-one is gone from disk now: marked, its definitions and data kept.
    const gone = await handle.db
      .selectFrom('plugin')
      .select('status')
      .where('id', '=', 'good-one')
      .executeTakeFirstOrThrow()
    expect(gone.status).toBe('invalid')
  })
})
