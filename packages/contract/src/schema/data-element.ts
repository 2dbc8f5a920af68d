import { z } from 'zod'
import { codeSchema, localizedTextSchema, orgLevelSchema } from './common.ts'

/** How a raw value is stored and validated. */
export const valueTypeSchema = z.enum(['integer', 'number', 'boolean', 'text', 'document'])
export type ValueType = z.infer<typeof valueTypeSchema>

/**
 * How values of the org units in a subtree combine into the subtree's value.
 * `count_true` counts units whose value is true (non-zero); `any`/`all` are booleans.
 */
export const aggregationSchema = z.enum(['sum', 'count_true', 'any', 'all', 'min', 'max'])
export type Aggregation = z.infer<typeof aggregationSchema>

/**
 * Hints for generated demo and benchmark data (tooling/generator): what a plausible value of
 * this element looks like for one organisation. Not used by analytics.
 *
 * @example
 * // "diagnosed" is 20…60 % of the teachers, growing 15 % a year
 * { of: 'deficits.teachers_total', share: [0.2, 0.6], trend: 0.15 }
 */
export const demoHintSchema = z.object({
  /** The element this one is a part of (value ≈ share × that element, per option where both have it). */
  of: codeSchema.optional(),
  /** Fraction range of `of`. */
  share: z.tuple([z.number().min(0), z.number().min(0)]).optional(),
  /** Absolute range for one organisation (or one municipality/region for elements entered there). */
  range: z.tuple([z.number(), z.number()]).optional(),
  /** Probability that a boolean is true. */
  chance: z.number().min(0).max(1).optional(),
  /** Relative change per period, e.g. 0.1 = +10 % a year. */
  trend: z.number().optional(),
  /** Options of a breakdown are parts of the total (`partition`, the default) or each a subset (`subsets`). */
  split: z.enum(['partition', 'subsets']).optional(),
})
export type DemoHint = z.infer<typeof demoHintSchema>

/**
 * One raw number or fact collected for an org unit and period, optionally per option of
 * a dimension.
 *
 * @example
 * defineDataElement({
 *   code: 'deficits.teachers_total',
 *   title: { ru: 'Количество педагогов', en: 'Teachers' },
 *   valueType: 'integer', entryLevel: 'organization', aggregation: 'sum', min: 0,
 *   dimension: 'subject',
 * })
 */
export const dataElementSchema = z
  .object({
    code: codeSchema,
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    valueType: valueTypeSchema,
    entryLevel: orgLevelSchema.default('organization'),
    aggregation: aggregationSchema.default('sum'),
    min: z.number().optional(),
    max: z.number().optional(),
    required: z.boolean().default(false),
    /** Code of the dimension this element is broken down by, if any. */
    dimension: codeSchema.optional(),
    demo: demoHintSchema.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.min !== undefined && e.max !== undefined && e.min > e.max)
      ctx.addIssue({ code: 'custom', path: ['min'], message: `min ${e.min} is greater than max ${e.max}` })
    const booleanRules = ['count_true', 'any', 'all']
    if (e.valueType === 'boolean' && !booleanRules.includes(e.aggregation))
      ctx.addIssue({
        code: 'custom',
        path: ['aggregation'],
        message: `a boolean element aggregates with count_true, any or all, not ${e.aggregation}`,
      })
    if ((e.valueType === 'integer' || e.valueType === 'number') && ['any', 'all'].includes(e.aggregation))
      ctx.addIssue({
        code: 'custom',
        path: ['aggregation'],
        message: `a numeric element cannot aggregate with ${e.aggregation}`,
      })
  })
export type DataElement = z.infer<typeof dataElementSchema>
export type DataElementInput = z.input<typeof dataElementSchema>

/** Value types that hold a number (booleans are stored as 1/0 and count as numeric). */
export function isNumericValueType(t: ValueType): boolean {
  return t === 'integer' || t === 'number' || t === 'boolean'
}
