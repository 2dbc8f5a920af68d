import type { PluginManifest } from '../schema/manifest.ts'
import type { Status } from '../schema/rules.ts'
import { statusOf, targetFor } from '../status/status.ts'

/**
 * The status of a value of a manifest's indicator against its target in force for a period.
 * Throws on an unknown indicator code.
 *
 * @example
 * // seed 003: pensioners' share 38.8 %, target 30 %, lower is better
 * statusFor(manifest, 'staffing.pensioners_share', 38.8, '2024-25') // 'not_met'
 */
export function statusFor(manifest: PluginManifest, code: string, value: number | null, period: string): Status | null {
  const indicator = manifest.indicators.find((i) => i.code === code)
  if (!indicator) throw new Error(`no indicator "${code}" in plugin "${manifest.id}"`)
  const target = targetFor(indicator.targets, period)
  return statusOf({ value, target: target?.value, tolerance: target?.tolerance, polarity: indicator.polarity })
}
