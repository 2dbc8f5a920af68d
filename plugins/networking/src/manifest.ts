import { definePlugin } from '@profmon/contract'

const SOURCE_CNPPM = { ru: 'Данные в ГБУ ДПО ЦНППМ', en: 'Data of the regional centre (CNPPM)' }
const SOURCE_COMMUNITIES_IS = {
  ru: 'Региональная информационная система методических объединений и профессиональных сообществ педагогов',
  en: 'Regional information system of methodical associations and professional communities',
}

/** Seed 001 gives points per criterion; these bands are the defaults a region may change. */
const NETWORK_POINTS = [
  { min: 30, points: 2 },
  { min: 10, max: 30, points: 1 },
  { max: 10, points: 0 },
]

/**
 * Network cooperation of teachers (сетевое взаимодействие педагогов: методические объединения,
 * профессиональные сообщества): seed 001 #13–14 and 2.2.7, seed 002, seed 004 #15–16.
 */
export default definePlugin({
  id: 'networking',
  version: '1.0.0',
  contract: '^1.0.0',
  order: 70,
  title: {
    ru: 'Реализация сетевого взаимодействия педагогов (методических объединений, профессиональных сообществ педагогов)',
    en: 'Network cooperation of teachers (methodical associations, professional communities)',
  },
  shortTitle: { ru: 'Сетевое взаимодействие', en: 'Networking' },
  description: {
    ru: 'Сетевые сообщества, проектные команды и сетевые пары, сетевые формы взаимодействия, поддержка методических объединений и привлечение педагогов к реализации программ ДПО',
    en: 'Network communities, project teams and pairs, forms of network cooperation, support of methodical associations and teachers teaching PD programmes',
  },
  dataElements: [
    {
      code: 'networking.community_members',
      title: {
        ru: 'Количество педагогов, включённых в сетевые сообщества',
        en: 'Teachers in network communities',
      },
      demo: { of: 'core.teachers_total', share: [0.1, 0.5], trend: 0.1 },
      valueType: 'integer',
      min: 0,
      required: true,
    },
    {
      code: 'networking.dpo_involved',
      title: {
        ru: 'Количество педагогов, привлечённых к реализации программ ДПО',
        en: 'Teachers involved in teaching continuing professional education programmes',
      },
      demo: { of: 'core.teachers_total', share: [0, 0.08], trend: 0.1 },
      valueType: 'integer',
      min: 0,
    },
    {
      code: 'networking.has_agreement',
      title: {
        ru: 'У образовательной организации есть договор о сетевом взаимодействии',
        en: 'The organisation has a network cooperation agreement',
      },
      demo: { chance: 0.5, trend: 0.1 },
      valueType: 'boolean',
      aggregation: 'count_true',
    },
    {
      code: 'networking.project_teams',
      title: { ru: 'Количество проектных команд педагогов', en: 'Project teams of teachers' },
      demo: { range: [1, 10], trend: 0.1 },
      valueType: 'integer',
      entryLevel: 'municipality',
      min: 0,
    },
    {
      code: 'networking.network_pairs',
      title: { ru: 'Количество сетевых пар', en: 'Network pairs' },
      demo: { range: [2, 20], trend: 0.1 },
      valueType: 'integer',
      entryLevel: 'municipality',
      min: 0,
    },
    {
      code: 'networking.network_forms',
      title: {
        ru: 'В муниципалитете организованы сетевые формы взаимодействия педагогов',
        en: 'Forms of network cooperation of teachers are organised in the municipality',
      },
      demo: { chance: 0.85 },
      valueType: 'boolean',
      entryLevel: 'municipality',
      aggregation: 'any',
    },
    {
      code: 'networking.support_programme',
      title: {
        ru: 'Утверждена программа поддержки методических объединений и профессиональных сообществ педагогов',
        en: 'A programme supporting methodical associations and professional communities is approved',
      },
      demo: { chance: 0.6 },
      valueType: 'boolean',
      entryLevel: 'municipality',
      aggregation: 'any',
    },
  ],
  indicators: [
    {
      code: 'networking.community_share',
      title: {
        ru: 'Доля педагогов, включённых в сетевые сообщества, от общего числа педагогов',
        en: 'Share of teachers in network communities',
      },
      shortTitle: { ru: 'Сетевые сообщества', en: 'Network communities' },
      kind: 'share',
      numerator: '#{networking.community_members}',
      denominator: '#{core.teachers_total}',
      scoring: NETWORK_POINTS,
      source: SOURCE_CNPPM,
      seeds: ['001 #13', '002'],
    },
    {
      code: 'networking.teams_pairs_count',
      title: {
        ru: 'Количество проектных команд и сетевых пар',
        en: 'Project teams and network pairs',
      },
      shortTitle: { ru: 'Команды и сетевые пары', en: 'Teams and pairs' },
      kind: 'count',
      // sum() skips a missing part: a municipality that reported only its teams still counts them.
      formula: 'sum(#{networking.project_teams}, #{networking.network_pairs})',
      unit: { ru: 'ед.', en: 'units' },
      decimals: 0,
      levels: ['region', 'municipality'],
      source: SOURCE_CNPPM,
      seeds: ['001 #13'],
    },
    {
      code: 'networking.network_forms_presence',
      title: { ru: 'Наличие сетевых форм взаимодействия педагогов', en: 'Forms of network cooperation are in place' },
      shortTitle: { ru: 'Сетевые формы', en: 'Network forms' },
      kind: 'presence',
      formula: '#{networking.network_forms}',
      targets: [{ value: 1 }],
      evidence: [
        {
          code: 'networking.network_plan',
          title: {
            ru: 'План (программа) сетевого взаимодействия педагогов',
            en: 'Plan (programme) of network cooperation of teachers',
          },
        },
        {
          code: 'networking.network_events',
          title: {
            ru: 'Материалы сетевых мероприятий (приказы, протоколы, отчёты)',
            en: 'Records of network events (orders, minutes, reports)',
          },
        },
      ],
      levels: ['region', 'municipality'],
      source: SOURCE_COMMUNITIES_IS,
      seeds: ['002'],
    },
    {
      code: 'networking.support_programme_presence',
      title: {
        ru: 'Наличие программы поддержки методических объединений, профессиональных сообществ педагогов',
        en: 'A programme supporting methodical associations and professional communities is in place',
      },
      shortTitle: { ru: 'Поддержка методобъединений', en: 'Support of associations' },
      kind: 'presence',
      formula: '#{networking.support_programme}',
      targets: [{ value: 1 }],
      evidence: [
        {
          code: 'networking.support_programme_doc',
          title: {
            ru: 'Программа поддержки методических объединений и профессиональных сообществ педагогов, утверждённая органом управления образованием',
            en: 'Programme supporting methodical associations and communities, approved by the education authority',
          },
        },
      ],
      levels: ['region', 'municipality'],
      source: SOURCE_COMMUNITIES_IS,
      seeds: ['002'],
    },
    {
      code: 'networking.dpo_involved_share',
      title: {
        ru: 'Доля педагогов, привлечённых к реализации программ ДПО',
        en: 'Share of teachers involved in teaching continuing professional education programmes',
      },
      shortTitle: { ru: 'Педагоги в программах ДПО', en: 'Teachers teaching PD' },
      kind: 'share',
      numerator: '#{networking.dpo_involved}',
      denominator: '#{core.teachers_total}',
      source: SOURCE_CNPPM,
      seeds: ['001 #14'],
    },
    {
      code: 'networking.agreements_presence',
      title: {
        ru: 'Наличие договоров с образовательными организациями о сетевом взаимодействии',
        en: 'Network cooperation agreements with educational organisations are in place',
      },
      shortTitle: { ru: 'Договоры о сетевом взаимодействии', en: 'Network agreements' },
      kind: 'presence',
      formula: '#{networking.has_agreement}',
      targets: [{ value: 1 }],
      evidence: [
        {
          code: 'networking.agreement',
          title: {
            ru: 'Договор о сетевом взаимодействии с образовательной организацией',
            en: 'Network cooperation agreement with an educational organisation',
          },
        },
      ],
      source: SOURCE_CNPPM,
      seeds: ['001 #14'],
    },
  ],
  validationRules: (['community_members', 'dpo_involved'] as const).map((code) => ({
    code: `networking.${code}_le_total`,
    left: `#{networking.${code}}`,
    operator: '<=' as const,
    right: '#{core.teachers_total}',
    message: {
      ru: 'Значение не может превышать общее количество педагогов',
      en: 'The value cannot exceed the number of teachers',
    },
  })),
  recommendations: [
    {
      code: 'networking.community_low',
      indicator: 'networking.community_share',
      when: { below: 20 },
      addressee: 'methodical_support',
      text: {
        ru: 'Организовать методическую помощь методическим объединениям образовательных организаций, в том числе развитие сетевого взаимодействия на уровне муниципалитета.',
        en: 'Support the methodical associations of the organisations, including network cooperation at the municipal level.',
      },
    },
    {
      code: 'networking.network_forms_missing',
      indicator: 'networking.network_forms_presence',
      when: { status: ['not_met'] },
      addressee: 'municipal_authority',
      levels: ['municipality'],
      text: {
        ru: 'Обеспечить сетевое взаимодействие муниципальных методических служб, городских и школьных методических объединений, профессиональных сообществ по актуальным проблемам образования.',
        en: 'Set up network cooperation of the municipal methodical services, city and school associations and professional communities.',
      },
    },
    {
      code: 'networking.support_programme_missing',
      indicator: 'networking.support_programme_presence',
      when: { status: ['not_met'] },
      addressee: 'municipal_authority',
      levels: ['region', 'municipality'],
      text: {
        ru: 'Разработать программу поддержки методических объединений и профессиональных сообществ педагогов и внести соответствующие изменения в муниципальную программу развития образования.',
        en: 'Draw up a programme supporting methodical associations and communities and amend the municipal education programme accordingly.',
      },
    },
    {
      code: 'networking.agreements_missing',
      indicator: 'networking.agreements_presence',
      when: { status: ['not_met'] },
      addressee: 'school_leadership',
      levels: ['organization'],
      text: {
        ru: 'Заключить договоры о сетевом взаимодействии с ЦНППМ и образовательными организациями для привлечения педагогов к реализации программ ДПО.',
        en: 'Sign network cooperation agreements with the regional centre and other organisations to involve teachers in PD programmes.',
      },
    },
  ],
  ui: { exposes: ['./View'] },
})
