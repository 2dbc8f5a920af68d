/**
 * The plugin testing kit: a standard org-unit fixture and the reference computations a plugin's
 * tests check their hand-computed values with. Pure functions, no test runner inside.
 *
 * @example
 * import { enteredValues, evaluateAt } from '@profmon/contract/testing'
 * const values = [...enteredValues('retraining', 'S1', { retrained_total: 4, retrained_pedagogical: 3 })]
 * evaluateAt(manifest, values, 'retraining.pedagogical_share', 'M1').value // 75
 */
export * from './fixture-tree.ts'
export * from './entered-values.ts'
export * from './element-dimension.ts'
export * from './evaluate-at.ts'
export * from './violations-at.ts'
export * from './status-for.ts'
export * from './level-coverage.ts'
export * from './manifest-error-of.ts'
