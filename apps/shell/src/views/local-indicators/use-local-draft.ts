import { checkFormula, FormulaError, parseFormula, type FormulaScope, type IndicatorKind } from '@profmon/contract'
import { ApiRequestError, post, type AnalyticsRow } from '@profmon/ui'
import { computed, ref, watch, type Ref } from 'vue'

/** The editor's form: what `POST /api/local-indicators` takes. */
export interface DraftForm {
  title: string
  titleEn: string
  description: string
  kind: IndicatorKind
  numerator: string
  denominator: string
  formula: string
  dimension: string
  polarity: 'higher' | 'lower'
  targets: Record<string, string>
  direction: string
}

export type FormulaFieldName = 'numerator' | 'denominator' | 'formula'
export type FieldErrors = Partial<Record<FormulaFieldName, { message: string; position: number | null }>>

/** The formula fields a kind uses. */
export const fieldsOf = (kind: IndicatorKind): FormulaFieldName[] =>
  kind === 'share' ? ['numerator', 'denominator'] : ['formula']

/** Formula errors found in the browser, with the contract's own parser and the elements in scope. */
export function checkDraft(form: DraftForm, scope: FormulaScope): FieldErrors {
  const errors: FieldErrors = {}
  for (const f of fieldsOf(form.kind)) {
    const text = form[f].trim()
    if (!text) continue
    try {
      checkFormula(parseFormula(text), scope)
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e
      errors[f] = { message: e.reason, position: e.position }
    }
  }
  return errors
}

/** The request body of a draft (for saving and previewing). */
export function bodyOf(form: DraftForm) {
  const formulas = Object.fromEntries(fieldsOf(form.kind).map((f) => [f, form[f].trim()]))
  const targets = Object.entries(form.targets)
    .filter(([, v]) => v.trim() !== '' && Number.isFinite(Number(v)))
    .map(([period, v]) => ({ period, value: Number(v) }))
  return {
    title: form.titleEn.trim() ? { ru: form.title.trim(), en: form.titleEn.trim() } : form.title.trim(),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    kind: form.kind,
    ...formulas,
    dimension: form.dimension || null,
    polarity: form.polarity,
    targets,
    direction: form.direction || null,
  }
}

/** Server 400 details → per-field formula errors, and the rest as one message. */
export function errorsOf(e: unknown): { fields: FieldErrors; message: string | null } {
  if (!(e instanceof ApiRequestError)) return { fields: {}, message: String(e) }
  const fields: FieldErrors = {}
  const rest: string[] = []
  for (const d of e.details) {
    if (d.path === 'numerator' || d.path === 'denominator' || d.path === 'formula')
      fields[d.path] = { message: d.message, position: typeof d.position === 'number' ? d.position : null }
    else rest.push(`${d.path}: ${d.message}`)
  }
  return { fields, message: rest.length ? rest.join('; ') : Object.keys(fields).length ? null : e.message }
}

/**
 * Live preview of a draft: the indicator for the owner and its children in a period, recomputed
 * by the server's own evaluator ~400 ms after the last keystroke, skipped while the browser
 * already sees an error.
 */
export function usePreview(
  form: Ref<DraftForm>,
  orgUnit: Ref<number | null>,
  period: Ref<string | null>,
  localErrors: Ref<FieldErrors>,
) {
  const rows = ref<AnalyticsRow[]>([])
  const serverErrors = ref<FieldErrors>({})
  const loading = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let seq = 0
  const complete = computed(() => fieldsOf(form.value.kind).every((f) => form.value[f].trim()))

  watch(
    [() => JSON.stringify(bodyOf(form.value)), orgUnit, period],
    () => {
      clearTimeout(timer)
      serverErrors.value = {}
      const unit = orgUnit.value
      if (!complete.value || Object.keys(localErrors.value).length || unit === null) {
        rows.value = []
        return
      }
      timer = setTimeout(async () => {
        const mine = ++seq
        loading.value = true
        try {
          const res = await post('/api/local-indicators/preview', {
            body: {
              ...bodyOf(form.value),
              title: form.value.title.trim() || undefined,
              orgUnit: unit,
              period: period.value ?? undefined,
            },
          })
          if (mine === seq) rows.value = res.rows.filter((r) => r.option === null)
        } catch (e) {
          if (mine === seq) {
            rows.value = []
            serverErrors.value = errorsOf(e).fields
          }
        } finally {
          if (mine === seq) loading.value = false
        }
      }, 400)
    },
    { immediate: true },
  )
  return { rows, serverErrors, loading }
}
