import { definePlugin } from '@profmon/contract'

const SOURCE_CNPPM = { ru: 'Данные в ГБУ ДПО ЦНППМ', en: 'Data of the regional centre (CNPPM)' }
const SOURCE_ORGS = { ru: 'Данные образовательных организаций', en: 'Data of educational organisations' }
const SOURCE_YOUNG_IS = {
  ru: 'Региональная информационная система поддержки молодых педагогов',
  en: 'Regional information system for the support of young teachers',
}
const SOURCE_MENTORING_IS = {
  ru: 'Региональная информационная система наставничества',
  en: 'Regional mentoring information system',
}

/** Seed 001 gives points per criterion; these bands are the defaults a region may change. */
const MENTORING_POINTS = [
  { min: 30, points: 2 },
  { min: 10, max: 30, points: 1 },
  { max: 10, points: 0 },
]

/**
 * Support of young teachers and mentoring (поддержка молодых педагогов и наставничество): seed
 * 001 #11–12 and 2.2.6, seed 002, seed 003 (contest of young specialists' projects), seed 004 #14.
 */
export default definePlugin({
  id: 'mentoring',
  version: '1.0.0',
  contract: '^1.0.0',
  order: 60,
  title: {
    ru: 'Поддержка молодых педагогов и реализация программ наставничества',
    en: 'Support of young teachers and mentoring',
  },
  shortTitle: { ru: 'Наставничество', en: 'Mentoring' },
  description: {
    ru: 'Проекты поддержки молодых педагогов, программы наставничества, сопровождение педагогами-методистами и участие молодых специалистов в конкурсах',
    en: 'Projects supporting young teachers, mentoring programmes, support by teacher-methodologists and young specialists in contests',
  },
  dataElements: [
    {
      code: 'mentoring.young_covered',
      title: {
        ru: 'Количество молодых педагогов, охваченных мероприятиями в рамках проектов по поддержке молодых педагогов',
        en: 'Young teachers reached by the events of support projects',
      },
      demo: { of: 'core.teachers_under_35', share: [0.3, 0.9], trend: 0.1 },
      valueType: 'integer',
      min: 0,
    },
    {
      code: 'mentoring.support_projects',
      title: {
        ru: 'Количество проектов по поддержке молодых педагогов, реализуемых в муниципалитете',
        en: 'Projects supporting young teachers in the municipality',
      },
      demo: { range: [1, 6], trend: 0.05 },
      valueType: 'integer',
      entryLevel: 'municipality',
      min: 0,
    },
    {
      code: 'mentoring.has_programme',
      title: {
        ru: 'В образовательной организации реализуется программа наставничества',
        en: 'The organisation runs a mentoring programme',
      },
      demo: { chance: 0.7, trend: 0.1 },
      valueType: 'boolean',
      aggregation: 'count_true',
    },
    {
      code: 'mentoring.individual_programmes',
      title: {
        ru: 'Количество индивидуальных программ наставничества, разработанных и утверждённых образовательной организацией',
        en: 'Individual mentoring programmes developed and approved by the organisation',
      },
      demo: { of: 'core.teachers_under_35', share: [0.3, 1], trend: 0.1 },
      valueType: 'integer',
      min: 0,
    },
    {
      code: 'mentoring.mentoring_participants',
      title: {
        ru: 'Количество педагогов, участвующих в программах наставничества (наставники и наставляемые)',
        en: 'Teachers in mentoring programmes (mentors and mentees)',
      },
      demo: { of: 'core.teachers_total', share: [0.1, 0.4], trend: 0.1 },
      valueType: 'integer',
      min: 0,
    },
    {
      code: 'mentoring.methodist_supported',
      title: {
        ru: 'Количество педагогов, сопровождаемых педагогами-методистами, прошедшими региональный отбор',
        en: 'Teachers supported by teacher-methodologists selected by the region',
      },
      demo: { of: 'core.teachers_total', share: [0, 0.2], trend: 0.15 },
      valueType: 'integer',
      min: 0,
    },
    {
      code: 'mentoring.young_contest_participants',
      title: {
        ru: 'Количество молодых специалистов (стаж до 3 лет) — участников конкурса поддержки проектов молодых специалистов',
        en: 'Young specialists (under 3 years of experience) in the contest of young specialists’ projects',
      },
      demo: { range: [0, 2], trend: 0.05 },
      valueType: 'integer',
      min: 0,
    },
  ],
  indicators: [
    {
      code: 'mentoring.support_projects_count',
      title: {
        ru: 'Количество проектов по поддержке молодых педагогов, реализуемых в муниципалитете',
        en: 'Projects supporting young teachers',
      },
      shortTitle: { ru: 'Проекты поддержки', en: 'Support projects' },
      kind: 'count',
      formula: '#{mentoring.support_projects}',
      unit: { ru: 'проектов', en: 'projects' },
      decimals: 0,
      levels: ['region', 'municipality'],
      source: SOURCE_YOUNG_IS,
      seeds: ['002'],
    },
    {
      code: 'mentoring.young_covered_share',
      title: {
        ru: 'Доля молодых педагогов, охваченных мероприятиями в рамках проектов по поддержке молодых педагогов, от общего числа молодых педагогов',
        en: 'Share of young teachers reached by the events of support projects',
      },
      shortTitle: { ru: 'Охват молодых педагогов', en: 'Young teachers reached' },
      kind: 'share',
      numerator: '#{mentoring.young_covered}',
      denominator: '#{core.teachers_under_35}',
      source: SOURCE_YOUNG_IS,
      seeds: ['002'],
    },
    {
      code: 'mentoring.programmes_presence',
      title: {
        ru: 'Наличие программ наставничества, реализуемых в образовательных организациях, муниципалитете, регионе',
        en: 'Mentoring programmes are in place',
      },
      shortTitle: { ru: 'Программы наставничества', en: 'Mentoring programmes' },
      kind: 'presence',
      formula: '#{mentoring.has_programme}',
      targets: [{ value: 1 }],
      evidence: [
        {
          code: 'mentoring.programme',
          title: {
            ru: 'Программа наставничества, утверждённая приказом руководителя образовательной организации',
            en: 'Mentoring programme approved by the head’s order',
          },
        },
        {
          code: 'mentoring.pairs_order',
          title: {
            ru: 'Приказ о закреплении наставнических пар (групп)',
            en: 'Order assigning mentoring pairs (groups)',
          },
        },
      ],
      source: SOURCE_CNPPM,
      seeds: ['001 #11', '002'],
    },
    {
      code: 'mentoring.individual_programmes_count',
      title: {
        ru: 'Количество индивидуальных программ наставничества, разработанных и утверждённых образовательными организациями',
        en: 'Individual mentoring programmes approved by the organisations',
      },
      shortTitle: { ru: 'Индивидуальные программы', en: 'Individual programmes' },
      kind: 'count',
      formula: '#{mentoring.individual_programmes}',
      unit: { ru: 'программ', en: 'programmes' },
      decimals: 0,
      source: SOURCE_MENTORING_IS,
      seeds: ['002'],
    },
    {
      code: 'mentoring.participants_share',
      title: {
        ru: 'Доля педагогов, участвующих в программах наставничества, от общего числа педагогов',
        en: 'Share of teachers in mentoring programmes',
      },
      shortTitle: { ru: 'Участие в наставничестве', en: 'Mentoring participation' },
      kind: 'share',
      numerator: '#{mentoring.mentoring_participants}',
      denominator: '#{core.teachers_total}',
      scoring: MENTORING_POINTS,
      source: SOURCE_CNPPM,
      seeds: ['001 #11', '002'],
    },
    {
      code: 'mentoring.methodist_supported_share',
      title: {
        ru: 'Доля педагогов, сопровождаемых педагогами-методистами, прошедшими региональный отбор',
        en: 'Share of teachers supported by teacher-methodologists selected by the region',
      },
      shortTitle: { ru: 'Сопровождение методистами', en: 'Methodologist support' },
      kind: 'share',
      numerator: '#{mentoring.methodist_supported}',
      denominator: '#{core.teachers_total}',
      source: SOURCE_CNPPM,
      seeds: ['001 #12'],
    },
    {
      code: 'mentoring.young_contest_count',
      title: {
        ru: 'Участие молодых специалистов (стаж до 3 лет) в конкурсе поддержки проектов молодых специалистов',
        en: 'Young specialists (under 3 years of experience) in the contest of young specialists’ projects',
      },
      shortTitle: { ru: 'Конкурс молодых специалистов', en: 'Young specialists’ contest' },
      kind: 'count',
      formula: '#{mentoring.young_contest_participants}',
      unit: { ru: 'чел.', en: 'people' },
      decimals: 0,
      source: SOURCE_ORGS,
      seeds: ['003'],
    },
  ],
  validationRules: [
    {
      code: 'mentoring.young_le_teachers',
      left: '#{core.teachers_under_35}',
      operator: '<=',
      right: '#{core.teachers_total}',
      message: {
        ru: 'Молодых педагогов не может быть больше, чем педагогов',
        en: 'Young teachers cannot exceed teachers',
      },
    },
    {
      code: 'mentoring.covered_le_young',
      left: '#{mentoring.young_covered}',
      operator: '<=',
      right: '#{core.teachers_under_35}',
      message: {
        ru: 'Охваченных проектами поддержки не может быть больше, чем молодых педагогов',
        en: 'Young teachers reached cannot exceed young teachers',
      },
    },
    ...(['mentoring_participants', 'methodist_supported', 'young_contest_participants'] as const).map((code) => ({
      code: `mentoring.${code}_le_total`,
      left: `#{mentoring.${code}}`,
      operator: '<=' as const,
      right: '#{core.teachers_total}',
      message: {
        ru: 'Значение не может превышать общее количество педагогов',
        en: 'The value cannot exceed the number of teachers',
      },
    })),
    {
      code: 'mentoring.individual_needs_programme',
      left: 'if(#{mentoring.individual_programmes} > 0, #{mentoring.has_programme}, 1)',
      operator: '==',
      right: '1',
      message: {
        ru: 'Индивидуальные программы наставничества утверждены, а программа наставничества организации не отмечена',
        en: 'Individual mentoring programmes are approved but the organisation has no mentoring programme',
      },
    },
  ],
  recommendations: [
    {
      code: 'mentoring.programme_missing',
      indicator: 'mentoring.programmes_presence',
      when: { status: ['not_met'] },
      addressee: 'school_leadership',
      levels: ['organization'],
      text: {
        ru: 'Разработать и утвердить программу наставничества педагогических работников; закрепить наставников за молодыми педагогами.',
        en: 'Develop and approve a mentoring programme; assign mentors to young teachers.',
      },
    },
    {
      code: 'mentoring.young_coverage_low',
      indicator: 'mentoring.young_covered_share',
      when: { below: 50 },
      addressee: 'municipal_authority',
      levels: ['region', 'municipality'],
      text: {
        ru: 'Проводить мероприятия, направленные на поддержку молодых педагогов, и расширить охват молодых педагогов проектами поддержки в муниципалитете.',
        en: 'Hold events supporting young teachers and reach more of them with the municipality’s support projects.',
      },
    },
    {
      code: 'mentoring.participants_low',
      indicator: 'mentoring.participants_share',
      when: { below: 10 },
      addressee: 'methodical_support',
      text: {
        ru: 'Принять меры, направленные на помощь молодым педагогам, в том числе на развитие института наставничества: обучение наставников и методическое сопровождение наставнических пар.',
        en: 'Help young teachers, including by developing mentoring: train mentors and support mentoring pairs.',
      },
    },
    {
      code: 'mentoring.young_contest_none',
      indicator: 'mentoring.young_contest_count',
      when: { below: 1 },
      addressee: 'teachers',
      levels: ['organization'],
      text: {
        ru: 'Молодым специалистам со стажем до 3 лет — принять участие в конкурсе поддержки проектов молодых специалистов и в конкурсах профессионального мастерства.',
        en: 'Young specialists with under 3 years of experience: enter the contest of young specialists’ projects and professional contests.',
      },
    },
  ],
  ui: { exposes: ['./View'] },
})
