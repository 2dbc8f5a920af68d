import { loadRemote, registerRemotes } from '@module-federation/runtime'
import type { EnabledPlugin } from '@profmon/ui'
import type { Component } from 'vue'

/**
 * Tells the federation runtime where each enabled plugin's remote lives. Called with what the
 * server says the region has enabled — the shell's build knows no plugin.
 */
const registered = new Map<string, string>()

export function registerPluginRemotes(plugins: EnabledPlugin[], options: { force?: boolean } = {}): void {
  const remotes = plugins
    .filter((p) => p.remoteEntry && p.remoteName)
    .filter((p) => options.force || registered.get(p.remoteName!) !== p.remoteEntry)
    .map((p) => ({ name: p.remoteName!, entry: p.remoteEntry!, type: 'module' as const }))
  if (!remotes.length) return
  // Forcing replaces a known remote (a new entry URL, or a retry after a failed load).
  registerRemotes(remotes, { force: options.force || remotes.some((r) => registered.has(r.name)) })
  for (const r of remotes) registered.set(r.name, r.entry)
}

/** Loads a plugin's exposed view (`./View` by default) as a Vue component. */
export async function loadPluginView(plugin: EnabledPlugin, expose = 'View'): Promise<Component> {
  if (!plugin.remoteName) throw new Error(`the plugin "${plugin.id}" has no user interface`)
  const mod = await loadRemote<{ default?: Component } | Component>(`${plugin.remoteName}/${expose}`)
  if (!mod) throw new Error(`the plugin "${plugin.id}" exposes no ${expose}`)
  return (mod as { default?: Component }).default ?? (mod as Component)
}
