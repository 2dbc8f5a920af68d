import { parseNumberText } from '@profmon/contract/rules'
import { ApiRequestError, get, post, type components } from '@profmon/ui'
import { computed, reactive, ref } from 'vue'

/** A value as the form holds it: a number (booleans as 1/0), the text of a text element, or null (no data). */
export type CellValue = number | string | null

/** What a cell's text means: a number (integer, number, boolean as 1/0) or free text. */
export type CellKind = 'number' | 'text'

/** One cell of the entry grid: what is shown, what the server has and at which version. */
export interface Cell {
  orgUnit: number
  element: string
  option: string | null
  /** The input's text ('' = no data). */
  text: string
  kind: CellKind
  saved: CellValue
  version: number
  dirty: boolean
}

/** A save refused because someone else changed the value first: both sides, for the user to choose. */
export interface Conflict {
  cell: Cell
  mine: CellValue
  theirs: CellValue
  theirVersion: number
}

export type SaveState = 'saved' | 'saving' | 'error'

/** A derived element of one org unit as the server sent it: its campaign source and, from the registry, the people. */
export type DerivedEntry = components['schemas']['DerivedEntry']

export const cellKey = (orgUnit: number, element: string, option: string | null) =>
  `${orgUnit}|${element}|${option ?? ''}`

/**
 * A value the API sent (`GET /api/data-values`, a conflict's current value) as the form holds it:
 * booleans become 1/0 (what the yes/no select and the contract's lookup use), text stays text.
 *
 * @example
 * fromServer(true) // 1
 */
export function fromServer(value: unknown): CellValue {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number' || typeof value === 'string') return value
  return null
}

/**
 * An input's text as the value to save: blank is "no data"; a number is typed the Russian way or
 * the English way (the contract's `parseNumberText`: `1 000,5`, `2.5`; NaN
 * when it is not a number: such a cell is shown with its error and never sent).
 *
 * @example
 * parseCell('2,5', 'number') // 2.5
 */
export function parseCell(text: string, kind: CellKind): CellValue {
  if (text.trim() === '') return null
  return kind === 'text' ? text : (parseNumberText(text) ?? NaN)
}
const parse = (c: Cell, text = c.text) => parseCell(text, c.kind)

/**
 * Values of one or more org units for a period and direction, with debounced autosave. Every
 * save sends the version the user saw: a 409 conflict is never overwritten silently, it becomes a
 * {@link Conflict} the form shows as a dialog (mine / theirs).
 */
export function useEntryValues(period: () => string, plugin: () => string, delay = 700) {
  const cells = reactive(new Map<string, Cell>())
  const state = ref<SaveState>('saved')
  const error = ref('')
  const conflicts = ref<Conflict[]>([])
  // Per org unit and element: derived elements, counted from the registry (read-only) or entered.
  const derived = reactive(new Map<string, DerivedEntry>())
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> = Promise.resolve()

  function cell(orgUnit: number, element: string, option: string | null): Cell {
    const key = cellKey(orgUnit, element, option)
    let c = cells.get(key)
    if (!c) {
      cells.set(key, { orgUnit, element, option, text: '', kind: 'number', saved: null, version: 0, dirty: false })
      c = cells.get(key)!
    }
    return c
  }

  async function load(orgUnits: number[]): Promise<void> {
    cells.clear()
    derived.clear()
    for (const orgUnit of orgUnits) {
      const answer = await get('/api/data-values', {
        params: { query: { orgUnit, period: period(), plugin: plugin() } },
      })
      const counted = new Set<string>()
      for (const d of answer.derived) {
        derived.set(cellKey(orgUnit, d.element, null), d)
        if (d.source !== 'registry') continue
        // The registry's counts stand in the cells (read-only), so live indicators use them.
        counted.add(d.element)
        for (const v of d.values)
          Object.assign(cell(orgUnit, d.element, v.option), {
            text: String(v.value),
            kind: 'number',
            saved: v.value,
            version: 0,
            dirty: false,
          })
      }
      for (const v of answer.values) {
        if (counted.has(v.element)) continue
        const value = fromServer(v.value)
        if (value === null) continue
        const c = cell(orgUnit, v.element, v.option)
        const kind: CellKind = typeof value === 'string' ? 'text' : 'number'
        Object.assign(c, { text: String(value), kind, saved: value, version: v.version, dirty: false })
      }
    }
  }

  /** The derived element's entry of the unit: `source` registry means read-only, counted from the registry. */
  const derivedOf = (orgUnit: number, element: string): DerivedEntry | undefined =>
    derived.get(cellKey(orgUnit, element, null))
  const fromRegistry = (orgUnit: number, element: string) => derivedOf(orgUnit, element)?.source === 'registry'

  /** Creates the grid's cells up front, so rendering only reads the map. */
  function ensure(orgUnits: number[], keys: { element: string; option: string | null }[]): void {
    for (const orgUnit of orgUnits) for (const k of keys) cell(orgUnit, k.element, k.option)
  }

  /** Marks a cell changed and schedules a save. `valid` false keeps it unsaved (bounds are shown inline). */
  function edit(c: Cell, text: string, valid = true): void {
    c.text = text
    c.dirty = parse(c) !== c.saved
    if (!valid) return
    clearTimeout(timer)
    timer = setTimeout(() => void flush(), delay)
  }

  /** Like {@link edit} for a text element: the text is saved as typed (blank = no data). */
  function editText(c: Cell, text: string): void {
    c.kind = 'text'
    edit(c, text)
  }

  function flush(): Promise<void> {
    clearTimeout(timer)
    running = running.then(save)
    return running
  }

  async function save(): Promise<void> {
    // A cell waiting for the user's choice in the conflict dialog is not sent again meanwhile.
    const open = new Set(conflicts.value.map((x) => x.cell))
    const batch = [...cells.values()].filter((c) => c.dirty && !open.has(c) && !Number.isNaN(parse(c)))
    if (!batch.length) return
    state.value = 'saving'
    const sent = batch.map((c) => ({ c, value: parse(c) }))
    try {
      const res = await post('/api/data-values', {
        body: {
          values: sent.map(({ c, value }) => ({
            orgUnit: c.orgUnit,
            period: period(),
            element: c.element,
            option: c.option,
            value,
            version: c.version,
          })),
        },
      })
      res.values.forEach((v, i) => {
        const { c, value } = sent[i]!
        c.saved = value
        c.version = v.version
        c.dirty = parse(c) !== value
      })
      state.value = 'saved'
      error.value = ''
    } catch (e) {
      state.value = 'error'
      if (e instanceof ApiRequestError && e.code === 'conflict') {
        error.value = ''
        for (const d of e.details) {
          const index = Number(/values\[(\d+)\]/.exec(d.path)?.[1])
          const item = sent[index]
          const current = d.current as { value: unknown; version: number } | undefined
          if (!item || !current) continue
          conflicts.value.push({
            cell: item.c,
            mine: item.value,
            theirs: fromServer(current.value),
            theirVersion: current.version,
          })
        }
      } else error.value = (e as Error).message
    }
  }

  /** The user's choice in the conflict dialog: keep mine (saved over their version) or take theirs. */
  function resolve(conflict: Conflict, keep: 'mine' | 'theirs'): Promise<void> {
    const c = conflict.cell
    conflicts.value = conflicts.value.filter((x) => x !== conflict)
    c.version = conflict.theirVersion
    c.saved = conflict.theirs
    if (keep === 'theirs') {
      c.text = conflict.theirs === null ? '' : String(conflict.theirs)
      c.dirty = false
      if (!conflicts.value.length) state.value = 'saved'
      return Promise.resolve()
    }
    c.text = conflict.mine === null ? '' : String(conflict.mine)
    c.dirty = true
    return flush()
  }

  /** Numbers as the contract's lookup reads them: what is typed, saved or not (text cells left out). */
  const numbers = computed(() =>
    [...cells.values()]
      .filter((c) => c.kind !== 'text')
      .map((c) => {
        const value = parse(c) as number | null
        return {
          orgUnit: String(c.orgUnit),
          element: c.element,
          option: c.option,
          value: Number.isNaN(value) ? null : value,
        }
      }),
  )
  return {
    cells,
    cell,
    ensure,
    load,
    derivedOf,
    fromRegistry,
    edit,
    editText,
    flush,
    resolve,
    state,
    error,
    conflicts,
    numbers,
  }
}
