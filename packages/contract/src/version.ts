/**
 * Version of the indicator contract. Plugins declare the major they were written for
 * (`contract: 1`); the server refuses a manifest whose major differs.
 *
 * @example
 * const [major] = CONTRACT_VERSION.split('.').map(Number) // 1
 */
export const CONTRACT_VERSION = '1.0.0'

/**
 * Major part of {@link CONTRACT_VERSION}: what a manifest's `contract` field must equal.
 *
 * @example
 * const compatible = manifest.contract === CONTRACT_MAJOR
 */
export const CONTRACT_MAJOR = 1
