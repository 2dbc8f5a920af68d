import satisfies from 'semver/functions/satisfies.js'
import validRange from 'semver/ranges/valid.js'

/**
 * Version of the indicator contract this platform implements. A plugin declares the contract
 * versions it works with as a semver range (`contract: '^1.0.0'`, as Grafana's
 * `grafanaDependency`); the server refuses a plugin whose range excludes this version and shows
 * it to the platform admin as incompatible.
 *
 * @example
 * contractSatisfies('^1.0.0') // true while CONTRACT_VERSION is 1.x
 */
export const CONTRACT_VERSION = '1.0.0'

/**
 * Major part of {@link CONTRACT_VERSION}.
 *
 * @example
 * contractRangeOf(CONTRACT_MAJOR) // '^1.0.0'
 */
export const CONTRACT_MAJOR = 1

/**
 * The range a plugin declares for {@link CONTRACT_VERSION}: a semver range (`'^1.0.0'`,
 * `'>=1.0.0 <2'`), or — as manifests before ranges did — a bare major number, read as `^<major>.0.0`.
 *
 * @example
 * const range: ContractRange = '^1.0.0'
 */
export type ContractRange = string | number

/**
 * The semver range a manifest's `contract` stands for, or `null` when it is not a valid range.
 *
 * @example
 * contractRangeOf(1) // '^1.0.0'
 * contractRangeOf('>=1.0.0 <2') // '>=1.0.0 <2.0.0-0'
 * contractRangeOf('one') // null
 */
export function contractRangeOf(contract: ContractRange): string | null {
  if (typeof contract === 'number') return Number.isInteger(contract) && contract > 0 ? `^${contract}.0.0` : null
  return validRange(contract)
}

/**
 * Whether a plugin's `contract` range includes a contract version ({@link CONTRACT_VERSION} by default).
 *
 * @example
 * contractSatisfies('^1.0.0') // true
 * contractSatisfies('^2.0.0') // false
 * contractSatisfies('^1.2.0', '1.3.0') // true
 */
export function contractSatisfies(contract: ContractRange, version: string = CONTRACT_VERSION): boolean {
  const range = contractRangeOf(contract)
  return range !== null && satisfies(version, range)
}
