import type { CatalogElement } from '../catalog/catalog.ts'

const LEVEL_NAMES: Record<number, string> = { 1: 'the region', 2: 'a municipality', 3: 'an organisation' }

/**
 * Checks one value against its data element: type, bounds, and the org level it is entered
 * at. Returns the value as stored (numbers; booleans as 1/0; text apart) or a reason.
 */
export function checkValue(
  el: CatalogElement,
  raw: unknown,
  unitLevel: number,
  /** Where the region's campaign has it entered; the manifest's level by default. */
  entryDepth = el.entryDepth,
):
  { ok: true; value: number | null; text: string | null } | { ok: false; field: 'value' | 'orgUnit'; message: string } {
  const d = el.definition
  if (unitLevel !== entryDepth)
    return {
      ok: false,
      field: 'orgUnit',
      message: `"${d.code}" is entered by ${LEVEL_NAMES[entryDepth]}, not by ${LEVEL_NAMES[unitLevel]}`,
    }
  if (raw === null) return { ok: true, value: null, text: null }
  switch (d.valueType) {
    case 'boolean':
      if (raw === true || raw === 1) return { ok: true, value: 1, text: null }
      if (raw === false || raw === 0) return { ok: true, value: 0, text: null }
      return { ok: false, field: 'value', message: `"${d.code}" takes true or false, got ${JSON.stringify(raw)}` }
    case 'text':
      if (typeof raw !== 'string') return { ok: false, field: 'value', message: `"${d.code}" takes text` }
      return { ok: true, value: null, text: raw }
    case 'document':
      return { ok: false, field: 'value', message: `"${d.code}" is a document: upload it as a file` }
    case 'integer':
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw))
        return { ok: false, field: 'value', message: `"${d.code}" takes a number, got ${JSON.stringify(raw)}` }
      if (d.valueType === 'integer' && !Number.isInteger(raw))
        return { ok: false, field: 'value', message: `"${d.code}" takes a whole number, got ${raw}` }
      if (d.min !== undefined && raw < d.min)
        return { ok: false, field: 'value', message: `${raw} is below the minimum ${d.min} of "${d.code}"` }
      if (d.max !== undefined && raw > d.max)
        return { ok: false, field: 'value', message: `${raw} is above the maximum ${d.max} of "${d.code}"` }
      return { ok: true, value: raw, text: null }
    }
  }
}
