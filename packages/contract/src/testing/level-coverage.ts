import { FIXTURE_LEVELS, type FixtureUnit } from './fixture-tree.ts'
import type { PluginManifest } from '../schema/manifest.ts'

/**
 * Which `indicator@level` pairs a table of expected values checks, and which the manifest shows
 * (each indicator at each of its levels), both sorted: a complete fixture has them equal.
 *
 * @example
 * const { checked, shown } = levelCoverage(manifest, [['retraining.analysis_presence', 'R', 1]])
 * // checked: ['retraining.analysis_presence@region'], shown: [… every indicator@level …]
 */
export function levelCoverage(
  manifest: PluginManifest,
  cases: readonly (readonly [code: string, unit: FixtureUnit, ...rest: unknown[]])[],
): { checked: string[]; shown: string[] } {
  const checked = new Set(cases.map(([code, unit]) => `${code}@${FIXTURE_LEVELS[unit]}`))
  const shown = manifest.indicators.flatMap((i) => i.levels.map((level) => `${i.code}@${level}`))
  return { checked: [...checked].sort(), shown: shown.sort() }
}
