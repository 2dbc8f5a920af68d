import type { QualityFlag } from '../../quality/data-quality.ts'
import type { RecommendationView } from '../../recommendations/recommendations.ts'
import type { Catalog } from '../../catalog/catalog.ts'
import { buildTableWorkbook } from './table-workbook.ts'

const REASONS: Record<QualityFlag['reason'], string> = {
  missing: 'пропуски',
  late: 'нарушение срока',
  outlier: 'выброс',
  jump: 'скачок',
  disagreed: 'расхождение копий',
}

const ADDRESSEES: Record<RecommendationView['addressee'], string> = {
  teachers: 'педагогам',
  school_leadership: 'руководству образовательных организаций',
  methodical_support: 'методическим службам',
  municipal_authority: 'муниципальному органу управления образованием',
}

const STATES: Record<RecommendationView['state'], string> = {
  draft: 'черновик',
  published: 'опубликована',
  acknowledged: 'ознакомлены',
  withdrawn: 'отозвана',
}

/** `2026-03-02T…` → `02.03.2026`, as the shell shows dates; empty when missing. */
const ruDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : null)

/**
 * Data-quality flags as XLSX, one row per flag with the reason in Russian, the value and what was
 * expected (previous value, peers' median, deadline).
 *
 * @example
 * await dataQualityWorkbook(catalog, 'Демонстрационный край, 2025/26 учебный год', flags)
 */
export function dataQualityWorkbook(catalog: Catalog, title: string, flags: readonly QualityFlag[]): Promise<Buffer> {
  return buildTableWorkbook(
    'Качество данных',
    `Качество данных: ${title}`,
    [
      { key: 'unit', header: 'Организация', width: 40 },
      { key: 'direction', header: 'Направление', width: 30 },
      { key: 'element', header: 'Показатель (данные)', width: 50 },
      { key: 'option', header: 'Разрез', width: 16 },
      { key: 'reason', header: 'Причина', width: 18 },
      { key: 'value', header: 'Значение', width: 14 },
      { key: 'expected', header: 'Ожидалось', width: 14 },
    ],
    flags.map((f) => ({
      unit: f.orgUnitName,
      direction: catalog.plugins.get(f.plugin)?.title.ru ?? f.plugin,
      element: f.elementTitle ?? '',
      option: f.option,
      reason: REASONS[f.reason],
      value: f.value,
      expected: f.expected,
    })),
  )
}

/**
 * Recommendations as XLSX, one row per recommendation: addressed unit, addressee, direction,
 * indicators, text, state, dates and who acknowledged.
 *
 * @example
 * await recommendationsWorkbook(catalog, 'Демонстрационный край, 2025/26 учебный год', items)
 */
export function recommendationsWorkbook(
  catalog: Catalog,
  title: string,
  items: readonly RecommendationView[],
): Promise<Buffer> {
  const indicatorTitle = (code: string) => catalog.indicators.get(code)?.compiled.indicator.title.ru ?? code
  return buildTableWorkbook(
    'Рекомендации',
    `Адресные рекомендации: ${title}`,
    [
      { key: 'unit', header: 'Кому (организация)', width: 40 },
      { key: 'addressee', header: 'Адресат', width: 28 },
      { key: 'direction', header: 'Направление', width: 28 },
      { key: 'indicators', header: 'Показатели', width: 40 },
      { key: 'text', header: 'Рекомендация', width: 80 },
      { key: 'state', header: 'Состояние', width: 14 },
      { key: 'created', header: 'Создана', width: 12 },
      { key: 'published', header: 'Опубликована', width: 12 },
      { key: 'acknowledgedBy', header: 'Ознакомлен', width: 24 },
      { key: 'acknowledged', header: 'Дата ознакомления', width: 12 },
    ],
    items.map((r) => ({
      unit: r.orgUnitName,
      addressee: ADDRESSEES[r.addressee],
      direction: r.plugin ? (catalog.plugins.get(r.plugin)?.title.ru ?? r.plugin) : null,
      indicators: r.indicators.map(indicatorTitle).join('; '),
      text: r.text,
      state: STATES[r.state],
      created: ruDate(r.createdAt),
      published: ruDate(r.publishedAt),
      acknowledgedBy: r.acknowledgedBy,
      acknowledged: ruDate(r.acknowledgedAt),
    })),
  )
}
