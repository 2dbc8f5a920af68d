import { z } from 'zod'
import { ORG_LEVELS } from '../levels/index.ts'
import { codeSchema, localizedTextSchema, orgLevelSchema, periodCodeSchema } from './common.ts'

/**
 * What an indicator measures; decides which formulas it needs.
 *
 * @example
 * indicatorKindSchema.options // ['share', 'count', 'value', 'presence', 'score']
 */
export const indicatorKindSchema = z.enum(['share', 'count', 'value', 'presence', 'score'])
/**
 * The kind of an indicator.
 *
 * @example
 * const needsTwoFormulas = (kind: IndicatorKind) => kind === 'share'
 */
export type IndicatorKind = z.infer<typeof indicatorKindSchema>

/**
 * Whether a higher value is better (most shares) or a lower one (pensioners' share).
 *
 * @example
 * polaritySchema.parse('lower')
 */
export const polaritySchema = z.enum(['higher', 'lower'])
/**
 * The polarity of an indicator (`higher` by default).
 *
 * @example
 * const pensioners: Polarity = 'lower' // seed 003: the pensioners' share should fall
 */
export type Polarity = z.infer<typeof polaritySchema>

/**
 * A default target of an indicator. Without `period` it applies to every period that has
 * no target of its own. `tolerance` (in the indicator's unit, e.g. percentage points) is the
 * distance from the target still counted as "partly met".
 *
 * @example
 * targetSchema.parse({ period: '2025-26', value: 30, tolerance: 5 }) // seed 003: diagnostics ≥ 30 %
 */
export const targetSchema = z.object({
  period: periodCodeSchema.optional(),
  value: z.number(),
  tolerance: z.number().min(0).optional(),
})
/**
 * A default target of an indicator; {@link targetFor} picks the one in force for a period.
 *
 * @example
 * const everyYear: Target = { value: 30, tolerance: 5 }
 */
export type Target = z.infer<typeof targetSchema>

/**
 * A band of values that earns points (seed 001's "количество баллов"). The first band whose
 * bounds contain the value wins; `min` is inclusive, `max` exclusive.
 *
 * @example
 * scoreBandSchema.parse({ min: 40, max: 70, points: 1 }) // 40 % ≤ value < 70 % → 1 point
 */
export const scoreBandSchema = z.object({
  min: z.number().optional(),
  max: z.number().optional(),
  points: z.number(),
})
/**
 * One band of an indicator's `scoring`.
 *
 * @example
 * const bands: ScoreBand[] = [{ min: 70, points: 2 }, { min: 40, max: 70, points: 1 }, { max: 40, points: 0 }]
 */
export type ScoreBand = z.infer<typeof scoreBandSchema>

/**
 * A document that must be attached for a presence indicator to count as "yes".
 *
 * @example
 * evidenceSchema.parse({ code: 'order', title: { ru: 'Приказ об утверждении программы' } })
 */
export const evidenceSchema = z.object({
  code: codeSchema,
  title: localizedTextSchema,
})
/**
 * A required evidence document of a presence indicator.
 *
 * @example
 * const report: Evidence = { code: 'report', title: { ru: 'Аналитическая справка', en: 'Analytical report' } }
 */
export type Evidence = z.infer<typeof evidenceSchema>

/**
 * An indicator: how raw data elements become a monitored value.
 *
 * - `share`: `numerator` / `denominator` × 100, both formulas;
 * - `count`, `value`: `formula`;
 * - `presence`: `formula` (true when non-zero) plus the `evidence` documents it requires;
 * - `score`: `formula` mapped to points by `scoring`; the points are the value.
 *
 * Any indicator may carry `scoring`, which then fills the `score` of its analytics rows.
 *
 * @example
 * const diagnosedShare = indicatorSchema.parse({
 *   code: 'deficits.diagnosed_share',
 *   kind: 'share',
 *   title: { ru: 'Доля педагогов, прошедших диагностику профессиональных дефицитов' },
 *   numerator: '#{deficits.diagnosed}',
 *   denominator: '#{deficits.teachers_total}',
 *   dimension: 'subject',
 *   targets: [{ period: '2025-26', value: 30 }],
 * })
 */
export const indicatorSchema = z
  .object({
    code: codeSchema,
    title: localizedTextSchema,
    shortTitle: localizedTextSchema.optional(),
    description: localizedTextSchema.optional(),
    kind: indicatorKindSchema,
    numerator: z.string().trim().min(1).optional(),
    denominator: z.string().trim().min(1).optional(),
    formula: z.string().trim().min(1).optional(),
    /** Breakdown dimension: analytics also returns one row per option. */
    dimension: codeSchema.optional(),
    polarity: polaritySchema.default('higher'),
    unit: localizedTextSchema.optional(),
    decimals: z.number().int().min(0).max(4).default(1),
    targets: z.array(targetSchema).default([]),
    scoring: z.array(scoreBandSchema).optional(),
    evidence: z.array(evidenceSchema).default([]),
    /** "Источник информации" of seed 001. */
    source: localizedTextSchema.optional(),
    levels: z
      .array(orgLevelSchema)
      .min(1)
      .default([...ORG_LEVELS]),
    /** Where the seeds ask for this indicator, e.g. `001 #1`, `003`. */
    seeds: z.array(z.string()).default([]),
  })
  .superRefine((ind, ctx) => {
    const need = (field: 'numerator' | 'denominator' | 'formula') => {
      if (!ind[field])
        ctx.addIssue({ code: 'custom', path: [field], message: `a ${ind.kind} indicator needs a ${field}` })
    }
    const forbid = (field: 'numerator' | 'denominator' | 'formula') => {
      if (ind[field])
        ctx.addIssue({ code: 'custom', path: [field], message: `a ${ind.kind} indicator has no ${field}` })
    }
    if (ind.kind === 'share') {
      need('numerator')
      need('denominator')
      forbid('formula')
    } else {
      need('formula')
      forbid('numerator')
      forbid('denominator')
    }
    if (ind.kind === 'score' && !ind.scoring?.length)
      ctx.addIssue({ code: 'custom', path: ['scoring'], message: 'a score indicator needs scoring bands' })
    if (ind.kind === 'presence' && ind.dimension)
      ctx.addIssue({ code: 'custom', path: ['dimension'], message: 'a presence indicator has no breakdown' })
    ind.targets.forEach((t, i) => {
      if (ind.kind === 'share' && (t.value < 0 || t.value > 100))
        ctx.addIssue({
          code: 'custom',
          path: ['targets', i, 'value'],
          message: `target ${t.value} is outside 0…100 % of a share`,
        })
      if (ind.kind === 'presence' && t.value !== 0 && t.value !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['targets', i, 'value'],
          message: 'a presence target is 1 (yes) or 0 (no)',
        })
    })
    const periods = ind.targets.map((t) => t.period ?? '*')
    periods.forEach((p, i) => {
      if (periods.indexOf(p) !== i)
        ctx.addIssue({ code: 'custom', path: ['targets', i, 'period'], message: `two targets for period ${p}` })
    })
  })
/**
 * An indicator with its defaults filled in (`polarity`, `decimals`, `targets`, `levels`…).
 *
 * @example
 * const shares: Indicator[] = manifest.indicators.filter((i) => i.kind === 'share')
 */
export type Indicator = z.infer<typeof indicatorSchema>
/**
 * An indicator as a manifest writes it: the defaulted fields may be left out.
 *
 * @example
 * const vacancies: IndicatorInput = {
 *   code: 'staffing.vacancies_count',
 *   title: { ru: 'Количество вакансий педагогических работников' },
 *   kind: 'count',
 *   formula: '#{staffing.vacancies}',
 *   polarity: 'lower',
 * }
 */
export type IndicatorInput = z.input<typeof indicatorSchema>
