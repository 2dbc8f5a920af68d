import { resolve } from 'node:path'
import { federation } from '@module-federation/vite'
import { remoteNameOf } from '@profmon/contract/plugin'
import vue from '@vitejs/plugin-vue'
import type { Plugin, PluginOption, UserConfig } from 'vite'

/**
 * Singletons shared by the shell (host) and every plugin UI (remote): one copy of each in the
 * page, provided by the shell. The host loads every share it uses at start-up, so only what the
 * first paint needs anyway is shared: a component kit or `@profmon/contract` (pure functions and
 * schemas) would be downloaded by every user before any plugin asks for it. Plugins draw with
 * `@profmon/ui` (tables, badges, charts — ECharts loads lazily, once) and bundle the few contract
 * functions they call.
 */
export const sharedModules = {
  vue: { singleton: true, requiredVersion: '^3.5.0' },
  pinia: { singleton: true, requiredVersion: '^4.0.0' },
  'vue-router': { singleton: true, requiredVersion: '^5.0.0' },
  'vue-i18n': { singleton: true, requiredVersion: '^11.0.0' },
  '@profmon/ui': { singleton: true, requiredVersion: '^1.0.0' },
}

/** The Module Federation container name of a plugin: the contract's rule, applied by the build. */
export const remoteName = remoteNameOf

/**
 * The page a remote build starts from. Vite builds from an HTML entry, but a plugin view is only
 * ever mounted by the shell through `remoteEntry.js`, so the page is the same for every plugin
 * and lives here rather than as a copy in each plugin folder. Opened on its own (`vite`, or the
 * built `dist/index.html`), it says where the view is shown.
 */
export function standalonePage(pluginId: string): string {
  return `<!doctype html>
<html lang="ru">
  <head>
    <meta charset="UTF-8" />
    <title>${pluginId} — federated view</title>
  </head>
  <body>
    <p>The view of plugin "${pluginId}" is mounted by the profmon shell at /d/${pluginId}.</p>
  </body>
</html>
`
}

/** Serves {@link standalonePage} as the root's `index.html`, which a plugin folder does not have. */
function standalonePagePlugin(pluginId: string): Plugin {
  let page = ''
  return {
    name: 'profmon:standalone-page',
    enforce: 'pre',
    configResolved(config) {
      page = resolve(config.root, 'index.html')
    },
    resolveId(id) {
      return id === page || id === 'index.html' || id === '/index.html' ? page : undefined
    },
    load(id) {
      return id === page ? standalonePage(pluginId) : undefined
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url !== server.config.base && req.url !== `${server.config.base}index.html`) return next()
        res.setHeader('Content-Type', 'text/html; charset=utf-8')
        res.end(standalonePage(pluginId))
      })
    },
  }
}

/**
 * Vite config of a plugin's federated UI: built to `dist/` with `remoteEntry.js`, served by the
 * server under `/plugins/<id>/`, sharing the shell's singletons and its federation runtime.
 *
 * @example
 * // plugins/deficits/vite.config.ts
 * export default defineRemoteConfig({ id: 'deficits', exposes: { './View': './src/ui/View.vue' } })
 */
export function defineRemoteConfig(options: { id: string; exposes: Record<string, string> }): UserConfig {
  return {
    base: `/plugins/${options.id}/`,
    plugins: [
      standalonePagePlugin(options.id),
      vue(),
      federation({
        name: remoteName(options.id),
        filename: 'remoteEntry.js',
        exposes: options.exposes,
        // Host-only: a plugin view runs only inside the shell, which provides every singleton,
        // so the remote ships no fallback copies of them.
        shared: Object.fromEntries(
          Object.entries(sharedModules).map(([name, s]) => [
            name,
            { ...s, import: false as const, suppressMissingImportWarning: true },
          ]),
        ),
        dts: false,
        // The shell publishes one federation runtime; remotes do not ship their own copy.
        experiments: { externalRuntime: true },
      }) as PluginOption,
    ],
    build: { target: 'esnext', outDir: 'dist', emptyOutDir: true, reportCompressedSize: false },
  }
}

/** Vite config of the shell: the federation host, with no remote known at build time. */
export function defineHostConfig(): UserConfig {
  return {
    plugins: [
      vue(),
      federation({
        name: 'profmon_shell',
        remotes: {},
        shared: sharedModules,
        dts: false,
        experiments: { provideExternalRuntime: true },
      }) as PluginOption,
    ],
    build: { target: 'esnext', outDir: 'dist', emptyOutDir: true, reportCompressedSize: false },
    server: { proxy: { '/api': 'http://127.0.0.1:3000', '/plugins': 'http://127.0.0.1:3000' } },
  }
}
