import { checkTarget, type TargetProblem, type TargetScoreBand } from '@profmon/contract/rules'
import type { ApiRequestError, Target } from '@profmon/ui'

/** A score band as typed: text in three inputs. */
export interface BandDraft {
  min: string
  max: string
  score: string
}

/** A target as typed in the form; numbers are text until saved («12,5» is 12.5). */
export interface TargetDraft {
  value: string
  tolerance: string
  effectiveGap: string
  allowLaxer: boolean
  bands: BandDraft[]
}

/** What is wrong with a field: a code each surface words, with its parameters. */
export interface FieldProblem {
  code: 'required' | 'not_number' | TargetProblem['code'] | 'server'
  params: Record<string, unknown>
}

/** The body of `PUT /api/targets` without the indicator, period and unit. */
export interface TargetFields {
  value: number
  tolerance: number | null
  effectiveGap: number | null
  scoreBands: TargetScoreBand[] | null
  allowLaxer: boolean
}

const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v).replace('.', ','))

/**
 * The form's starting point: the unit's own target, or empty fields when it has none.
 *
 * @example
 * draftOf(null) // { value: '', tolerance: '', effectiveGap: '', allowLaxer: false, bands: [] }
 */
export function draftOf(
  target: Pick<Target, 'value' | 'tolerance' | 'effectiveGap' | 'scoreBands' | 'allowLaxer'> | null,
): TargetDraft {
  return {
    value: text(target?.value),
    tolerance: text(target?.tolerance),
    effectiveGap: text(target?.effectiveGap),
    allowLaxer: target?.allowLaxer ?? false,
    // Ascending, as the contract wants them (a manifest may list its bands from the top).
    bands: [...(target?.scoreBands ?? [])]
      .sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity))
      .map((b) => ({ min: text(b.min), max: text(b.max), score: text(b.score) })),
  }
}

/**
 * A number as typed: empty is `null`, a decimal comma is a point, anything else is `undefined`.
 *
 * @example
 * parseNumber('12,5') // 12.5
 * parseNumber('')     // null
 * parseNumber('abc')  // undefined
 */
export function parseNumber(input: string): number | null | undefined {
  const s = input.trim().replace(/\s/g, '').replace(',', '.')
  if (!s) return null
  const n = Number(s)
  return Number.isFinite(n) ? n : undefined
}

/**
 * Reads the form: the target to send, or the problems per field (`value`, `tolerance`,
 * `effectiveGap`, `scoreBands[1].min`, …) — the typing problems first, then the contract's own
 * check (`checkTarget`: bounds, negative, band order), the same the server applies.
 *
 * @example
 * readDraft({ value: '120', tolerance: '', effectiveGap: '', allowLaxer: false, bands: [] }, 'share')
 * // { problems: { value: { code: 'outside_bounds', params: { value: 120, min: 0, max: 100 } } } }
 */
export function readDraft(
  draft: TargetDraft,
  kind: Parameters<typeof checkTarget>[0]['kind'],
): { fields: TargetFields; problems?: undefined } | { fields?: undefined; problems: Record<string, FieldProblem> } {
  const problems: Record<string, FieldProblem> = {}
  const read = (field: string, input: string, required = false) => {
    const n = parseNumber(input)
    if (n === undefined) problems[field] = { code: 'not_number', params: {} }
    else if (n === null && required) problems[field] = { code: 'required', params: {} }
    return n ?? null
  }
  const value = read('value', draft.value, true)
  const tolerance = read('tolerance', draft.tolerance)
  const effectiveGap = read('effectiveGap', draft.effectiveGap)
  const bands = draft.bands.map((b, i) => ({
    min: read(`scoreBands[${i}].min`, b.min),
    max: read(`scoreBands[${i}].max`, b.max),
    score: read(`scoreBands[${i}].score`, b.score, true) ?? 0,
  }))
  if (Object.keys(problems).length) return { problems }
  const fields: TargetFields = {
    value: value!,
    tolerance,
    effectiveGap,
    scoreBands: bands.length ? bands : null,
    allowLaxer: draft.allowLaxer,
  }
  for (const p of checkTarget({ kind }, fields)) {
    const { code, field, ...params } = p
    problems[field] ??= { code, params }
  }
  return Object.keys(problems).length ? { problems } : { fields }
}

/**
 * The server's refusal per field (`details[].path`), keeping its code and parameters so that the
 * form words it in the UI's language; the server's own message is the fallback.
 *
 * @example
 * serverProblems(err) // { value: { code: 'laxer', params: { reference: 30, message: '…' } } }
 */
export function serverProblems(error: Pick<ApiRequestError, 'details' | 'message'>): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {}
  for (const d of error.details) {
    const { path, code, ...params } = d
    out[path || 'form'] ??= { code: typeof code === 'string' ? (code as FieldProblem['code']) : 'server', params }
  }
  if (!Object.keys(out).length) out.form = { code: 'server', params: { message: error.message } }
  return out
}
