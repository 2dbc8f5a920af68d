import { CONTRACT_VERSION } from '@profmon/contract'
import { codePrefix } from '@profmon/contract/plugin'

/** The manifest's `contract` field as scaffolded plugins write it: the contract versions they work with. */
export const CONTRACT_FIELD = `^${CONTRACT_VERSION}`

/** What a plugin is made from: the id given once, and everything derived from it. */
export interface PluginNames {
  id: string
  /** Russian title (the UI default); the id when not given. */
  title: string
  /** The code prefix without its dot: `teacher_awards` for `teacher-awards`. */
  prefix: string
  /** The npm package name. */
  packageName: string
  /** Inside the workspace (`plugins/<id>`): workspace dependencies and the shared tsconfig. */
  inWorkspace: boolean
}

/** Names derived from an id; `inWorkspace` picks the package name. */
export function namesOf(id: string, options: { title?: string; inWorkspace: boolean }): PluginNames {
  return {
    id,
    title: options.title?.trim() || id,
    prefix: codePrefix(id).slice(0, -1),
    packageName: options.inWorkspace ? `@profmon/plugin-${id}` : `profmon-plugin-${id}`,
    inWorkspace: options.inWorkspace,
  }
}

/** A TypeScript string literal in the house style (single quotes). */
function str(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`
}

function literal(value: number | string): string {
  return typeof value === 'string' ? str(value) : String(value)
}

/** The plugin's package.json; `dependencies` and `devDependencies` come with their ranges. */
export function packageJson(
  n: PluginNames,
  deps: { dependencies: Record<string, string>; devDependencies: Record<string, string> },
): string {
  const pkg = {
    name: n.packageName,
    version: '0.1.0',
    private: true,
    description: `profmon plugin "${n.id}": ${n.title}`,
    type: 'module',
    exports: { '.': './src/manifest.ts' },
    // The server discovers a plugin by this key: where its manifest is and where its built UI is.
    profmon: { manifest: './src/manifest.ts', ui: './dist' },
    scripts: { build: 'vite build', test: 'vitest run', typecheck: 'vue-tsc --noEmit -p .' },
    ...deps,
  }
  return `${JSON.stringify(pkg, null, 2)}\n`
}

/** tsconfig.json: the workspace's base, or the same options spelled out for a folder outside it. */
export function tsconfigJson(n: PluginNames): string {
  const base = n.inWorkspace
    ? `  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
`
    : `  "compilerOptions": {
    "target": "ES2023",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "verbatimModuleSyntax": true,
    "erasableSyntaxOnly": true,
    "allowImportingTsExtensions": true,
    "noEmit": true,
    "isolatedModules": true,
    "skipLibCheck": true,
`
  return `{
${base}    "lib": ["ES2023", "DOM", "DOM.Iterable"],
    "types": ["vite/client"],
    "jsx": "preserve"
  },
  "include": ["src/**/*.ts", "src/**/*.vue", "vite.config.ts"]
}
`
}

/** vite.config.ts: the shared remote preset owns the federation setup and the HTML entry. */
export function viteConfig(n: PluginNames): string {
  return `import { defineRemoteConfig } from '@profmon/vite-remote'
import { defineConfig } from 'vite'

export default defineConfig(defineRemoteConfig({ id: ${str(n.id)}, exposes: { './View': './src/ui/View.vue' } }))
`
}

/** src/manifest.ts: a data element over the core teachers' total, one share indicator with a target, one validation rule. */
export function manifestTs(n: PluginNames): string {
  const p = n.prefix
  return `import { definePlugin } from '@profmon/contract'

/**
 * ${n.title}.
 * Codes start with "${p}."; formulas refer to this plugin's data elements and to core ones
 * (\`core.teachers_total\`, …), which every direction shares.
 * docs/plugins.md describes every field of the contract.
 */
export default definePlugin({
  id: ${str(n.id)},
  version: '0.1.0',
  contract: ${literal(CONTRACT_FIELD)},
  title: { ru: ${str(n.title)} },
  dataElements: [
    // The number of teachers is not declared here: it is the core data element core.teachers_total,
    // stated once per school for every direction (or counted from the teacher registry).
    {
      code: '${p}.teachers_covered',
      title: { ru: 'Количество педагогов, охваченных направлением', en: 'Teachers covered by the direction' },
      // Demo data (DEMO=1): 10…50 % of the organisation's teachers, growing by about 10 % a year.
      demo: { of: 'core.teachers_total', share: [0.1, 0.5], trend: 0.1 },
      valueType: 'integer',
      min: 0,
    },
  ],
  indicators: [
    {
      code: '${p}.covered_share',
      title: { ru: 'Доля педагогов, охваченных направлением', en: 'Share of teachers covered by the direction' },
      kind: 'share',
      numerator: '#{${p}.teachers_covered}',
      denominator: '#{core.teachers_total}',
      // Met at 30 % and more, partly met from 25 %.
      targets: [{ value: 30, tolerance: 5 }],
    },
  ],
  validationRules: [
    {
      code: '${p}.covered_le_total',
      left: '#{${p}.teachers_covered}',
      operator: '<=',
      right: '#{core.teachers_total}',
      message: { ru: 'Охваченных педагогов не может быть больше, чем педагогов', en: 'More covered than teachers' },
    },
  ],
  ui: { exposes: ['./View'] },
})
`
}

/** src/manifest.test.ts: a hand-computed fixture over the testing kit's org tree. */
export function manifestTestTs(n: PluginNames): string {
  const p = n.prefix
  return `import { describe, expect, it } from 'vitest'
import { validateManifest, type RawValue } from '@profmon/contract'
import {
  enteredValues,
  evaluateAt,
  levelCoverage,
  statusFor,
  violationsAt,
  type EnteredEntries,
  type FixtureUnit,
} from '@profmon/contract/testing'
import manifest from './manifest.ts'

// The kit's fixture tree: region R; municipality M1 with schools S1 and S2, municipality M2 with school S3.
const entered = (unit: FixtureUnit, entries: EnteredEntries) => enteredValues('${p}', unit, entries)

// S3 reported nothing: no data, never zero.
const VALUES: RawValue[] = [
  ...entered('S1', { 'core.teachers_total': 10, teachers_covered: 3 }),
  ...entered('S2', { 'core.teachers_total': 90, teachers_covered: 1 }),
]

// Hand-computed values, the indicator at each of its levels. Shares roll up as Σnum / Σden.
const EXPECTED: [code: string, unit: FixtureUnit, value: number | null][] = [
  ['${p}.covered_share', 'S1', 30], // 3/10
  ['${p}.covered_share', 'S2', 100 / 90], // 1/90
  ['${p}.covered_share', 'S3', null], // nothing reported
  ['${p}.covered_share', 'M1', 4], // (3+1)/(10+90): 3 of 10 and 1 of 90 → 4 %, not the mean 15.6 %
  ['${p}.covered_share', 'M2', null], // its only school reported nothing
  ['${p}.covered_share', 'R', 4], // 4/100
]

describe('${n.id} manifest', () => {
  it('passes the contract', () => {
    expect(validateManifest(manifest).ok).toBe(true)
  })

  it('checks every indicator at each of its levels', () => {
    const { checked, shown } = levelCoverage(manifest, EXPECTED)
    expect(checked).toEqual(shown)
  })

  it.each(EXPECTED)('%s at %s is %s', (code, unit, expected) => {
    const { value } = evaluateAt(manifest, VALUES, code, unit)
    if (expected === null) expect(value).toBeNull()
    else expect(value).toEqual(expect.closeTo(expected, 3))
  })

  it('is met at 30 %, partly met within 5 points below', () => {
    expect(statusFor(manifest, '${p}.covered_share', 30, '2025-26')).toBe('met')
    expect(statusFor(manifest, '${p}.covered_share', 26, '2025-26')).toBe('partly_met')
    expect(statusFor(manifest, '${p}.covered_share', 4, '2025-26')).toBe('not_met')
  })

  it('refuses more covered teachers than teachers', () => {
    expect(violationsAt(manifest, VALUES, 'S1')).toEqual([])
    expect(violationsAt(manifest, entered('S1', { 'core.teachers_total': 2, teachers_covered: 3 }), 'S1')).toEqual([
      '${p}.covered_le_total',
    ])
  })
})
`
}

/** src/ui/View.vue: the direction's federated view, drawn with the shared components. */
export function viewVue(n: PluginNames): string {
  const p = n.prefix
  return `<script setup lang="ts">
import { SharesOverview } from '@profmon/ui'

/** The covered share over every reporting year, then the unit's children side by side. */
const COVERED = '${p}.covered_share'
const COLORS: Record<string, string> = { [COVERED]: '#2563eb' }
</script>

<template>
  <SharesOverview :shares="[COVERED]" :by-child="[COVERED]" :colors="COLORS" data-testid="${n.id}-view" />
</template>
`
}
