import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '@profmon/db'
import { createTestDatabase, testEngine } from '@profmon/db/testing'
import {
  discoverPlugins,
  installPlugins,
  manifestsOf,
  pluginRoots,
  WORKSPACE_PLUGINS,
  type HostLogger,
} from './index.ts'

const minimal = (id: string, contract: unknown) => {
  const p = id.replaceAll('-', '_')
  return {
    id,
    version: '1.0.0',
    contract,
    title: { ru: 'Тест' },
    dataElements: [{ code: `${p}.n`, title: { ru: 'Число' }, valueType: 'integer' }],
    indicators: [{ code: `${p}.count`, title: { ru: 'Количество' }, kind: 'count', formula: `#{${p}.n}` }],
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
}

function recordingLogger() {
  const lines: { level: string; details: Record<string, unknown>; message: string }[] = []
  const at =
    (level: string) =>
    (details: object, message: string): void => {
      lines.push({ level, details: details as Record<string, unknown>, message })
    }
  const log: HostLogger = { info: at('info'), warn: at('warn'), error: at('error') }
  return { log, lines }
}

describe('plugin roots', () => {
  it('are the workspace plugins, then each PLUGINS_DIR entry', () => {
    expect(pluginRoots({})).toEqual([WORKSPACE_PLUGINS])
    expect(pluginRoots({ PLUGINS_DIR: 'a:b' })).toEqual([WORKSPACE_PLUGINS, resolve('a'), resolve('b')])
  })

  it('hold the eight directions, in navigation order', async () => {
    const { log } = recordingLogger()
    expect(manifestsOf(await discoverPlugins([WORKSPACE_PLUGINS], log)).map((m) => m.id)).toEqual([
      'deficits',
      'retraining',
      'digital-environment',
      'expertise',
      'methodical-asset',
      'mentoring',
      'networking',
      'staffing',
    ])
  })
})

describe(`contract ranges on ${testEngine}`, () => {
  let handle: DatabaseHandle
  const { log, lines } = recordingLogger()
  let active: string[]

  beforeAll(async () => {
    handle = await createTestDatabase()
    const root = await mkdtemp(join(tmpdir(), 'profmon-ranges-'))
    await plugin(root, 'next-major', minimal('next-major', '^2.0.0'))
    await plugin(root, 'bounded', minimal('bounded', '>=1.0.0 <2'))
    await plugin(root, 'caret', minimal('caret', '^1.0.0'))
    active = (await installPlugins(handle.db, [root], log)).active.map((m) => m.id)
  })
  afterAll(() => handle.close())

  it("accepts '^1.0.0' and '>=1.0.0 <2'", () => {
    expect(active.sort()).toEqual(['bounded', 'caret'])
  })

  it("refuses '^2.0.0' with one line naming the plugin, its range and the contract version", () => {
    const refused = lines.filter((l) => l.level === 'error')
    expect(refused).toHaveLength(1)
    expect(refused[0]!.details.plugin).toBe('next-major')
    expect(refused[0]!.message).toBe(
      'plugin refused: plugin "next-major": contract: written for contract ^2.0.0, which excludes the contract 1.0.0 this platform implements',
    )
  })

  it('records the refused plugin as incompatible for the platform admin', async () => {
    const rows = await handle.db.selectFrom('plugin').select(['id', 'status']).orderBy('id').execute()
    expect(rows).toEqual([
      { id: 'bounded', status: 'active' },
      { id: 'caret', status: 'active' },
      { id: 'next-major', status: 'incompatible' },
    ])
  })
})

describe('a malformed contract range', () => {
  it('is invalid, not incompatible', async () => {
    const root = await mkdtemp(join(tmpdir(), 'profmon-ranges-'))
    await plugin(root, 'no-range', minimal('no-range', 'one'))
    const { log, lines } = recordingLogger()
    const [found] = await discoverPlugins([root], log)
    expect(found).toMatchObject({ ok: false, id: 'no-range', incompatible: false })
    expect(lines.find((l) => l.level === 'error')?.message).toBe(
      'plugin refused: plugin "no-range": contract: must be a semver range such as "^1.0.0"',
    )
  })
})
