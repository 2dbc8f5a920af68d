import { elementsOf } from '../schema/core-elements.ts'
import { elementDimensionOf } from './element-dimension.ts'
import type { FixtureUnit } from './fixture-tree.ts'
import { dimensionsOf } from '../define-plugin.ts'
import { lookupFromValues, type RawValue } from '../rollup/lookup.ts'
import type { PluginManifest } from '../schema/manifest.ts'
import { checkValidationRules } from '../validation/check-rules.ts'

/**
 * The validation rules of a manifest that one org unit's own values break (rules check what a
 * unit enters, not its subtree's sums), as `rule.code` or `rule.code[option]` for an option of
 * a per-option rule — in the order of the manifest's rules. Built on {@link checkValidationRules},
 * the check the entry form and the XLSX import run.
 *
 * @example
 * violationsAt(manifest, enteredValues('staffing', 'S1', { teachers_total: 10, under_35: 6, pensioners: 5 }), 'S1')
 * // ['staffing.age_groups_le_total']
 */
export function violationsAt(manifest: PluginManifest, values: readonly RawValue[], unit: FixtureUnit): string[] {
  const lookup = lookupFromValues(
    elementsOf(manifest),
    values.filter((v) => v.orgUnit === unit),
  )
  const dimensions = dimensionsOf(manifest)
  return checkValidationRules(manifest.validationRules, lookup, {
    elementDimension: elementDimensionOf(manifest),
    optionsOf: (dimension) => dimensions.get(dimension)?.options.map((o) => o.code) ?? [],
  }).map((v) => (v.option === null ? v.rule.code : `${v.rule.code}[${v.option}]`))
}
