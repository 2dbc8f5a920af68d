import { z } from 'zod'
import { codeSchema, localizedTextSchema } from './common.ts'

/**
 * One option of a breakdown dimension, e.g. `math` of `subject`.
 *
 * @example
 * dimensionOptionSchema.parse({ code: 'math', title: { ru: 'Математика' } })
 */
export const dimensionOptionSchema = z.object({
  code: codeSchema,
  title: localizedTextSchema,
})
/**
 * An option of a dimension, as a formula names it in `#{code}[option]`.
 *
 * @example
 * const digital: DimensionOption = { code: 'digital', title: { ru: 'Цифровые', en: 'Digital' } }
 */
export type DimensionOption = z.infer<typeof dimensionOptionSchema>

/**
 * A breakdown (DHIS2's category): data elements and indicators may be collected and
 * analysed per option. Core owns the common ones (`subject`, `deficit_type`,
 * `staff_cluster`, `expertise_type`); a plugin may declare its own.
 *
 * @example
 * const dimension = dimensionSchema.parse({
 *   code: 'deficit_type',
 *   title: { ru: 'Вид дефицита' },
 *   options: [{ code: 'digital', title: { ru: 'цифровые' } }],
 * })
 */
export const dimensionSchema = z
  .object({
    code: codeSchema,
    title: localizedTextSchema,
    options: z.array(dimensionOptionSchema).min(1),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>()
    d.options.forEach((o, i) => {
      if (seen.has(o.code))
        ctx.addIssue({ code: 'custom', path: ['options', i, 'code'], message: `duplicate option "${o.code}"` })
      seen.add(o.code)
    })
  })
/**
 * A breakdown with its options; core's are {@link CORE_DIMENSIONS}, a plugin adds its own.
 *
 * @example
 * const format: Dimension = {
 *   code: 'mentoring_format',
 *   title: { ru: 'Форма наставничества' },
 *   options: [{ code: 'group', title: { ru: 'Групповое' } }, { code: 'individual', title: { ru: 'Индивидуальное' } }],
 * }
 */
export type Dimension = z.infer<typeof dimensionSchema>
