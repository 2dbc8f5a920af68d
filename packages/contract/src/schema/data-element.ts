import { z } from 'zod'
import { codeSchema, localizedTextSchema, orgLevelSchema } from './common.ts'
import { derivedSchema } from './derived.ts'

/**
 * How a raw value is stored and validated: a count, a number, yes/no, a text or a document.
 *
 * @example
 * valueTypeSchema.parse('boolean') // 'boolean'
 */
export const valueTypeSchema = z.enum(['integer', 'number', 'boolean', 'text', 'document'])
/**
 * The value type of a data element.
 *
 * @example
 * const valueType: ValueType = 'integer'
 */
export type ValueType = z.infer<typeof valueTypeSchema>

/**
 * How values of the org units in a subtree combine into the subtree's value.
 * `count_true` counts units whose value is true (non-zero); `any`/`all` are booleans.
 *
 * @example
 * aggregationSchema.parse('count_true') // organisations that answered "yes"
 */
export const aggregationSchema = z.enum(['sum', 'count_true', 'any', 'all', 'min', 'max'])
/**
 * The aggregation rule of a data element (`sum` by default).
 *
 * @example
 * const distinctProviders: Aggregation = 'max' // one provider may serve several municipalities
 */
export type Aggregation = z.infer<typeof aggregationSchema>

/**
 * Hints for generated demo and benchmark data (tooling/generator): what a plausible value of
 * this element looks like for one organisation. Not used by analytics.
 *
 * @example
 * // "diagnosed" is 20…60 % of the teachers, growing 15 % a year
 * demoHintSchema.parse({ of: 'deficits.teachers_total', share: [0.2, 0.6], trend: 0.15 })
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
/**
 * Demo-data hints of a data element.
 *
 * @example
 * const teachersTotal: DemoHint = { range: [15, 90], trend: 0.01 } // 15…90 teachers per school
 */
export type DemoHint = z.infer<typeof demoHintSchema>

/**
 * One raw number or fact collected for an org unit and period, optionally per option of
 * a dimension.
 *
 * @example
 * const teachersTotal = dataElementSchema.parse({
 *   code: 'deficits.teachers_total',
 *   title: { ru: 'Количество педагогов', en: 'Teachers' },
 *   valueType: 'integer',
 *   min: 0,
 *   dimension: 'subject',
 * })
 * teachersTotal.aggregation // 'sum', the default; entryLevel defaults to 'organization'
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
    /**
     * Counted from the teacher registry where the region keeps one and the campaign takes the
     * element from it; typed otherwise. Only integer elements aggregated by `sum` are derived.
     */
    derived: derivedSchema.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.derived) {
      if (e.valueType !== 'integer' || e.aggregation !== 'sum')
        ctx.addIssue({
          code: 'custom',
          path: ['derived'],
          message: 'a derived element is an integer summed up the tree',
        })
      if ((e.derived.breakdown ?? null) !== (e.dimension ?? null))
        ctx.addIssue({
          code: 'custom',
          path: ['derived', 'breakdown'],
          message: `the breakdown must be the element's dimension (${e.dimension ?? 'none'})`,
        })
      if (e.derived.count === 'events' && !e.derived.event)
        ctx.addIssue({ code: 'custom', path: ['derived', 'event'], message: 'counting events needs the event kind' })
    }
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
/**
 * A data element with its defaults filled in (`entryLevel`, `aggregation`, `required`).
 *
 * @example
 * const elements: DataElement[] = manifest.dataElements.filter((e) => e.entryLevel === 'organization')
 */
export type DataElement = z.infer<typeof dataElementSchema>
/**
 * A data element as a manifest writes it: the defaulted fields may be left out.
 *
 * @example
 * const diagnosed: DataElementInput = {
 *   code: 'deficits.diagnosed',
 *   title: { ru: 'Количество педагогов, прошедших диагностику профессиональных дефицитов' },
 *   valueType: 'integer',
 *   min: 0,
 * }
 */
export type DataElementInput = z.input<typeof dataElementSchema>

/**
 * Value types that hold a number (booleans are stored as 1/0 and count as numeric).
 *
 * @example
 * isNumericValueType('boolean') // true
 * isNumericValueType('document') // false
 */
export function isNumericValueType(t: ValueType): boolean {
  return t === 'integer' || t === 'number' || t === 'boolean'
}
