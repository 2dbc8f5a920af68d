import { elementsOf } from '../schema/core-elements.ts'
import { elementDimensionOf } from './element-dimension.ts'
import { FIXTURE_TREE, type FixtureUnit } from './fixture-tree.ts'
import { scopeOf } from '../define-plugin.ts'
import type { EvaluateContext } from '../formula/evaluate.ts'
import { compileIndicator, evaluateIndicator, type IndicatorResult } from '../rollup/evaluate-indicator.ts'
import { lookupFromValues, type RawValue } from '../rollup/lookup.ts'
import type { PluginManifest } from '../schema/manifest.ts'

/**
 * An indicator of a manifest over one unit's subtree of {@link FIXTURE_TREE}: the subtree's raw
 * values are aggregated first (Σnumerators / Σdenominators), as the server does. With `option`,
 * the indicator's breakdown row for that option. Throws on an unknown indicator code, or an
 * option of an indicator without a breakdown.
 *
 * @example
 * // S1 3 of 4 and S2 0 of 1 retrained in pedagogical programmes
 * const values = [
 *   ...enteredValues('retraining', 'S1', { retrained_total: 4, retrained_pedagogical: 3 }),
 *   ...enteredValues('retraining', 'S2', { retrained_total: 1, retrained_pedagogical: 0 }),
 * ]
 * evaluateAt(manifest, values, 'retraining.pedagogical_share', 'M1')
 * // { numerator: 3, denominator: 5, value: 60, score: 1 }
 * // the breakdown row of an indicator with a dimension: evaluateAt(…, 'R', 'math')
 */
export function evaluateAt(
  manifest: PluginManifest,
  values: readonly RawValue[],
  code: string,
  unit: FixtureUnit,
  option?: string,
): IndicatorResult {
  const indicator = manifest.indicators.find((i) => i.code === code)
  if (!indicator) throw new Error(`no indicator "${code}" in plugin "${manifest.id}"`)
  const units: readonly string[] = FIXTURE_TREE[unit]
  const lookup = lookupFromValues(
    elementsOf(manifest),
    values.filter((v) => units.includes(v.orgUnit)),
  )
  let ctx: EvaluateContext = {}
  if (option !== undefined) {
    // Without a dimension there are no breakdown rows: a silent total would pass for the row.
    if (!indicator.dimension) throw new Error(`indicator "${code}" has no breakdown`)
    ctx = { breakdown: { dimension: indicator.dimension, option }, elementDimension: elementDimensionOf(manifest) }
  }
  return evaluateIndicator(compileIndicator(indicator, scopeOf(manifest)), lookup, ctx)
}
