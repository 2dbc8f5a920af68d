import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The workspace's own plugins: `plugins/` at the repository root. */
export const WORKSPACE_PLUGINS = fileURLToPath(new URL('../../../plugins', import.meta.url))

/**
 * Folders whose sub-folders are plugins: the workspace's `plugins/` and each entry of
 * `PLUGINS_DIR` (`:`-separated, built third-party plugins). The server, the demo generator and the
 * docs script all look here, so they see the same plugins.
 *
 * @example
 * pluginRoots({ PLUGINS_DIR: '/opt/profmon-plugins' }) // ['<repo>/plugins', '/opt/profmon-plugins']
 */
export function pluginRoots(env: NodeJS.ProcessEnv = process.env): string[] {
  return [WORKSPACE_PLUGINS, ...(env.PLUGINS_DIR ? env.PLUGINS_DIR.split(':').map((d) => resolve(d)) : [])]
}
