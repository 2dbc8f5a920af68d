import { definePlugin } from '@profmon/contract'

const SOURCE_CNPPM = { ru: 'Данные в ГБУ ДПО ЦНППМ', en: 'Data of the regional centre (CNPPM)' }
const SOURCE_ORGS = { ru: 'Данные образовательных организаций', en: 'Data of educational organisations' }

/**
 * Seed 001 gives points per criterion; these bands are the defaults a region may change. The
 * methodical asset is a small part of the teachers, so the bands sit lower than coverage bands.
 */
const ASSET_POINTS = [
  { min: 15, points: 2 },
  { min: 5, max: 15, points: 1 },
  { max: 5, points: 0 },
]

/**
 * Forming the methodical asset (формирование методического актива): seed 001 #9–10 and 2.2.5,
 * seed 002, seed 003 (tutoring and supervision, РАОП), seed 000 2.2, seed 004 #27.
 */
export default definePlugin({
  id: 'methodical-asset',
  version: '1.0.0',
  contract: '^1.0.0',
  order: 50,
  title: { ru: 'Формирование методического актива', en: 'Methodical asset' },
  shortTitle: { ru: 'Методический актив', en: 'Methodical asset' },
  description: {
    ru: 'Методический актив, педагоги, привлекаемые к работе в ЦНППМ, авторы программ ПК, РУМО/МУМО и предметные методические объединения, тьюторы и супервизоры',
    en: 'The methodical asset, teachers working with the regional centre, authors of PD programmes, methodical associations, tutors and supervisors',
  },
  dataElements: [
    {
      code: 'methodical_asset.asset_members',
      title: {
        ru: 'Количество педагогов, вошедших в методический актив',
        en: 'Teachers in the methodical asset',
      },
      demo: { of: 'core.teachers_total', share: [0.03, 0.15], trend: 0.1 },
      valueType: 'integer',
      min: 0,
      required: true,
    },
    {
      code: 'methodical_asset.cnppm_engaged',
      title: {
        ru: 'Количество педагогов, привлекаемых для работы в центре непрерывного повышения профессионального мастерства (ЦНППМ)',
        en: 'Teachers engaged to work with the regional centre (CNPPM)',
      },
      demo: { of: 'core.teachers_total', share: [0, 0.05], trend: 0.1 },
      valueType: 'integer',
      min: 0,
    },
    {
      code: 'methodical_asset.program_authors',
      title: {
        ru: 'Количество педагогов, создавших и (или) обновивших дополнительные профессиональные программы ПК (в т.ч. РАОП продвинутого и высшего уровня)',
        en: 'Teachers who created or updated professional development programmes (incl. advanced and top level practices)',
      },
      demo: { of: 'core.teachers_total', share: [0, 0.05], trend: 0.1 },
      valueType: 'integer',
      min: 0,
    },
    {
      code: 'methodical_asset.tutors',
      title: { ru: 'Количество тьюторов и супервизоров', en: 'Tutors and supervisors' },
      demo: { of: 'core.teachers_total', share: [0, 0.03], trend: 0.05 },
      valueType: 'integer',
      min: 0,
    },
    {
      code: 'methodical_asset.associations_active',
      title: {
        ru: 'Действуют РУМО/МУМО и предметные методические объединения',
        en: 'Regional/municipal methodical associations and subject associations work',
      },
      demo: { chance: 0.75 },
      valueType: 'boolean',
      entryLevel: 'municipality',
      aggregation: 'any',
    },
  ],
  indicators: [
    {
      code: 'methodical_asset.asset_share',
      title: {
        ru: 'Доля педагогических работников, вошедших в методический актив, от общего числа педагогических работников',
        en: 'Share of teachers in the methodical asset',
      },
      shortTitle: { ru: 'Методический актив', en: 'Methodical asset' },
      kind: 'share',
      numerator: '#{methodical_asset.asset_members}',
      denominator: '#{core.teachers_total}',
      scoring: ASSET_POINTS,
      source: SOURCE_CNPPM,
      seeds: ['001 #9'],
    },
    {
      code: 'methodical_asset.cnppm_engaged_share',
      title: {
        ru: 'Доля педагогических работников, привлекаемых для работы в центры непрерывного повышения профессионального мастерства педагогических работников, от общего числа педагогических работников',
        en: 'Share of teachers engaged to work with the regional centre (CNPPM)',
      },
      shortTitle: { ru: 'Работа в ЦНППМ', en: 'Work with CNPPM' },
      kind: 'share',
      numerator: '#{methodical_asset.cnppm_engaged}',
      denominator: '#{core.teachers_total}',
      source: SOURCE_CNPPM,
      seeds: ['001 #10'],
    },
    {
      code: 'methodical_asset.program_authors_share',
      title: {
        ru: 'Доля педагогов, создавших и (или) обновивших дополнительные профессиональные программы курсов повышения квалификации (в т.ч. РАОП продвинутый и высший уровень)',
        en: 'Share of teachers who created or updated professional development programmes',
      },
      shortTitle: { ru: 'Авторы программ ПК', en: 'PD programme authors' },
      kind: 'share',
      numerator: '#{methodical_asset.program_authors}',
      denominator: '#{core.teachers_total}',
      source: SOURCE_ORGS,
      seeds: ['002', '003'],
    },
    {
      code: 'methodical_asset.associations_presence',
      title: {
        ru: 'Наличие РУМО, МУМО как системы поддержки, методических объединений предметников, методического актива',
        en: 'Methodical associations (regional, municipal, by subject) and the methodical asset are in place',
      },
      shortTitle: { ru: 'РУМО/МУМО', en: 'Methodical associations' },
      kind: 'presence',
      formula: '#{methodical_asset.associations_active}',
      targets: [{ value: 1 }],
      evidence: [
        {
          code: 'methodical_asset.associations_regulation',
          title: {
            ru: 'Положение о РУМО/МУМО (методических объединениях педагогов)',
            en: 'Regulation of the methodical associations',
          },
        },
        {
          code: 'methodical_asset.asset_order',
          title: {
            ru: 'Приказ об утверждении состава методического актива и предметных методических объединений',
            en: 'Order approving the methodical asset and the subject associations',
          },
        },
        {
          code: 'methodical_asset.associations_plan',
          title: { ru: 'План работы методических объединений', en: 'Work plan of the methodical associations' },
        },
      ],
      levels: ['region', 'municipality'],
      source: SOURCE_CNPPM,
      seeds: ['001 #9'],
    },
    {
      code: 'methodical_asset.tutors_per_100',
      title: {
        ru: 'Количество тьюторов/супервизоров на 100 педагогических работников',
        en: 'Tutors and supervisors per 100 teachers',
      },
      shortTitle: { ru: 'Тьюторы на 100 педагогов', en: 'Tutors per 100 teachers' },
      kind: 'value',
      formula: '#{methodical_asset.tutors} * 100 / #{core.teachers_total}',
      unit: { ru: 'на 100 педагогов', en: 'per 100 teachers' },
      decimals: 2,
      // seed 003: "Супервизия / тьюторство — 1 на 100 человек"
      targets: [{ value: 1, tolerance: 0.2 }],
      source: SOURCE_ORGS,
      seeds: ['003'],
    },
  ],
  validationRules: (['asset_members', 'cnppm_engaged', 'program_authors', 'tutors'] as const).map((code) => ({
    code: `methodical_asset.${code}_le_total`,
    left: `#{methodical_asset.${code}}`,
    operator: '<=' as const,
    right: '#{core.teachers_total}',
    message: {
      ru: 'Значение не может превышать общее количество педагогов',
      en: 'The value cannot exceed the number of teachers',
    },
  })),
  recommendations: [
    {
      code: 'methodical_asset.asset_low',
      indicator: 'methodical_asset.asset_share',
      when: { below: 5 },
      addressee: 'methodical_support',
      text: {
        ru: 'Принять меры, направленные на формирование механизма по привлечению высококвалифицированных специалистов в методический актив.',
        en: 'Set up a way to bring highly qualified specialists into the methodical asset.',
      },
    },
    {
      code: 'methodical_asset.associations_missing',
      indicator: 'methodical_asset.associations_presence',
      when: { status: ['not_met'] },
      addressee: 'municipal_authority',
      levels: ['municipality'],
      text: {
        ru: 'Организовать работу районных методических объединений с целью методического сопровождения педагогов по всем предметам.',
        en: 'Organise district methodical associations to support teachers in every subject.',
      },
    },
    {
      code: 'methodical_asset.tutors_low',
      indicator: 'methodical_asset.tutors_per_100',
      when: { status: ['not_met', 'partly_met'] },
      addressee: 'school_leadership',
      levels: ['organization', 'municipality'],
      text: {
        ru: 'Развивать тьюторство и супервизию как формы персонализированного сопровождения педагогов: не менее одного тьютора (супервизора) на 100 педагогов.',
        en: 'Develop tutoring and supervision as personalised support: at least one tutor or supervisor per 100 teachers.',
      },
    },
    {
      code: 'methodical_asset.authors_low',
      indicator: 'methodical_asset.program_authors_share',
      when: { below: 1 },
      addressee: 'teachers',
      levels: ['organization'],
      text: {
        ru: 'Обобщить и представить эффективный педагогический опыт: участвовать в разработке и обновлении программ повышения квалификации и в обмене лучшими практиками.',
        en: 'Gather and present effective practice: take part in creating and updating PD programmes and in sharing best practice.',
      },
    },
  ],
  ui: { exposes: ['./View'] },
})
