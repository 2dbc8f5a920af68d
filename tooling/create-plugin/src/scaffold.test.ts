import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { definePlugin, validateManifest, type PluginManifest, type PluginManifestInput } from '@profmon/contract'
import { enteredValues, evaluateAt } from '@profmon/contract/testing'
import { REPO_ROOT, scaffoldPlugin, ScaffoldError, TOOLCHAIN } from './scaffold.ts'
import { CONTRACT_FIELD, namesOf, packageJson, tsconfigJson, viteConfig } from './templates.ts'

let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'create-plugin-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('scaffoldPlugin outside the workspace', () => {
  let dir: string
  let manifest: PluginManifest
  beforeAll(async () => {
    const result = await scaffoldPlugin({ id: 'teacher-awards', dir: join(root, 'teacher-awards'), title: 'Конкурсы' })
    dir = result.dir
    expect(result.inWorkspace).toBe(false)
    // The manifest imports @profmon/contract through the node_modules link the scaffolder made.
    manifest = ((await import(pathToFileURL(join(dir, 'src/manifest.ts')).href)) as { default: PluginManifest }).default
  })

  it('writes a plugin whose manifest passes the contract', () => {
    expect(validateManifest(manifest)).toMatchObject({ ok: true })
    expect(() => definePlugin(manifest as PluginManifestInput)).not.toThrow()
    expect(manifest).toMatchObject({
      id: 'teacher-awards',
      title: { ru: 'Конкурсы' },
      contract: CONTRACT_FIELD,
      ui: { exposes: ['./View'] },
    })
    expect(manifest.indicators.map((i) => [i.code, i.kind])).toEqual([['teacher_awards.covered_share', 'share']])
  })

  it('computes its share over the fixture tree: 3 of 10 and 1 of 90 → 4 %', () => {
    const values = [
      ...enteredValues('teacher_awards', 'S1', { 'core.teachers_total': 10, teachers_covered: 3 }),
      ...enteredValues('teacher_awards', 'S2', { 'core.teachers_total': 90, teachers_covered: 1 }),
    ]
    expect(evaluateAt(manifest, values, 'teacher_awards.covered_share', 'M1').value).toBe(4)
    expect(evaluateAt(manifest, values, 'teacher_awards.covered_share', 'M2').value).toBeNull()
  })

  it('derives every name from the id written once', async () => {
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'))
    expect(pkg).toMatchObject({
      name: 'profmon-plugin-teacher-awards',
      profmon: { manifest: './src/manifest.ts', ui: './dist' },
      scripts: { build: 'vite build', test: 'vitest run', typecheck: 'vue-tsc --noEmit -p .' },
    })
    // Released ranges, not workspace links, outside the workspace.
    expect(pkg.dependencies['@profmon/contract']).toBe('^1.0.0')
    expect(await readFile(join(dir, 'vite.config.ts'), 'utf8')).toContain(`id: 'teacher-awards'`)
    expect(await readFile(join(dir, 'src/ui/View.vue'), 'utf8')).toContain('data-testid="teacher-awards-view"')
    expect(JSON.parse(await readFile(join(dir, 'tsconfig.json'), 'utf8')).extends).toBeUndefined()
    expect(await realpath(join(dir, 'node_modules'))).toBe(await realpath(TOOLCHAIN))
  })
})

describe('scaffoldPlugin refuses', () => {
  it.each(['Teacher', 'teacher_awards', '1st', ''])('the id %j', async (id) => {
    await expect(scaffoldPlugin({ id, dir: join(root, 'x') })).rejects.toThrow(ScaffoldError)
    await expect(scaffoldPlugin({ id, dir: join(root, 'x') })).rejects.toThrow('is not a plugin id')
  })

  it('a folder that exists, with one line naming it', async () => {
    await scaffoldPlugin({ id: 'twice', dir: join(root, 'twice') })
    await expect(scaffoldPlugin({ id: 'twice', dir: join(root, 'twice') })).rejects.toThrow(
      `${join(root, 'twice')} already exists: choose another id or --dir`,
    )
  })

  it('an existing workspace plugin', async () => {
    await expect(scaffoldPlugin({ id: 'deficits' })).rejects.toThrow(/plugins\/deficits already exists/)
  })
})

describe('templates inside the workspace', () => {
  const names = namesOf('deficits', { inWorkspace: true })

  it('are the shape of the real plugins', async () => {
    const real = (path: string) => readFile(join(REPO_ROOT, 'plugins/deficits', path), 'utf8')
    expect(tsconfigJson(names)).toBe(await real('tsconfig.json'))
    expect(viteConfig(names)).toBe(await real('vite.config.ts'))
  })

  it('name the package @profmon/plugin-<id> with workspace dependencies', () => {
    const pkg = JSON.parse(
      packageJson(names, { dependencies: { '@profmon/contract': 'workspace:*' }, devDependencies: {} }),
    )
    expect(pkg).toMatchObject({
      name: '@profmon/plugin-deficits',
      dependencies: { '@profmon/contract': 'workspace:*' },
    })
  })
})
