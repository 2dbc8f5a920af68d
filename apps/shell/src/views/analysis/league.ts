import type { AnalysisRow } from '@profmon/ui'

/** A column of the league table the reader may sort by. */
export type LeagueColumn =
  'rank' | 'name' | 'value' | 'denominator' | 'target' | 'status' | 'change' | 'gap' | 'gapShare'

/** The league table's order: a column and a direction. */
export interface LeagueSort {
  column: LeagueColumn
  direction: 'asc' | 'desc'
}

/** The league table's filters; all off shows every child. */
export interface LeagueFilters {
  /** Only children that have not met the target (not met or only partly met). */
  notMet: boolean
  /** Only children whose value moved the wrong way beyond the effective gap. */
  worsened: boolean
  /** Only children worse than the parent's own value (the parent's average, Σnum / Σden). */
  belowParent: boolean
}

type Polarity = 'higher' | 'lower'

// Met first, then partly met, not met, and no data / no target last.
const STATUS_ORDER: Record<string, number> = { met: 0, partly_met: 1, not_met: 2, no_data: 3 }

function keyOf(row: AnalysisRow, column: LeagueColumn): number | string | null {
  switch (column) {
    case 'name':
      return row.orgUnitName
    case 'status':
      return row.status === null ? null : (STATUS_ORDER[row.status] ?? null)
    default:
      return row[column]
  }
}

/**
 * Orders league rows by a column; rows without a figure (no data, no target) always come last,
 * whichever the direction, so «нет данных» never ranks as best or worst. Names compare in Russian
 * order; equal keys keep the rank order.
 *
 * @example
 * sortLeague(rows, { column: 'gap', direction: 'desc' }) // the largest shortfall first
 */
export function sortLeague(rows: readonly AnalysisRow[], sort: LeagueSort): AnalysisRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1
  const byRank = (a: AnalysisRow, b: AnalysisRow) =>
    (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.orgUnitName.localeCompare(b.orgUnitName, 'ru')
  return [...rows].sort((a, b) => {
    const x = keyOf(a, sort.column)
    const y = keyOf(b, sort.column)
    if (x === null || y === null) return x === y ? byRank(a, b) : x === null ? 1 : -1
    const order = typeof x === 'string' ? x.localeCompare(String(y), 'ru') : x - (y as number)
    return order * sign || byRank(a, b)
  })
}

/** Whether `value` is worse than `reference` for an indicator of this polarity. */
function worseThan(value: number | null, reference: number | null, polarity: Polarity): boolean {
  if (value === null || reference === null) return false
  return polarity === 'lower' ? value > reference : value < reference
}

/**
 * Keeps the rows that pass every filter that is on. «Ухудшившие» reads the server's `trend`
 * (a move beyond the effective gap) against the indicator's polarity; «ниже среднего» compares
 * with the parent's own value, Σnumerators / Σdenominators of the whole unit.
 *
 * @example
 * filterLeague(rows, { notMet: true, worsened: false, belowParent: false }, { polarity: 'higher', parentValue: 34.1 })
 */
export function filterLeague(
  rows: readonly AnalysisRow[],
  filters: LeagueFilters,
  context: { polarity: Polarity; parentValue: number | null },
): AnalysisRow[] {
  const worse = context.polarity === 'lower' ? 'up' : 'down'
  return rows.filter(
    (r) =>
      (!filters.notMet || r.status === 'not_met' || r.status === 'partly_met') &&
      (!filters.worsened || r.trend === worse) &&
      (!filters.belowParent || worseThan(r.value, context.parentValue, context.polarity)),
  )
}

/**
 * The next order when a column header is clicked: the same column flips; a new one starts in the
 * direction a reader expects (largest gap first, names A→Я, rank 1 first).
 *
 * @example
 * nextSort({ column: 'rank', direction: 'asc' }, 'gap') // { column: 'gap', direction: 'desc' }
 */
export function nextSort(current: LeagueSort, column: LeagueColumn): LeagueSort {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' }
  return { column, direction: column === 'rank' || column === 'name' || column === 'status' ? 'asc' : 'desc' }
}

/**
 * Reads the sort from the URL (`sort=gap.desc`), falling back to the rank order.
 *
 * @example
 * parseSort('gap.desc') // { column: 'gap', direction: 'desc' }
 */
export function parseSort(text: unknown): LeagueSort {
  const [column, direction] = typeof text === 'string' ? text.split('.') : []
  const columns: LeagueColumn[] = [
    'rank',
    'name',
    'value',
    'denominator',
    'target',
    'status',
    'change',
    'gap',
    'gapShare',
  ]
  return columns.includes(column as LeagueColumn) && (direction === 'asc' || direction === 'desc')
    ? { column: column as LeagueColumn, direction }
    : { column: 'rank', direction: 'asc' }
}

/**
 * Rounds parts of a whole (the lagging children's `gapShare`) to `digits` decimals so that the
 * shown parts still add up to the rounded total — largest remainder: every part is rounded down,
 * and the units left over go to the parts that lost the most. `null` stays `null`.
 *
 * @example
 * roundParts([33.3333, 33.3333, 33.3334]) // [33.3, 33.3, 33.4] — not 33.3 × 3 = 99.9
 */
export function roundParts(parts: readonly (number | null)[], digits = 1): (number | null)[] {
  const scale = 10 ** digits
  const present = parts.flatMap((p, i) => (p === null ? [] : [{ i, scaled: p * scale }]))
  const total = Math.round(present.reduce((s, p) => s + p.scaled, 0))
  const floors = present.map((p) => ({ ...p, down: Math.floor(p.scaled + 1e-9) }))
  let left = total - floors.reduce((s, p) => s + p.down, 0)
  const out: (number | null)[] = parts.map(() => null)
  for (const p of [...floors].sort((a, b) => b.scaled - b.down - (a.scaled - a.down)))
    out[p.i] = (p.down + (left-- > 0 ? 1 : 0)) / scale
  return out
}
