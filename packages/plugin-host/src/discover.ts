import { existsSync } from 'node:fs'
import { readdir, readFile, realpath } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { validateManifest, ManifestError, type PluginManifest } from '@profmon/contract'
import type { HostLogger } from './logger.ts'

/** A plugin found on disk: its validated manifest, or why it was refused. */
export type DiscoveredPlugin =
  | { ok: true; dir: string; manifest: PluginManifest; uiDir: string | undefined }
  | { ok: false; dir: string; id: string; version: string; error: ManifestError; incompatible: boolean }

interface PackageJson {
  name?: string
  version?: string
  profmon?: { manifest?: string; ui?: string }
}

/**
 * Finds plugins in the given folders: every sub-folder whose package.json has a
 * `profmon.manifest` entry. Each manifest is imported and validated on its own, so a broken
 * plugin is refused with a log line naming it and the field, and the others still load. A plugin
 * whose `contract` range excludes this platform's contract version is refused as `incompatible`
 * (the line names plugin, range and version).
 *
 * @example
 * const found = await discoverPlugins(pluginRoots(), log)
 * found.filter((p) => !p.ok) // [{ ok: false, id: 'old', incompatible: true, error: … }]
 */
export async function discoverPlugins(roots: string[], log: HostLogger): Promise<DiscoveredPlugin[]> {
  const found: DiscoveredPlugin[] = []
  for (const root of roots) {
    if (!existsSync(root)) {
      log.warn({ root }, 'plugin folder does not exist')
      continue
    }
    const entries = await readdir(root, { withFileTypes: true })
    for (const entry of entries
      .filter((e) => e.isDirectory() || e.isSymbolicLink())
      .sort((a, b) => a.name.localeCompare(b.name))) {
      // Symlinked plugins (pnpm, test folders) load from their real place, where their tsconfig is.
      const dir = await realpath(join(root, entry.name))
      const plugin = await loadPlugin(dir, log)
      if (plugin) found.push(plugin)
    }
  }
  return found
}

async function loadPlugin(dir: string, log: HostLogger): Promise<DiscoveredPlugin | undefined> {
  const pkgPath = join(dir, 'package.json')
  if (!existsSync(pkgPath)) return undefined
  const pkg = JSON.parse(await readFile(pkgPath, 'utf8')) as PackageJson
  if (!pkg.profmon?.manifest) return undefined
  const fallbackId = pkg.name?.replace(/^@[^/]+\/(plugin-)?/, '') ?? dir
  let input: unknown
  try {
    const mod = (await import(pathToFileURL(resolve(dir, pkg.profmon.manifest)).href)) as { default?: unknown }
    input = mod.default
  } catch (e) {
    // definePlugin() throws at import time: keep its message, which names plugin and field.
    const error =
      e instanceof ManifestError ? e : new ManifestError(fallbackId, [{ path: '(module)', message: String(e) }])
    log.error({ plugin: error.plugin, dir, issues: error.issues }, `plugin refused: ${error.message}`)
    return refused(dir, error, pkg)
  }
  const result = validateManifest(input)
  if (!result.ok) {
    log.error(
      { plugin: result.error.plugin, dir, issues: result.error.issues },
      `plugin refused: ${result.error.message}`,
    )
    return refused(dir, result.error, pkg)
  }
  const uiDir = resolve(dir, pkg.profmon.ui ?? 'dist')
  if (result.manifest.ui && !existsSync(join(uiDir, 'remoteEntry.js')))
    log.warn(
      { plugin: result.manifest.id, uiDir },
      'plugin UI is not built (run pnpm build): its view will show an error',
    )
  return { ok: true, dir, manifest: result.manifest, uiDir: result.manifest.ui ? uiDir : undefined }
}

function refused(dir: string, error: ManifestError, pkg: PackageJson): DiscoveredPlugin {
  return {
    ok: false,
    dir,
    id: error.plugin,
    version: pkg.version ?? '0.0.0',
    error,
    // A range that excludes this contract, not a malformed one: the platform admin sees it apart.
    incompatible: error.issues.some((i) => i.code === 'contract_range'),
  }
}
