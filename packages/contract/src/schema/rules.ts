import { z } from 'zod'
import { ORG_LEVELS } from '../levels/index.ts'
import { codeSchema, localizedTextSchema, orgLevelSchema } from './common.ts'

/**
 * Computed status of an indicator against its target.
 *
 * @example
 * statusSchema.options // ['met', 'partly_met', 'not_met', 'no_data']
 */
export const statusSchema = z.enum(['met', 'partly_met', 'not_met', 'no_data'])
/**
 * The status {@link statusOf} computes; never stored.
 *
 * @example
 * const needsAction = (status: Status | null) => status === 'not_met' || status === 'partly_met'
 */
export type Status = z.infer<typeof statusSchema>

/**
 * Who a recommendation is written for (seeds 000, 001 3.4, 002).
 *
 * @example
 * addresseeSchema.parse('methodical_support')
 */
export const addresseeSchema = z.enum(['teachers', 'school_leadership', 'methodical_support', 'municipal_authority'])
/**
 * The addressee of a recommendation.
 *
 * @example
 * const addressee: Addressee = 'municipal_authority'
 */
export type Addressee = z.infer<typeof addresseeSchema>

/**
 * A rule that proposes a targeted recommendation (адресная рекомендация) when an
 * indicator's status or value meets the condition. All given conditions must hold.
 *
 * @example
 * const lowDiagnostics = recommendationRuleSchema.parse({
 *   code: 'deficits.low_diagnostics',
 *   indicator: 'deficits.diagnosed_share',
 *   when: { status: ['not_met'] },
 *   addressee: 'school_leadership',
 *   text: { ru: 'Организовать диагностику профессиональных дефицитов…' },
 * })
 */
export const recommendationRuleSchema = z.object({
  code: codeSchema,
  indicator: codeSchema,
  when: z
    .object({
      status: z.array(statusSchema).min(1).optional(),
      below: z.number().optional(),
      above: z.number().optional(),
    })
    .refine((w) => w.status || w.below !== undefined || w.above !== undefined, {
      message: 'a condition needs status, below or above',
    }),
  addressee: addresseeSchema,
  text: localizedTextSchema,
  levels: z
    .array(orgLevelSchema)
    .min(1)
    .default([...ORG_LEVELS]),
})
/**
 * A recommendation rule of a manifest, with its default `levels`.
 *
 * @example
 * const forSchools: RecommendationRule[] = manifest.recommendations.filter((r) => r.addressee === 'school_leadership')
 */
export type RecommendationRule = z.infer<typeof recommendationRuleSchema>

/**
 * Comparison of a validation rule.
 *
 * @example
 * ruleOperatorSchema.parse('<=')
 */
export const ruleOperatorSchema = z.enum(['<', '<=', '==', '!=', '>=', '>'])
/**
 * The operator between the two sides of a validation rule.
 *
 * @example
 * const partNotAboveWhole: RuleOperator = '<='
 */
export type RuleOperator = z.infer<typeof ruleOperatorSchema>

/**
 * A DHIS2-style validation rule over one org unit's raw values: `left operator right`.
 * A side with missing data skips the rule (it cannot be violated by absent values).
 *
 * @example
 * const diagnosedLeTotal = validationRuleSchema.parse({
 *   code: 'deficits.diagnosed_le_total',
 *   left: '#{deficits.diagnosed}',
 *   operator: '<=',
 *   right: '#{deficits.teachers_total}',
 *   message: { ru: 'Прошедших диагностику не может быть больше, чем педагогов' },
 * })
 */
export const validationRuleSchema = z.object({
  code: codeSchema,
  left: z.string().trim().min(1),
  operator: ruleOperatorSchema,
  right: z.string().trim().min(1),
  message: localizedTextSchema,
  /** Evaluate per option of this dimension (breakdown rows) as well as for totals. */
  perOption: z.boolean().default(false),
})
/**
 * A validation rule of a manifest; {@link checkValidationRules} applies it.
 *
 * @example
 * const perSubject: ValidationRule[] = manifest.validationRules.filter((r) => r.perOption)
 */
export type ValidationRule = z.infer<typeof validationRuleSchema>
