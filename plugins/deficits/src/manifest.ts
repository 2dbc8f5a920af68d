import { definePlugin } from '@profmon/contract'

const SOURCE_CNPPM = { ru: 'Данные в ГБУ ДПО ЦНППМ', en: 'Data of the regional centre (CNPPM)' }
const SOURCE_ORGS = { ru: 'Данные образовательных организаций', en: 'Data of educational organisations' }

/** Seed 001 gives points per criterion; these bands are the defaults a region may change. */
const SHARE_POINTS = [
  { min: 30, points: 2 },
  { min: 10, max: 30, points: 1 },
  { max: 10, points: 0 },
]

/**
 * Professional deficits (выявление профессиональных дефицитов): seed 001 #1–4, seed 000 3.1–3.2,
 * seed 002, seed 003 (targets for the next year).
 */
export default definePlugin({
  id: 'deficits',
  version: '1.0.0',
  contract: '^1.0.0',
  order: 10,
  title: { ru: 'Выявление профессиональных дефицитов', en: 'Professional deficits' },
  shortTitle: { ru: 'Профессиональные дефициты', en: 'Professional deficits' },
  description: {
    ru: 'Диагностика профессиональных дефицитов педагогов, индивидуальные образовательные маршруты и адресное повышение квалификации',
    en: "Diagnostics of teachers' professional deficits, individual learning routes and targeted professional development",
  },
  dataElements: [
    {
      code: 'deficits.diagnosed',
      title: {
        ru: 'Количество педагогов, прошедших диагностику профессиональных дефицитов',
        en: 'Teachers who took the diagnostics of professional deficits',
      },
      demo: { of: 'core.teachers_total', share: [0.1, 0.45], trend: 0.25 },
      valueType: 'integer',
      min: 0,
      dimension: 'subject',
      required: true,
      derived: { count: 'people', event: 'diagnostics', filter: 'in_period', breakdown: 'subject' },
    },
    {
      code: 'deficits.with_deficit',
      title: {
        ru: 'Количество педагогов с выявленными дефицитами (по видам)',
        en: 'Teachers with a diagnosed deficit (by type)',
      },
      demo: { of: 'deficits.diagnosed', share: [0.05, 0.45], split: 'subsets', trend: -0.05 },
      valueType: 'integer',
      min: 0,
      dimension: 'deficit_type',
      derived: {
        count: 'people',
        event: 'diagnostics',
        filter: 'in_period and deficits > 0',
        breakdown: 'deficit_type',
      },
    },
    {
      code: 'deficits.iom_built',
      title: {
        ru: 'Количество педагогов с ИОМ, построенным на основе выявленных дефицитов',
        en: 'Teachers with an individual learning route built on their deficits',
      },
      demo: { of: 'core.teachers_total', share: [0.03, 0.25], trend: 0.3 },
      valueType: 'integer',
      min: 0,
      derived: { count: 'people', event: 'iom', filter: 'based_on_diagnostics' },
    },
    {
      code: 'deficits.iom_completed',
      title: {
        ru: 'Количество педагогов, завершивших индивидуальный образовательный маршрут',
        en: 'Teachers who completed their individual learning route',
      },
      demo: { of: 'deficits.iom_built', share: [0.2, 0.7], trend: 0.1 },
      valueType: 'integer',
      min: 0,
      derived: { count: 'people', event: 'iom', filter: 'based_on_diagnostics and completed' },
    },
    {
      code: 'deficits.targeted_pd',
      title: {
        ru: 'Количество педагогов, охваченных адресными программами ПК на основе диагностики дефицитов',
        en: 'Teachers in targeted professional development programmes based on the diagnostics',
      },
      demo: { of: 'core.teachers_total', share: [0.02, 0.1], trend: 0.15 },
      valueType: 'integer',
      min: 0,
      derived: { count: 'people', event: 'course', filter: 'based_on_diagnostics and completed_in_period' },
    },
    {
      code: 'deficits.pd_cnppm',
      title: {
        ru: 'Количество педагогов, прошедших ПК в ЦНППМ',
        en: 'Teachers trained at the regional centre (CNPPM)',
      },
      demo: { of: 'core.teachers_total', share: [0.08, 0.3], trend: 0.2 },
      valueType: 'integer',
      min: 0,
      derived: { count: 'people', event: 'course', filter: 'provider == "cnppm" and completed_in_period' },
    },
    {
      code: 'deficits.pd_federal',
      title: {
        ru: 'Количество педагогов, прошедших ПК по приоритетным федеральным программам',
        en: 'Teachers trained in priority federal programmes',
      },
      demo: { of: 'core.teachers_total', share: [0.05, 0.35], trend: 0.1 },
      valueType: 'integer',
      min: 0,
      derived: { count: 'people', event: 'course', filter: 'provider == "federal" and completed_in_period' },
    },
    {
      code: 'deficits.majority_assessed',
      title: {
        ru: 'Большинство педагогов организации прошли оценку профессионального мастерства',
        en: 'Most teachers of the organisation had their professional mastery assessed',
      },
      demo: { chance: 0.55, trend: 0.1 },
      valueType: 'boolean',
      aggregation: 'count_true',
    },
    {
      code: 'deficits.analysis_done',
      title: {
        ru: 'Проведён статистический и качественный анализ результатов диагностики',
        en: 'Statistical and qualitative analysis of the diagnostics is done',
      },
      demo: { chance: 0.8 },
      valueType: 'boolean',
      entryLevel: 'municipality',
      aggregation: 'any',
    },
  ],
  indicators: [
    {
      code: 'deficits.diagnosed_share',
      title: {
        ru: 'Доля педагогов, прошедших диагностику профессиональных дефицитов, от общего количества педагогов',
        en: 'Share of teachers who took the diagnostics of professional deficits',
      },
      shortTitle: { ru: 'Диагностика дефицитов', en: 'Deficit diagnostics' },
      kind: 'share',
      numerator: '#{deficits.diagnosed}',
      denominator: '#{core.teachers_total}',
      dimension: 'subject',
      // seed 003: "не менее 30% — очередной год"
      targets: [{ period: '2025-26', value: 30, tolerance: 5 }],
      scoring: SHARE_POINTS,
      source: SOURCE_CNPPM,
      seeds: ['001 #1', '000 3.2', '003'],
    },
    {
      code: 'deficits.deficit_type_share',
      title: {
        ru: 'Доля педагогов по каждому из видов дефицитов, в том числе по профессиональному выгоранию (от прошедших диагностику)',
        en: 'Share of diagnosed teachers by type of deficit, including professional burnout',
      },
      shortTitle: { ru: 'Дефициты по видам', en: 'Deficits by type' },
      kind: 'share',
      numerator: '#{deficits.with_deficit}',
      denominator: '#{deficits.diagnosed}',
      dimension: 'deficit_type',
      polarity: 'lower',
      source: SOURCE_CNPPM,
      seeds: ['001 #2'],
    },
    {
      code: 'deficits.iom_share',
      title: {
        ru: 'Доля индивидуальных образовательных маршрутов (ИОМ), построенных на основе профессиональных дефицитов',
        en: 'Share of teachers with an individual learning route based on their deficits',
      },
      shortTitle: { ru: 'ИОМ', en: 'Learning routes' },
      kind: 'share',
      numerator: '#{deficits.iom_built}',
      denominator: '#{core.teachers_total}',
      // seed 003: "ИОМ — 10%, очередной год — 20%"
      targets: [
        { period: '2024-25', value: 10, tolerance: 2 },
        { period: '2025-26', value: 20, tolerance: 3 },
      ],
      scoring: SHARE_POINTS,
      source: SOURCE_CNPPM,
      seeds: ['001 #3', '003'],
    },
    {
      code: 'deficits.targeted_pd_share',
      title: {
        ru: 'Доля педагогов, охваченных адресными программами ПК, разработанными на основе диагностики профессиональных дефицитов',
        en: 'Share of teachers in targeted professional development based on the diagnostics',
      },
      shortTitle: { ru: 'Адресные программы ПК', en: 'Targeted PD' },
      kind: 'share',
      numerator: '#{deficits.targeted_pd}',
      denominator: '#{core.teachers_total}',
      // seed 003: "значение 5%, очередной год — 6,8%"
      targets: [
        { period: '2024-25', value: 5, tolerance: 1 },
        { period: '2025-26', value: 6.8, tolerance: 1 },
      ],
      source: SOURCE_CNPPM,
      seeds: ['001 #4', '000 3.1', '003'],
    },
    {
      code: 'deficits.cnppm_pd_share',
      title: {
        ru: 'Доля педагогов, прошедших ПК в ЦНППМ',
        en: 'Share of teachers trained at the regional centre (CNPPM)',
      },
      shortTitle: { ru: 'ПК в ЦНППМ', en: 'PD at CNPPM' },
      kind: 'share',
      numerator: '#{deficits.pd_cnppm}',
      denominator: '#{core.teachers_total}',
      // seed 003: "ЦНППМ значение 12%; факт 19% — соответствие; очередной у.г. — 26%"
      targets: [
        { period: '2024-25', value: 12, tolerance: 2 },
        { period: '2025-26', value: 26, tolerance: 4 },
      ],
      source: SOURCE_CNPPM,
      seeds: ['002', '003'],
    },
    {
      code: 'deficits.federal_pd_share',
      title: {
        ru: 'Доля педагогов, прошедших ПК по приоритетным федеральным программам',
        en: 'Share of teachers trained in priority federal programmes',
      },
      shortTitle: { ru: 'ПК по федеральным программам', en: 'Federal PD programmes' },
      kind: 'share',
      numerator: '#{deficits.pd_federal}',
      denominator: '#{core.teachers_total}',
      source: SOURCE_ORGS,
      seeds: ['002'],
    },
    {
      code: 'deficits.orgs_assessed_share',
      title: {
        ru: 'Доля ОО, в которых большинство педагогов прошли оценку профессионального мастерства',
        en: 'Share of organisations where most teachers had their mastery assessed',
      },
      shortTitle: { ru: 'ОО с оценкой мастерства', en: 'Organisations with mastery assessment' },
      kind: 'share',
      numerator: '#{deficits.majority_assessed}',
      denominator: 'orgCount(#{deficits.majority_assessed})',
      levels: ['region', 'municipality'],
      source: SOURCE_ORGS,
      seeds: ['003'],
    },
    {
      code: 'deficits.analysis_presence',
      title: {
        ru: 'Наличие статистического и качественного анализа результатов диагностики профессиональных дефицитов',
        en: 'Statistical and qualitative analysis of the diagnostics is available',
      },
      shortTitle: { ru: 'Анализ диагностики', en: 'Diagnostics analysis' },
      kind: 'presence',
      formula: '#{deficits.analysis_done}',
      targets: [{ value: 1 }],
      evidence: [
        {
          code: 'deficits.analysis_report',
          title: { ru: 'Аналитическая справка по результатам диагностики', en: 'Analytical report on the diagnostics' },
        },
      ],
      levels: ['region', 'municipality'],
      source: SOURCE_CNPPM,
      seeds: ['001 #1', '001 #2'],
    },
    {
      code: 'deficits.iom_completed_share',
      title: {
        ru: 'Доля завершённых индивидуальных образовательных маршрутов (ИОМ)',
        en: 'Share of completed individual learning routes',
      },
      shortTitle: { ru: 'Завершённые ИОМ', en: 'Completed routes' },
      kind: 'share',
      numerator: '#{deficits.iom_completed}',
      denominator: '#{deficits.iom_built}',
      source: SOURCE_CNPPM,
      seeds: ['004'],
    },
  ],
  validationRules: [
    {
      code: 'deficits.diagnosed_le_total',
      left: '#{deficits.diagnosed}',
      operator: '<=',
      right: '#{core.teachers_total}',
      perOption: true,
      message: {
        ru: 'Прошедших диагностику не может быть больше, чем педагогов',
        en: 'Diagnosed teachers cannot exceed teachers',
      },
    },
    {
      code: 'deficits.teachers_by_subject_sum',
      left: '#{core.teachers_total}[*]',
      operator: '==',
      right: '#{core.teachers_total}',
      message: {
        ru: 'Сумма педагогов по предметам должна совпадать с общим количеством',
        en: 'Teachers by subject must add up to the total',
      },
    },
    {
      code: 'deficits.diagnosed_by_subject_sum',
      left: '#{deficits.diagnosed}[*]',
      operator: '==',
      right: '#{deficits.diagnosed}',
      message: {
        ru: 'Сумма прошедших диагностику по предметам должна совпадать с общим количеством',
        en: 'Diagnosed teachers by subject must add up to the total',
      },
    },
    {
      code: 'deficits.deficit_le_diagnosed',
      left: '#{deficits.with_deficit}',
      operator: '<=',
      right: '#{deficits.diagnosed}',
      perOption: true,
      message: {
        ru: 'Педагогов с дефицитом одного вида не может быть больше, чем прошедших диагностику',
        en: 'Teachers with one type of deficit cannot exceed diagnosed teachers',
      },
    },
    ...(['iom_built', 'targeted_pd', 'pd_cnppm', 'pd_federal'] as const).map((code) => ({
      code: `deficits.${code}_le_total`,
      left: `#{deficits.${code}}`,
      operator: '<=' as const,
      right: '#{core.teachers_total}',
      message: {
        ru: 'Значение не может превышать общее количество педагогов',
        en: 'The value cannot exceed the number of teachers',
      },
    })),
  ],
  recommendations: [
    {
      code: 'deficits.diagnostics_low_school',
      indicator: 'deficits.diagnosed_share',
      when: { status: ['not_met', 'partly_met'] },
      addressee: 'school_leadership',
      levels: ['organization'],
      text: {
        ru: 'Обеспечить прохождение диагностики профессиональных дефицитов педагогами, не прошедшими её в текущем году; включить диагностику в план методической работы.',
        en: 'Make sure teachers who have not taken the diagnostics this year take it; put it in the methodical work plan.',
      },
    },
    {
      code: 'deficits.diagnostics_low_municipality',
      indicator: 'deficits.diagnosed_share',
      when: { status: ['not_met'] },
      addressee: 'municipal_authority',
      levels: ['municipality'],
      text: {
        ru: 'Организовать муниципальный график диагностики профессиональных дефицитов совместно с ЦНППМ и контроль охвата по образовательным организациям.',
        en: 'Set up a municipal schedule of diagnostics with the regional centre and monitor coverage by organisation.',
      },
    },
    {
      code: 'deficits.burnout_high',
      indicator: 'deficits.deficit_type_share',
      when: { above: 25 },
      addressee: 'methodical_support',
      text: {
        ru: 'Разработать программы профилактики профессионального выгорания и психологической поддержки педагогов.',
        en: 'Develop programmes to prevent professional burnout and support teachers psychologically.',
      },
    },
    {
      code: 'deficits.iom_low',
      indicator: 'deficits.iom_share',
      when: { status: ['not_met'] },
      addressee: 'teachers',
      text: {
        ru: 'Построить индивидуальный образовательный маршрут на основе результатов диагностики с учётом ресурсов школьного, муниципального и регионального уровней.',
        en: 'Build an individual learning route on the diagnostics, using school, municipal and regional resources.',
      },
    },
    {
      code: 'deficits.targeted_pd_low',
      indicator: 'deficits.targeted_pd_share',
      when: { status: ['not_met', 'partly_met'] },
      addressee: 'methodical_support',
      text: {
        ru: 'Расширить перечень адресных программ повышения квалификации, разработанных на основе выявленных дефицитов.',
        en: 'Widen the range of targeted professional development programmes based on diagnosed deficits.',
      },
    },
  ],
  ui: { exposes: ['./View'] },
})
