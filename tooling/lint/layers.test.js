import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const eslint = new ESLint({ cwd: REPO_ROOT, overrideConfigFile: 'tooling/lint/eslint.config.js' })

/** Lints `code` as if it were the (not existing) file at `path`, returning the boundary errors. */
async function boundaryErrors(path, code) {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/${path}` })
  return result.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message)
}

describe('layers point one way', () => {
  it('forbids apps → tooling, by package name and by path', async () => {
    expect(
      await boundaryErrors(
        'apps/server/src/boundary-probe.ts',
        "export { generateRegion } from '@profmon/generator'\nexport * from '../../../tooling/start/src/demo/seed-demo.ts'\n",
      ),
    ).toEqual([
      'apps must not import tooling: pass what they need in from a composition root in tooling/',
      'apps must not import tooling: pass what they need in from a composition root in tooling/',
    ])
  })

  it('forbids core → plugins', async () => {
    const message = 'core (apps, packages) must not import a plugin: plugins are found at runtime'
    expect(
      await boundaryErrors('apps/server/src/boundary-probe.ts', "export { default } from '@profmon/plugin-deficits'\n"),
    ).toEqual([message])
    expect(
      await boundaryErrors(
        'packages/ui/src/boundary-probe.ts',
        "export * from '../../../plugins/staffing/src/manifest.ts'\n",
      ),
    ).toEqual([message])
  })

  it('forbids packages → apps and plugins → apps', async () => {
    expect(
      await boundaryErrors('packages/db/src/boundary-probe.ts', "export * from '../../../apps/server/src/config.ts'\n"),
    ).toEqual(['packages must not import apps: move what both need into a package'])
    expect(
      await boundaryErrors(
        'plugins/deficits/src/boundary-probe.ts',
        "export * from '../../../apps/server/src/config.ts'\n",
      ),
    ).toEqual(['plugins must not import apps: they speak only the contract and shared packages'])
  })

  it('allows the imports that point down', async () => {
    expect(
      await boundaryErrors(
        'plugins/deficits/src/boundary-probe.ts',
        "export { definePlugin } from '@profmon/contract'\n",
      ),
    ).toEqual([])
    expect(
      await boundaryErrors(
        'apps/server/src/boundary-probe.ts',
        "export { installPlugins } from '@profmon/plugin-host'\n",
      ),
    ).toEqual([])
    expect(
      await boundaryErrors('tooling/start/src/boundary-probe.ts', "export { startServer } from '@profmon/server'\n"),
    ).toEqual([])
  })
})
