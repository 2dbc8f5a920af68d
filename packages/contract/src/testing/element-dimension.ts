import { CORE_DATA_ELEMENTS } from '../schema/core-elements.ts'
import type { PluginManifest } from '../schema/manifest.ts'

/**
 * The dimension of each data element of a manifest, as the evaluation context wants it.
 *
 * @example
 * elementDimensionOf(manifest)('staffing.vacancies') // 'subject'
 */
export function elementDimensionOf(manifest: Pick<PluginManifest, 'dataElements'>) {
  const dims = new Map([...CORE_DATA_ELEMENTS, ...manifest.dataElements].map((e) => [e.code, e.dimension]))
  return (code: string): string | undefined => dims.get(code) ?? undefined
}
