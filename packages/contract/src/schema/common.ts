import { z } from 'zod'
import { ORG_LEVELS } from '../levels/index.ts'

/**
 * A text in Russian (required, the UI default) and English (optional, falls back to Russian).
 *
 * @example
 * const title: LocalizedText = { ru: 'Педагоги', en: 'Teachers' }
 */
export const localizedTextSchema = z.object({
  ru: z.string().trim().min(1, 'Russian text is required'),
  en: z.string().trim().min(1).optional(),
})
/**
 * A text in Russian and, optionally, English: titles, messages, sources.
 *
 * @example
 * const unit: LocalizedText = { ru: 'чел.', en: 'people' }
 */
export type LocalizedText = z.infer<typeof localizedTextSchema>

/**
 * A dotted lower-case code: `deficits.diagnosed`, `subject`, `ru_language`.
 * Codes are stable identifiers used in formulas, URLs and XLSX templates.
 *
 * @example
 * codeSchema.safeParse('deficits.diagnosed').success // true
 * codeSchema.safeParse('Deficits.Diagnosed').success // false
 */
export const codeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'must be lower-case latin letters, digits, _ and dots')
  .max(100)

/**
 * Levels of the org tree at which data is entered or an indicator is meaningful.
 *
 * @example
 * orgLevelSchema.options // ['region', 'municipality', 'organization']
 */
export const orgLevelSchema = z.enum(ORG_LEVELS)
export { ORG_LEVEL_DEPTH, type OrgLevel } from '../levels/index.ts'

/**
 * A period code such as `2024-25` (academic year) or `2025` (calendar year).
 *
 * @example
 * periodCodeSchema.parse('2024-25') // '2024-25'
 */
export const periodCodeSchema = z.string().regex(/^\d{4}(-\d{2})?$/, 'must look like 2024-25 or 2025')
