import { definePlugin } from '@profmon/contract'

const SOURCE_CNPPM = { ru: 'Данные в ГБУ ДПО ЦНППМ', en: 'Data of the regional centre (CNPPM)' }
const SOURCE_ORGS = { ru: 'Данные образовательных организаций', en: 'Data of educational organisations' }

/** Seed 001 gives points per criterion; these bands are the defaults a region may change. */
const DISTANCE_POINTS = [
  { min: 50, points: 2 },
  { min: 20, max: 50, points: 1 },
  { max: 20, points: 0 },
]

/**
 * Digital environment of continuing professional education (развитие цифровой
 * образовательной среды ДПО): seed 001 #6–7 and 2.2.4, seed 002, seed 003 ("Профсреда"),
 * seed 004 #13.
 */
export default definePlugin({
  id: 'digital-environment',
  version: '1.0.0',
  contract: '^1.0.0',
  order: 30,
  title: {
    ru: 'Развитие цифровой образовательной среды дополнительного профессионального образования',
    en: 'Digital environment of continuing professional education',
  },
  shortTitle: { ru: 'Цифровая среда ДПО', en: 'Digital environment' },
  description: {
    ru: 'Обучение педагогов по ДПП в дистанционной форме, программы ДПО с электронным обучением и использование региональных цифровых образовательных сред',
    en: 'Distance learning in professional development programmes, e-learning programmes and the use of regional digital environments',
  },
  dataElements: [
    {
      code: 'digital_environment.dpp_trained',
      title: {
        ru: 'Количество педагогов, прошедших обучение по дополнительным профессиональным программам (во всех формах)',
        en: 'Teachers who completed a professional development programme (any form)',
      },
      demo: { of: 'core.teachers_total', share: [0.2, 0.6], trend: 0.05 },
      valueType: 'integer',
      min: 0,
      required: true,
    },
    {
      code: 'digital_environment.dpp_distance',
      title: {
        ru: 'Количество педагогов, прошедших обучение по дополнительным профессиональным программам в дистанционной форме',
        en: 'Teachers who completed a professional development programme by distance learning',
      },
      demo: { of: 'digital_environment.dpp_trained', share: [0.2, 0.7], trend: 0.15 },
      valueType: 'integer',
      min: 0,
      required: true,
    },
    {
      code: 'digital_environment.regional_env_users',
      title: {
        ru: 'Количество педагогов, использующих региональные цифровые образовательные среды для дополнительного профессионального образования',
        en: 'Teachers using the regional digital environments for professional development',
      },
      demo: { of: 'core.teachers_total', share: [0.05, 0.3], trend: 0.3 },
      valueType: 'integer',
      min: 0,
    },
    {
      code: 'digital_environment.dpo_programs',
      title: {
        ru: 'Количество реализуемых программ ДПО, разработанных в регионе',
        en: 'Continuing professional education programmes developed in the region',
      },
      demo: { range: [40, 160], trend: 0.05 },
      valueType: 'integer',
      entryLevel: 'region',
      min: 0,
    },
    {
      code: 'digital_environment.dpo_programs_elearning',
      title: {
        ru: 'Количество программ ДПО, разработанных в регионе и реализуемых с применением электронного обучения',
        en: 'Programmes developed in the region that use e-learning',
      },
      demo: { of: 'digital_environment.dpo_programs', share: [0.2, 0.6], trend: 0.1 },
      valueType: 'integer',
      entryLevel: 'region',
      min: 0,
    },
  ],
  indicators: [
    {
      code: 'digital_environment.distance_share',
      title: {
        ru: 'Доля педагогических работников, прошедших обучение по дополнительным профессиональным программам в дистанционной форме',
        en: 'Share of teachers trained in professional development programmes by distance learning',
      },
      description: {
        ru: 'От числа педагогов, прошедших обучение по ДПП в отчётном периоде во всех формах',
        en: 'Out of the teachers who completed a professional development programme in the period, in any form',
      },
      shortTitle: { ru: 'ДПП в дистанционной форме', en: 'Distance PD' },
      kind: 'share',
      numerator: '#{digital_environment.dpp_distance}',
      denominator: '#{digital_environment.dpp_trained}',
      scoring: DISTANCE_POINTS,
      source: SOURCE_CNPPM,
      seeds: ['001 #6'],
    },
    {
      code: 'digital_environment.elearning_programs_share',
      title: {
        ru: 'Доля программ ДПО, реализуемых с применением электронного обучения, разработанных в регионе',
        en: 'Share of programmes developed in the region that use e-learning',
      },
      shortTitle: { ru: 'Программы с электронным обучением', en: 'E-learning programmes' },
      kind: 'share',
      numerator: '#{digital_environment.dpo_programs_elearning}',
      denominator: '#{digital_environment.dpo_programs}',
      levels: ['region'],
      source: SOURCE_CNPPM,
      seeds: ['001 #7'],
    },
    {
      code: 'digital_environment.regional_env_share',
      title: {
        ru: 'Доля педагогов, использующих региональные цифровые образовательные среды для дополнительного профессионального образования',
        en: 'Share of teachers using the regional digital environments for professional development',
      },
      shortTitle: { ru: 'Цифровая профсреда', en: 'Digital environment' },
      kind: 'share',
      numerator: '#{digital_environment.regional_env_users}',
      denominator: '#{core.teachers_total}',
      // seed 003: "Профсреда — значение 10%, несоответствие; очередной год — 20%"
      targets: [
        { period: '2024-25', value: 10, tolerance: 2 },
        { period: '2025-26', value: 20, tolerance: 3 },
      ],
      source: SOURCE_ORGS,
      seeds: ['002', '003'],
    },
  ],
  validationRules: [
    {
      code: 'digital_environment.trained_le_total',
      left: '#{digital_environment.dpp_trained}',
      operator: '<=',
      right: '#{core.teachers_total}',
      message: {
        ru: 'Прошедших обучение по ДПП не может быть больше, чем педагогов',
        en: 'Teachers trained in programmes cannot exceed teachers',
      },
    },
    {
      code: 'digital_environment.distance_le_trained',
      left: '#{digital_environment.dpp_distance}',
      operator: '<=',
      right: '#{digital_environment.dpp_trained}',
      message: {
        ru: 'Прошедших обучение в дистанционной форме не может быть больше, чем всех прошедших обучение по ДПП',
        en: 'Teachers trained by distance learning cannot exceed all trained teachers',
      },
    },
    {
      code: 'digital_environment.env_users_le_total',
      left: '#{digital_environment.regional_env_users}',
      operator: '<=',
      right: '#{core.teachers_total}',
      message: {
        ru: 'Использующих региональные цифровые среды не может быть больше, чем педагогов',
        en: 'Users of the regional environments cannot exceed teachers',
      },
    },
    {
      code: 'digital_environment.elearning_le_programs',
      left: '#{digital_environment.dpo_programs_elearning}',
      operator: '<=',
      right: '#{digital_environment.dpo_programs}',
      message: {
        ru: 'Программ с электронным обучением не может быть больше, чем всех программ ДПО, разработанных в регионе',
        en: 'E-learning programmes cannot exceed all programmes developed in the region',
      },
    },
  ],
  recommendations: [
    {
      code: 'digital_environment.env_low_school',
      indicator: 'digital_environment.regional_env_share',
      when: { status: ['not_met', 'partly_met'] },
      addressee: 'school_leadership',
      levels: ['organization'],
      text: {
        ru: 'Принять меры по использованию цифровой образовательной среды дополнительного профессионального образования педагогическими работниками: включить работу в региональной цифровой среде в план методической работы.',
        en: 'Take measures so that teachers use the digital environment of professional education: put work in the regional environment into the methodical work plan.',
      },
    },
    {
      code: 'digital_environment.env_low_teachers',
      indicator: 'digital_environment.regional_env_share',
      when: { status: ['not_met'] },
      addressee: 'teachers',
      levels: ['organization'],
      text: {
        ru: 'Использовать региональные цифровые образовательные среды для построения индивидуального образовательного маршрута и обновления профессиональных знаний.',
        en: 'Use the regional digital environments for your individual learning route and to update your professional knowledge.',
      },
    },
    {
      code: 'digital_environment.distance_low',
      indicator: 'digital_environment.distance_share',
      when: { below: 20 },
      addressee: 'methodical_support',
      text: {
        ru: 'Расширить перечень дополнительных профессиональных программ и модулей, реализуемых в дистанционной форме.',
        en: 'Widen the range of professional development programmes and modules offered by distance learning.',
      },
    },
    {
      code: 'digital_environment.elearning_low',
      indicator: 'digital_environment.elearning_programs_share',
      when: { below: 30 },
      addressee: 'methodical_support',
      levels: ['region'],
      text: {
        ru: 'Разработать модули и программы ДПО, реализуемые с применением электронного обучения и дистанционных образовательных технологий.',
        en: 'Develop modules and programmes delivered with e-learning and distance technologies.',
      },
    },
  ],
  ui: { exposes: ['./View'] },
})
