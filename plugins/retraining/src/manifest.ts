import { definePlugin } from '@profmon/contract'

const SOURCE_CNPPM = { ru: 'Данные в ГБУ ДПО ЦНППМ', en: 'Data of the regional centre (CNPPM)' }
const SOURCE_MUNICIPAL = {
  ru: 'Данные муниципального органа управления образованием',
  en: 'Data of the municipal education authority',
}
const SOURCE_SURVEY = {
  ru: 'Опросы руководителей образовательных организаций и педагогических работников',
  en: 'Surveys of school heads and teachers',
}

/**
 * Seed 001 gives points per criterion; these bands are the defaults a region may change.
 * Most retrained specialists should take pedagogical programmes, so the bands sit higher than
 * the coverage bands of other directions.
 */
const PEDAGOGICAL_POINTS = [
  { min: 70, points: 2 },
  { min: 40, max: 70, points: 1 },
  { max: 40, points: 0 },
]

/**
 * Professional retraining in pedagogical programmes (профессиональная переподготовка по
 * программам педагогической направленности): seed 001 #5 and 2.2.3, seed 000 3.1–3.3,
 * seed 004 #3.
 */
export default definePlugin({
  id: 'retraining',
  version: '1.0.0',
  contract: '^1.0.0',
  order: 20,
  title: {
    ru: 'Профессиональная переподготовка по программам педагогической направленности',
    en: 'Professional retraining in pedagogical programmes',
  },
  shortTitle: { ru: 'Переподготовка', en: 'Retraining' },
  description: {
    ru: 'Профессиональная переподготовка специалистов по образовательным программам педагогической направленности, учёт организаций ДПО и удовлетворённость педагогов качеством ДПО',
    en: 'Retraining of specialists in pedagogical programmes, the providers of continuing professional education and teachers’ satisfaction with it',
  },
  dataElements: [
    {
      code: 'retraining.retrained_total',
      title: {
        ru: 'Количество специалистов, прошедших программы профессиональной переподготовки (все программы)',
        en: 'Specialists who completed a professional retraining programme (any programme)',
      },
      demo: { range: [0, 6], trend: 0.05 },
      valueType: 'integer',
      min: 0,
      required: true,
    },
    {
      code: 'retraining.retrained_pedagogical',
      title: {
        ru: 'Количество специалистов, прошедших переподготовку по образовательным программам педагогической направленности',
        en: 'Specialists retrained in pedagogical programmes',
      },
      demo: { of: 'retraining.retrained_total', share: [0.5, 0.95], trend: 0.03 },
      valueType: 'integer',
      min: 0,
      required: true,
    },
    {
      code: 'retraining.retrained_cnppm',
      title: {
        ru: 'Количество специалистов, прошедших профессиональную переподготовку в ЦНППМ',
        en: 'Specialists retrained at the regional centre (CNPPM)',
      },
      demo: { of: 'retraining.retrained_total', share: [0.1, 0.5], trend: 0.1 },
      valueType: 'integer',
      min: 0,
    },
    {
      code: 'retraining.dpo_providers',
      title: {
        ru: 'Количество организаций, реализующих программы ДПО, в которых педагоги муниципалитета проходят повышение квалификации',
        en: 'Providers of continuing professional education used by the municipality’s teachers',
      },
      description: {
        ru: 'Учитываются разные организации; одна организация, обучающая педагогов нескольких муниципалитетов, считается в каждом из них, поэтому значения муниципалитетов не суммируются',
        en: 'Distinct organisations; one that trains teachers of several municipalities is counted in each, so municipal values are not added up',
      },
      demo: { range: [2, 12] },
      valueType: 'integer',
      entryLevel: 'municipality',
      aggregation: 'max',
      min: 0,
    },
    {
      code: 'retraining.dpo_surveyed',
      title: {
        ru: 'Количество педагогов, ответивших на опрос об удовлетворённости качеством ДПО',
        en: 'Teachers who answered the survey on the quality of continuing professional education',
      },
      demo: { range: [5, 50] },
      valueType: 'integer',
      min: 0,
    },
    {
      code: 'retraining.dpo_satisfied',
      title: {
        ru: 'Количество педагогов, удовлетворённых качеством ДПО (по результатам опроса)',
        en: 'Teachers satisfied with the quality of continuing professional education (survey)',
      },
      demo: { of: 'retraining.dpo_surveyed', share: [0.55, 0.95], trend: 0.02 },
      valueType: 'integer',
      min: 0,
    },
    {
      code: 'retraining.analysis_done',
      title: {
        ru: 'Проведён статистический анализ профессиональной переподготовки по региону',
        en: 'Statistical analysis of retraining across the region is done',
      },
      demo: { chance: 0.8 },
      valueType: 'boolean',
      entryLevel: 'region',
      aggregation: 'any',
    },
  ],
  indicators: [
    {
      code: 'retraining.pedagogical_share',
      title: {
        ru: 'Доля специалистов, прошедших программу переподготовки по образовательным программам педагогической направленности, от общего количества специалистов, прошедших различные программы переподготовки',
        en: 'Share of specialists retrained in pedagogical programmes among all retrained specialists',
      },
      shortTitle: { ru: 'Педагогическая переподготовка', en: 'Pedagogical retraining' },
      kind: 'share',
      numerator: '#{retraining.retrained_pedagogical}',
      denominator: '#{retraining.retrained_total}',
      scoring: PEDAGOGICAL_POINTS,
      source: SOURCE_CNPPM,
      seeds: ['001 #5'],
    },
    {
      code: 'retraining.cnppm_share',
      title: {
        ru: 'Доля специалистов, прошедших профессиональную переподготовку в ЦНППМ',
        en: 'Share of retrained specialists trained at the regional centre (CNPPM)',
      },
      description: {
        ru: 'От общего количества специалистов, прошедших различные программы переподготовки',
        en: 'Out of all specialists who completed any retraining programme',
      },
      shortTitle: { ru: 'Переподготовка в ЦНППМ', en: 'Retraining at CNPPM' },
      kind: 'share',
      numerator: '#{retraining.retrained_cnppm}',
      denominator: '#{retraining.retrained_total}',
      source: SOURCE_CNPPM,
      seeds: ['001 #5'],
    },
    {
      code: 'retraining.dpo_providers_count',
      title: {
        ru: 'Количество организаций, реализующих программы ДПО, в которых педагогические работники проходят повышение квалификации (учёт)',
        en: 'Providers of continuing professional education where teachers are trained (register)',
      },
      shortTitle: { ru: 'Организации ДПО', en: 'PD providers' },
      kind: 'count',
      formula: '#{retraining.dpo_providers}',
      unit: { ru: 'организаций', en: 'organisations' },
      decimals: 0,
      // A count of distinct organisations cannot be added up over municipalities.
      levels: ['municipality'],
      source: SOURCE_MUNICIPAL,
      seeds: ['004 #3'],
    },
    {
      code: 'retraining.dpo_satisfaction_share',
      title: {
        ru: 'Доля педагогов, удовлетворённых качеством дополнительного профессионального образования (по результатам опроса)',
        en: 'Share of teachers satisfied with the quality of continuing professional education (survey)',
      },
      shortTitle: { ru: 'Удовлетворённость ДПО', en: 'Satisfaction with PD' },
      kind: 'share',
      numerator: '#{retraining.dpo_satisfied}',
      denominator: '#{retraining.dpo_surveyed}',
      source: SOURCE_SURVEY,
      seeds: ['000 3.2'],
    },
    {
      code: 'retraining.analysis_presence',
      title: {
        ru: 'Наличие статистического анализа по региону по профессиональной переподготовке педагогических работников',
        en: 'Statistical analysis of retraining across the region is available',
      },
      shortTitle: { ru: 'Анализ переподготовки', en: 'Retraining analysis' },
      kind: 'presence',
      formula: '#{retraining.analysis_done}',
      targets: [{ value: 1 }],
      evidence: [
        {
          code: 'retraining.analysis_report',
          title: {
            ru: 'Статистический анализ (аналитическая справка) по профессиональной переподготовке педагогических работников региона',
            en: 'Statistical analysis (analytical report) of retraining in the region',
          },
        },
      ],
      levels: ['region'],
      source: SOURCE_CNPPM,
      seeds: ['001 #5'],
    },
  ],
  validationRules: [
    {
      code: 'retraining.pedagogical_le_total',
      left: '#{retraining.retrained_pedagogical}',
      operator: '<=',
      right: '#{retraining.retrained_total}',
      message: {
        ru: 'Прошедших переподготовку по педагогическим программам не может быть больше, чем всех прошедших переподготовку',
        en: 'Specialists retrained in pedagogical programmes cannot exceed all retrained specialists',
      },
    },
    {
      code: 'retraining.cnppm_le_total',
      left: '#{retraining.retrained_cnppm}',
      operator: '<=',
      right: '#{retraining.retrained_total}',
      message: {
        ru: 'Прошедших переподготовку в ЦНППМ не может быть больше, чем всех прошедших переподготовку',
        en: 'Specialists retrained at CNPPM cannot exceed all retrained specialists',
      },
    },
    {
      code: 'retraining.satisfied_le_surveyed',
      left: '#{retraining.dpo_satisfied}',
      operator: '<=',
      right: '#{retraining.dpo_surveyed}',
      message: {
        ru: 'Удовлетворённых качеством ДПО не может быть больше, чем участников опроса',
        en: 'Satisfied teachers cannot exceed the survey respondents',
      },
    },
  ],
  recommendations: [
    {
      code: 'retraining.pedagogical_low',
      indicator: 'retraining.pedagogical_share',
      when: { below: 50 },
      addressee: 'municipal_authority',
      levels: ['region', 'municipality'],
      text: {
        ru: 'Организовать профессиональную переподготовку по образовательным программам педагогической направленности на основе выявленных кадровых потребностей образовательных организаций.',
        en: 'Organise retraining in pedagogical programmes based on the staffing needs identified in the organisations.',
      },
    },
    {
      code: 'retraining.cnppm_low',
      indicator: 'retraining.cnppm_share',
      when: { below: 20 },
      addressee: 'school_leadership',
      levels: ['organization'],
      text: {
        ru: 'Планировать взаимодействие образовательной организации с ЦНППМ при направлении специалистов на профессиональную переподготовку.',
        en: 'Plan the cooperation with the regional centre (CNPPM) when sending specialists to retraining.',
      },
    },
    {
      code: 'retraining.satisfaction_low',
      indicator: 'retraining.dpo_satisfaction_share',
      when: { below: 70 },
      addressee: 'methodical_support',
      text: {
        ru: 'Разработать адресные рекомендации по повышению качества дополнительного профессионального образования с учётом результатов опросов руководителей и педагогических работников.',
        en: 'Draw up targeted recommendations to improve continuing professional education, using the surveys of heads and teachers.',
      },
    },
    {
      code: 'retraining.analysis_missing',
      indicator: 'retraining.analysis_presence',
      when: { status: ['not_met'] },
      addressee: 'methodical_support',
      levels: ['region'],
      text: {
        ru: 'Подготовить статистический анализ профессиональной переподготовки по региону и аналитические материалы для муниципальных органов управления образованием.',
        en: 'Prepare the statistical analysis of retraining across the region and analytical materials for the municipal authorities.',
      },
    },
  ],
  ui: { exposes: ['./View'] },
})
