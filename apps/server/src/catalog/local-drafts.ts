import {
  compileIndicator,
  IndicatorFormulaError,
  indicatorSchema,
  type CompiledIndicator,
  type Indicator,
  type LocalizedText,
} from '@profmon/contract'
import { z } from '@hono/zod-openapi'
import { fromZodError, invalid } from '../errors.ts'
import type { Catalog } from './catalog.ts'

/** A title as a plain string (Russian) or `{ ru, en }`. */
export const textInput = z.union([z.string(), z.object({ ru: z.string(), en: z.string().optional() })])
/** A title or description: plain Russian text or `{ ru, en? }`. */
export type TextInput = z.infer<typeof textInput>

/** `'Педагоги'` → `{ ru: 'Педагоги' }`. */
export const toLocalized = (t: z.infer<typeof textInput> | undefined): LocalizedText | undefined =>
  t === undefined ? undefined : typeof t === 'string' ? { ru: t } : t.en ? { ru: t.ru, en: t.en } : { ru: t.ru }

const TRANSLIT: Record<string, string> = Object.fromEntries(
  'а-a б-b в-v г-g д-d е-e ё-e ж-zh з-z и-i й-i к-k л-l м-m н-n о-o п-p р-r с-s т-t у-u ф-f х-h ц-c ч-ch ш-sh щ-sch ъ- ы-y ь- э-e ю-yu я-ya'
    .split(' ')
    .map((p) => p.split('-') as [string, string]),
)

/**
 * A code segment from a (Russian) title: `Доля наставников` → `dolya_nastavnikov`.
 *
 * @example
 * slugOf('Доля педагогов, 2025') // 'dolya_pedagogov_2025'
 */
export function slugOf(title: string): string {
  const latin = [...title.toLowerCase()].map((ch) => TRANSLIT[ch] ?? ch).join('')
  const slug = latin
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '')
  return /^[a-z]/.test(slug) ? slug : `x_${slug || 'item'}`
}

/** What a client sends to define (or preview) a local indicator. */
export const localIndicatorInput = z.object({
  title: textInput,
  description: textInput.optional(),
  kind: z.enum(['share', 'count', 'value', 'presence', 'score']),
  numerator: z.string().optional(),
  denominator: z.string().optional(),
  formula: z.string().optional(),
  dimension: z.string().nullable().optional(),
  polarity: z.enum(['higher', 'lower']).optional(),
  unit: textInput.optional(),
  decimals: z.number().int().min(0).max(4).optional(),
  targets: z
    .array(z.object({ period: z.string().optional(), value: z.number(), tolerance: z.number().min(0).optional() }))
    .optional(),
  scoring: z.array(z.object({ min: z.number().optional(), max: z.number().optional(), points: z.number() })).optional(),
  direction: z.string().nullable().optional().openapi({ description: 'Plugin id to group under; none = local' }),
})
export type LocalIndicatorInput = z.infer<typeof localIndicatorInput>

/**
 * Turns client input into an indicator that passes the manifests' own schema and compiles against
 * the data elements the owner may use. Errors are 400s; a formula error names field, position and code.
 */
export function draftIndicator(
  code: string,
  input: LocalIndicatorInput,
  view: Catalog,
): { indicator: Indicator; compiled: CompiledIndicator } {
  const blank = (s: string | undefined) => (s?.trim() ? s : undefined)
  const raw = {
    code,
    title: toLocalized(input.title),
    description: toLocalized(input.description),
    kind: input.kind,
    numerator: blank(input.numerator),
    denominator: blank(input.denominator),
    formula: blank(input.formula),
    dimension: input.dimension ?? undefined,
    polarity: input.polarity,
    unit: toLocalized(input.unit),
    decimals: input.decimals,
    targets: input.targets,
    scoring: input.scoring,
  }
  const parsed = indicatorSchema.safeParse(JSON.parse(JSON.stringify(raw)))
  if (!parsed.success) throw fromZodError(parsed.error)
  const indicator = parsed.data
  if (indicator.dimension && !view.dimensions.has(indicator.dimension))
    throw invalid([{ path: 'dimension', message: `unknown dimension "${indicator.dimension}"` }])
  if (input.direction && !view.plugins.has(input.direction))
    throw invalid([{ path: 'direction', message: `unknown direction "${input.direction}"` }])
  try {
    return { indicator, compiled: compileIndicator(indicator, view.scope()) }
  } catch (e) {
    if (!(e instanceof IndicatorFormulaError)) throw e
    const f = e.formulaError
    throw invalid([{ path: e.field, message: f.reason, position: f.position, ...(f.code ? { code: f.code } : {}) }])
  }
}
