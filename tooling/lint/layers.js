import boundaries from 'eslint-plugin-boundaries'

/**
 * Layers point one way: apps → packages, plugins → packages, tooling → anything. Imports are
 * resolved as TypeScript does (workspace packages by their `exports`), so `@profmon/generator` in
 * an app is caught as surely as `../../tooling/generator/src/index.ts`.
 */
const ELEMENTS = [
  // The e2e fixture plugins are plugins, though they live under apps/e2e.
  { type: 'plugin', pattern: 'apps/e2e/fixtures/plugins/*', capture: ['name'] },
  { type: 'app', pattern: 'apps/*', capture: ['name'] },
  { type: 'package', pattern: 'packages/*', capture: ['name'] },
  { type: 'plugin', pattern: 'plugins/*', capture: ['name'] },
  { type: 'tooling', pattern: 'tooling/*', capture: ['name'] },
]

const rule = (from, to, message) => ({
  from: { element: { types: { anyOf: from } } },
  disallow: { to: { element: { types: { anyOf: to } } } },
  message,
})

/** The boundary rules as one flat-config block (exported apart so that its test can use it alone). */
export const layers = {
  files: ['**/*.{ts,js,vue}'],
  // Build configuration (vite, vitest, playwright) may use the presets in tooling/.
  ignores: ['**/*.config.{ts,js}'],
  plugins: { boundaries },
  settings: {
    'boundaries/elements': ELEMENTS,
    'import/resolver': { typescript: { alwaysTryTypes: false } },
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'allow',
        policies: [
          rule(
            ['app'],
            ['tooling'],
            'apps must not import tooling: pass what they need in from a composition root in tooling/',
          ),
          rule(
            ['app', 'package'],
            ['plugin'],
            'core (apps, packages) must not import a plugin: plugins are found at runtime',
          ),
          rule(['package'], ['app'], 'packages must not import apps: move what both need into a package'),
          rule(['plugin'], ['app'], 'plugins must not import apps: they speak only the contract and shared packages'),
        ],
      },
    ],
  },
}
