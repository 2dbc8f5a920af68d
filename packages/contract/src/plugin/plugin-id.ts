/**
 * Naming rules of a plugin that its build, the server and the shell all apply. Kept free of
 * imports so that a Vite config or a browser chunk can use them without pulling in zod or the
 * formula parser.
 */

/**
 * A plugin id: kebab-case, also the URL segment (`/plugins/<id>/`, `/d/<id>`).
 *
 * @example
 * PLUGIN_ID_PATTERN.test('methodical-asset') // true
 */
export const PLUGIN_ID_PATTERN = /^[a-z][a-z0-9-]*$/

/**
 * The code prefix of everything a plugin defines: its id with `-` as `_`.
 *
 * @example
 * codePrefix('digital-environment') // 'digital_environment.'
 */
export function codePrefix(pluginId: string): string {
  return `${pluginId.replaceAll('-', '_')}.`
}

/**
 * The Module Federation container name of a plugin's UI, shared by its build preset and the
 * shell that loads it.
 *
 * @example
 * remoteNameOf('digital-environment') // 'profmon_digital_environment'
 */
export function remoteNameOf(pluginId: string): string {
  return `profmon_${pluginId.replaceAll('-', '_')}`
}
