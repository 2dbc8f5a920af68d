import { inDirection, type Catalog, type CatalogElement } from '../../catalog/catalog.ts'

/** One value column of a template: an element's total (`option` null) or one option of its breakdown. */
export interface ValueColumn {
  element: CatalogElement
  option: { id: number; code: string; title: string } | null
  /** The hidden code row's text: `deficits.diagnosed` or `deficits.diagnosed:math`. */
  code: string
}

/** A template sheet: the org level it holds and its value columns. */
export interface SheetPlan {
  depth: number
  name: string
  columns: ValueColumn[]
}

/** Sheet names by org level depth; users see them, so they are Russian. */
export const SHEET_NAMES: Record<number, string> = { 1: 'Регион', 2: 'Муниципалитеты', 3: 'Организации' }

/** The total column's option title. */
export const TOTAL_TITLE = 'Всего'

/**
 * The sheets of a direction's template: one per entry level its elements use (organisations
 * first), each with a column per element × (total and each option). Documents are uploaded as
 * files (evidence), not typed into cells, so they get no column.
 *
 * @example
 * planSheets(catalog, 'deficits') // [{ depth: 3, name: 'Организации', columns: [...] }, { depth: 2, ... }]
 */
export function planSheets(
  catalog: Catalog,
  pluginId: string,
  /** Where each element is entered: the region's campaign may move some (manifest's level by default). */
  depthOf: (element: CatalogElement) => number = (e) => e.entryDepth,
): SheetPlan[] {
  const byDepth = new Map<number, ValueColumn[]>()
  for (const element of catalog.elements.values()) {
    if (!inDirection(element, pluginId) || element.definition.valueType === 'document') continue
    const depth = depthOf(element)
    let columns = byDepth.get(depth)
    if (!columns) byDepth.set(depth, (columns = []))
    const code = element.definition.code
    columns.push({ element, option: null, code })
    const dim = element.definition.dimension ? catalog.dimensions.get(element.definition.dimension) : undefined
    for (const o of dim?.options ?? [])
      columns.push({ element, option: { id: o.id, code: o.code, title: o.title.ru }, code: `${code}:${o.code}` })
  }
  return [...byDepth.entries()]
    .sort(([a], [b]) => b - a)
    .map(([depth, columns]) => ({ depth, name: SHEET_NAMES[depth] ?? `Уровень ${depth}`, columns }))
}

/** `Количество педагогов — Математика` (or the element's title alone for a total), for error lists. */
export function columnTitle(column: ValueColumn): string {
  const title = column.element.definition.title.ru
  return column.option ? `${title} — ${column.option.title}` : `${title} — ${TOTAL_TITLE}`
}
