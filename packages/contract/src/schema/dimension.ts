import { z } from 'zod'
import { codeSchema, localizedTextSchema } from './common.ts'

/** One option of a breakdown dimension, e.g. `math` of `subject`. */
export const dimensionOptionSchema = z.object({
  code: codeSchema,
  title: localizedTextSchema,
})
export type DimensionOption = z.infer<typeof dimensionOptionSchema>

/**
 * A breakdown (DHIS2's category): data elements and indicators may be collected and
 * analysed per option. Core owns the common ones (`subject`, `deficit_type`,
 * `staff_cluster`, `expertise_type`); a plugin may declare its own.
 *
 * @example
 * { code: 'deficit_type', title: { ru: 'Вид дефицита' }, options: [{ code: 'digital', title: { ru: 'цифровые' } }] }
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
export type Dimension = z.infer<typeof dimensionSchema>
