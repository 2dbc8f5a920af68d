import type { OrgLevel } from '../schema/common.ts'

/**
 * The standard fixture of plugin tests: region R; municipality M1 with schools S1 and S2,
 * municipality M2 with school S3. Each unit maps to its subtree (itself first), the org units
 * whose values its roll-up sums.
 *
 * @example
 * FIXTURE_TREE.M1 // ['M1', 'S1', 'S2']
 */
export const FIXTURE_TREE = {
  R: ['R', 'M1', 'S1', 'S2', 'M2', 'S3'],
  M1: ['M1', 'S1', 'S2'],
  M2: ['M2', 'S3'],
  S1: ['S1'],
  S2: ['S2'],
  S3: ['S3'],
} as const satisfies Record<string, readonly string[]>

/**
 * An org unit of {@link FIXTURE_TREE}.
 *
 * @example
 * const schools: FixtureUnit[] = ['S1', 'S2', 'S3']
 */
export type FixtureUnit = keyof typeof FIXTURE_TREE

/**
 * The units of {@link FIXTURE_TREE}, the region first.
 *
 * @example
 * FIXTURE_UNITS // ['R', 'M1', 'M2', 'S1', 'S2', 'S3']
 */
export const FIXTURE_UNITS = Object.keys(FIXTURE_TREE) as FixtureUnit[]

/**
 * The level of each unit of {@link FIXTURE_TREE}.
 *
 * @example
 * FIXTURE_LEVELS.S3 // 'organization'
 */
export const FIXTURE_LEVELS: Readonly<Record<FixtureUnit, OrgLevel>> = {
  R: 'region',
  M1: 'municipality',
  M2: 'municipality',
  S1: 'organization',
  S2: 'organization',
  S3: 'organization',
}
