/**
 * Version of the indicator contract. Plugins declare the major they were written for
 * (`contract: 1`); the server refuses a manifest whose major differs.
 *
 * @example
 * if (manifest.contract !== CONTRACT_MAJOR) refuse(manifest)
 */
export const CONTRACT_VERSION = '1.0.0'

/** Major part of {@link CONTRACT_VERSION}. */
export const CONTRACT_MAJOR = 1
