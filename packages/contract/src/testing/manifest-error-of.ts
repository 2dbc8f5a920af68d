import { validateManifest, type ManifestError } from '../define-plugin.ts'

/**
 * The error {@link validateManifest} reports for a manifest that must fail; throws when it passes.
 *
 * @example
 * const broken = structuredClone(manifest)
 * broken.indicators[0]!.numerator = '#{deficits.diagnozed}'
 * manifestErrorOf(broken).message
 * // 'plugin "deficits": indicators[0] "deficits.diagnosed_share".numerator: unknown data element …'
 */
export function manifestErrorOf(input: unknown): ManifestError {
  const result = validateManifest(input)
  if (result.ok) throw new Error(`manifest "${result.manifest.id}" passed the contract`)
  return result.error
}
