import { existsSync, readFileSync } from 'node:fs'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PLUGIN_ID_PATTERN } from '@profmon/contract/plugin'
import { manifestTestTs, manifestTs, namesOf, packageJson, tsconfigJson, viewVue, viteConfig } from './templates.ts'

/** The repository this scaffolder belongs to. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url))
/** Where workspace plugins live: `plugins/<id>`. */
export const WORKSPACE_PLUGINS = join(REPO_ROOT, 'plugins')
/**
 * This package's own dependencies are what a plugin needs to build, test and load. A plugin
 * scaffolded outside the workspace gets a `node_modules` link to them.
 */
export const TOOLCHAIN = fileURLToPath(new URL('../node_modules', import.meta.url))

/** A request the scaffolder refuses: an invalid id or a folder that exists. One line, for the terminal. */
export class ScaffoldError extends Error {
  override name = 'ScaffoldError'
}

const RUNTIME = ['@profmon/contract', '@profmon/ui', 'vue']
const BUILD = ['@profmon/vite-remote', 'vite', 'vitest', 'vue-tsc']

/** The ranges a plugin depends on: this package's, with released ranges outside the workspace. */
function dependencyRanges(inWorkspace: boolean) {
  const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    dependencies: Record<string, string>
  }
  const range = (name: string) => {
    const declared = own.dependencies[name]
    if (!declared) throw new Error(`@profmon/create-plugin does not depend on ${name}`)
    if (inWorkspace || !declared.startsWith('workspace:')) return declared
    const pkg = JSON.parse(readFileSync(join(TOOLCHAIN, name, 'package.json'), 'utf8')) as { version: string }
    return `^${pkg.version}`
  }
  const pick = (names: string[]) => Object.fromEntries(names.map((n) => [n, range(n)]))
  return { dependencies: pick(RUNTIME), devDependencies: pick(BUILD) }
}

/** What {@link scaffoldPlugin} wrote. */
export interface ScaffoldResult {
  dir: string
  inWorkspace: boolean
  /** Paths relative to `dir`, in writing order. */
  files: string[]
}

/**
 * Writes a working plugin: package.json (with its `profmon` key), a manifest with one share
 * indicator, its hand-computed test, a federated view and the build config. The id is given
 * once; package name, code prefix, remote name and test ids derive from it.
 *
 * @example
 * await scaffoldPlugin({ id: 'teacher-awards', title: 'Конкурсы профессионального мастерства' })
 * // plugins/teacher-awards/… ; then `pnpm install` and `pnpm --filter @profmon/plugin-teacher-awards test`
 */
export async function scaffoldPlugin(options: { id: string; dir?: string; title?: string }): Promise<ScaffoldResult> {
  const { id } = options
  if (!PLUGIN_ID_PATTERN.test(id))
    throw new ScaffoldError(
      `"${id}" is not a plugin id: use lower-case latin letters, digits and "-", starting with a letter (e.g. teacher-awards)`,
    )
  const dir = resolve(options.dir ?? join(WORKSPACE_PLUGINS, id))
  if (existsSync(dir)) throw new ScaffoldError(`${dir} already exists: choose another id or --dir`)
  const inWorkspace = dirname(dir) === resolve(WORKSPACE_PLUGINS)
  const names = namesOf(id, { title: options.title, inWorkspace })

  const files: [string, string][] = [
    ['package.json', packageJson(names, dependencyRanges(inWorkspace))],
    ['tsconfig.json', tsconfigJson(names)],
    ['vite.config.ts', viteConfig(names)],
    ['src/manifest.ts', manifestTs(names)],
    ['src/manifest.test.ts', manifestTestTs(names)],
    ['src/ui/View.vue', viewVue(names)],
  ]
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), text)
  }
  // Outside the workspace pnpm does not link the packages: borrow this package's.
  if (!inWorkspace) await symlink(TOOLCHAIN, join(dir, 'node_modules'), 'dir')
  return { dir, inWorkspace, files: files.map(([path]) => path) }
}
