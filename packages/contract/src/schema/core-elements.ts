import { dataElementSchema, type DataElement } from './data-element.ts'
import { formulaRefs } from '../formula/check.ts'
import { parseFormula } from '../formula/parse.ts'
import type { PluginManifest } from './manifest.ts'

/**
 * The code prefix of core data elements: facts several directions need, owned by the core and
 * stated once per org unit and period (issue 16). No plugin may use it.
 *
 * @example
 * 'core.teachers_total'.startsWith(CORE_ELEMENT_PREFIX) // true
 */
export const CORE_ELEMENT_PREFIX = 'core.'

const PEOPLE_TOTAL = { ru: 'Количество педагогических работников', en: 'Teachers, total' }

/**
 * Core data elements shared by every plugin: any manifest may reference them in its formulas,
 * and they are entered (or derived from the teacher registry) once, whatever direction's form
 * shows them.
 *
 * @example
 * CORE_DATA_ELEMENTS.map((e) => e.code) // ['core.teachers_total', 'core.teachers_under_35', 'core.teachers_by_cluster']
 */
export const CORE_DATA_ELEMENTS: readonly DataElement[] = [
  {
    code: 'core.teachers_total',
    title: PEOPLE_TOTAL,
    description: { ru: 'Всего и по преподаваемым предметам', en: 'In total and by subject taught' },
    valueType: 'integer',
    min: 0,
    required: true,
    dimension: 'subject',
    demo: { range: [15, 90], trend: 0.01 },
    derived: { count: 'people', breakdown: 'subject' },
  },
  {
    code: 'core.teachers_under_35',
    title: { ru: 'Количество педагогов в возрасте до 35 лет', en: 'Teachers under 35' },
    valueType: 'integer',
    min: 0,
    required: true,
    demo: { of: 'core.teachers_total', share: [0.05, 0.25], trend: 0.02 },
    derived: { count: 'people', filter: 'age < 35' },
  },
  {
    code: 'core.teachers_by_cluster',
    title: { ru: 'Количество педагогов по кластерам кадров', en: 'Teachers by staff cluster' },
    description: {
      ru: 'Кластеры пересекаются: молодой руководитель входит в оба. Итог — все педагоги',
      en: 'Clusters overlap: a young head is in both. The total is every teacher',
    },
    valueType: 'integer',
    min: 0,
    dimension: 'staff_cluster',
    demo: { of: 'core.teachers_total', share: [0.05, 0.3], split: 'subsets' },
    derived: { count: 'people', breakdown: 'staff_cluster' },
  },
].map((e) => dataElementSchema.parse(e))

/**
 * Core data elements a manifest refers to in its indicators, validation rules and demo hints,
 * in {@link CORE_DATA_ELEMENTS} order: the direction's forms and templates show them with its own.
 *
 * @example
 * coreElementsUsedBy(manifest).map((e) => e.code) // ['core.teachers_total']
 */
export function coreElementsUsedBy(
  manifest: Pick<PluginManifest, 'indicators' | 'validationRules' | 'dataElements'>,
): DataElement[] {
  const used = new Set<string>()
  const texts = [
    ...manifest.indicators.flatMap((i) => [i.numerator, i.denominator, i.formula]),
    ...manifest.validationRules.flatMap((r) => [r.left, r.right]),
  ]
  for (const text of texts) {
    if (!text || !text.includes(CORE_ELEMENT_PREFIX)) continue
    try {
      for (const ref of formulaRefs(parseFormula(text))) used.add(ref.code)
    } catch {
      // a broken formula is reported by the manifest's validation
    }
  }
  for (const e of manifest.dataElements) if (e.demo?.of) used.add(e.demo.of)
  return CORE_DATA_ELEMENTS.filter((e) => used.has(e.code))
}

/**
 * The data elements a manifest's forms, templates and tests work with: the core elements it
 * refers to, then its own.
 *
 * @example
 * elementsOf(manifest).some((e) => e.code === 'core.teachers_total') // true for the deficits direction
 */
export function elementsOf(
  manifest: Pick<PluginManifest, 'indicators' | 'validationRules' | 'dataElements'>,
): DataElement[] {
  return [...coreElementsUsedBy(manifest), ...manifest.dataElements]
}
