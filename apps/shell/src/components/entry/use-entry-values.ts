import { api, ApiRequestError, query } from '@profmon/ui'
import { computed, reactive, ref } from 'vue'

/** One cell of the entry grid: what is shown, what the server has and at which version. */
export interface Cell {
  orgUnit: number
  element: string
  option: string | null
  /** The input's text ('' = no data). */
  text: string
  saved: number | null
  version: number
  dirty: boolean
}

/** A save refused because someone else changed the value first: both sides, for the user to choose. */
export interface Conflict {
  cell: Cell
  mine: number | null
  theirs: number | null
  theirVersion: number
}

export type SaveState = 'saved' | 'saving' | 'error'

export const cellKey = (orgUnit: number, element: string, option: string | null) =>
  `${orgUnit}|${element}|${option ?? ''}`

const parse = (text: string): number | null => (text.trim() === '' ? null : Number(text.replace(',', '.')))

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
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> = Promise.resolve()

  function cell(orgUnit: number, element: string, option: string | null): Cell {
    const key = cellKey(orgUnit, element, option)
    let c = cells.get(key)
    if (!c) {
      cells.set(key, { orgUnit, element, option, text: '', saved: null, version: 0, dirty: false })
      c = cells.get(key)!
    }
    return c
  }

  async function load(orgUnits: number[]): Promise<void> {
    cells.clear()
    for (const orgUnit of orgUnits) {
      const { values } = await api<{
        values: { element: string; option: string | null; value: unknown; version: number }[]
      }>('GET', `/api/data-values?${query({ orgUnit, period: period(), plugin: plugin() })}`)
      for (const v of values) {
        if (typeof v.value !== 'number') continue
        const c = cell(orgUnit, v.element, v.option)
        Object.assign(c, { text: String(v.value), saved: v.value, version: v.version, dirty: false })
      }
    }
  }

  /** Creates the grid's cells up front, so rendering only reads the map. */
  function ensure(orgUnits: number[], keys: { element: string; option: string | null }[]): void {
    for (const orgUnit of orgUnits) for (const k of keys) cell(orgUnit, k.element, k.option)
  }

  /** Marks a cell changed and schedules a save. `valid` false keeps it unsaved (bounds are shown inline). */
  function edit(c: Cell, text: string, valid = true): void {
    c.text = text
    c.dirty = parse(text) !== c.saved
    if (!valid) return
    clearTimeout(timer)
    timer = setTimeout(() => void flush(), delay)
  }

  function flush(): Promise<void> {
    clearTimeout(timer)
    running = running.then(save)
    return running
  }

  async function save(): Promise<void> {
    // A cell waiting for the user's choice in the conflict dialog is not sent again meanwhile.
    const open = new Set(conflicts.value.map((x) => x.cell))
    const batch = [...cells.values()].filter((c) => c.dirty && !open.has(c) && !Number.isNaN(parse(c.text)))
    if (!batch.length) return
    state.value = 'saving'
    const sent = batch.map((c) => ({ c, value: parse(c.text) }))
    try {
      const res = await api<{ values: { version: number }[] }>('POST', '/api/data-values', {
        values: sent.map(({ c, value }) => ({
          orgUnit: c.orgUnit,
          period: period(),
          element: c.element,
          option: c.option,
          value,
          version: c.version,
        })),
      })
      res.values.forEach((v, i) => {
        const { c, value } = sent[i]!
        c.saved = value
        c.version = v.version
        c.dirty = parse(c.text) !== value
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
          const current = d.current as { value: number | null; version: number } | undefined
          if (!item || !current) continue
          conflicts.value.push({ cell: item.c, mine: item.value, theirs: current.value, theirVersion: current.version })
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

  /** Numbers as the contract's lookup reads them: what is typed, saved or not. */
  const numbers = computed(() =>
    [...cells.values()].map((c) => {
      const value = parse(c.text)
      return {
        orgUnit: String(c.orgUnit),
        element: c.element,
        option: c.option,
        value: Number.isNaN(value) ? null : value,
      }
    }),
  )
  return { cells, cell, ensure, load, edit, flush, resolve, state, error, conflicts, numbers }
}
