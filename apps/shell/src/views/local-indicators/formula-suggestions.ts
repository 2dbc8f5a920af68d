import type { DataElementView } from '@profmon/ui'

/** A data element offered by the formula editor. */
export type ElementOption = Pick<DataElementView, 'code' | 'title' | 'dimension'>

/** One entry of the autocomplete list: a data element reference or a function call. */
export interface Suggestion {
  kind: 'element' | 'function'
  label: string
  detail: string
  insert: string
}

const FUNCTIONS = ['sum', 'min', 'max', 'if', 'orgCount']

/**
 * The word being typed before the caret, unless the caret is inside a `#{…}` reference: letters of
 * any script, digits, `_` and dots, so «педаг» and `deficits.dia` both count.
 *
 * @example
 * wordBefore('#{a.b} / педаг', 14) // { word: 'педаг', start: 9 }
 */
export function wordBefore(text: string, caret: number): { word: string; start: number } | null {
  const before = text.slice(0, caret)
  if (before.lastIndexOf('#{') > before.lastIndexOf('}')) return null
  const m = /[\p{L}\d_.]+$/u.exec(before)
  if (!m) return null
  return { word: m[0], start: caret - m[0].length }
}

/**
 * Elements whose title (in the UI language or Russian) or code contains the word, best first (title
 * starting with it), then functions starting with it.
 *
 * @example
 * suggest('педаг', elements, 'ru')[0].insert // '#{core.teachers_total}'
 */
export function suggest(word: string, elements: readonly ElementOption[], locale: string, limit = 20): Suggestion[] {
  const q = word.toLocaleLowerCase()
  if (q.length < 2) return []
  const titleOf = (e: ElementOption) => (locale === 'en' ? (e.title.en ?? e.title.ru) : e.title.ru)
  const scored = elements.flatMap((e) => {
    const title = titleOf(e).toLocaleLowerCase()
    const at = title.indexOf(q)
    const score = at === 0 ? 0 : at > 0 ? 1 : e.code.includes(q) ? 2 : -1
    return score < 0 ? [] : [{ e, score }]
  })
  // Several directions have an element of the same title: the code (shown beside it) breaks the tie.
  scored.sort(
    (a, b) => a.score - b.score || titleOf(a.e).localeCompare(titleOf(b.e)) || a.e.code.localeCompare(b.e.code),
  )
  const found: Suggestion[] = scored.slice(0, limit).map(({ e }) => ({
    kind: 'element',
    label: titleOf(e),
    detail: e.code,
    insert: `#{${e.code}}`,
  }))
  for (const fn of FUNCTIONS)
    if (fn.toLowerCase().startsWith(q))
      found.push({ kind: 'function', label: `${fn}(…)`, detail: '', insert: `${fn}(` })
  return found
}
