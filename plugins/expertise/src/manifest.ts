import { definePlugin } from '@profmon/contract'

const SOURCE_CNPPM = { ru: 'Данные в ГБУ ДПО ЦНППМ', en: 'Data of the regional centre (CNPPM)' }
const SOURCE_ORGS = { ru: 'Данные образовательных организаций', en: 'Data of educational organisations' }
const PEOPLE = { ru: 'чел.', en: 'people' }

/**
 * Involving teachers in expert work (вовлечение педагогов в экспертную деятельность): seed 001
 * #8 and 2.2.5, seed 002, seed 000 4.1 (contests), seed 004 #11 and #21.
 */
export default definePlugin({
  id: 'expertise',
  version: '1.0.0',
  contract: '^1.0.0',
  order: 40,
  title: { ru: 'Вовлечение педагогов в экспертную деятельность', en: 'Teachers in expert work' },
  shortTitle: { ru: 'Экспертная деятельность', en: 'Expert activity' },
  description: {
    ru: 'Подготовка экспертов региональных предметных комиссий ГИА, участие педагогов в экспертной деятельности и конкурсах профессионального мастерства',
    en: 'Training of experts for the regional state examination boards, teachers in expert work and in professional contests',
  },
  dataElements: [
    {
      code: 'expertise.experts_engaged',
      title: {
        ru: 'Количество педагогов, вовлечённых в экспертную деятельность (по видам)',
        en: 'Teachers in expert work (by type)',
      },
      description: {
        ru: 'Итог — число разных педагогов; педагог, участвующий в нескольких видах экспертной деятельности, учитывается в каждом из них',
        en: 'The total counts each teacher once; a teacher in several types of expert work is counted in each of them',
      },
      demo: { of: 'core.teachers_total', share: [0.05, 0.3], split: 'subsets', trend: 0.1 },
      valueType: 'integer',
      min: 0,
      dimension: 'expertise_type',
      required: true,
    },
    {
      code: 'expertise.gia_experts',
      title: {
        ru: 'Количество педагогов, подготовленных в качестве экспертов региональных предметных комиссий ГИА',
        en: 'Teachers trained as experts of the regional state examination boards',
      },
      demo: { of: 'core.teachers_total', share: [0, 0.1], trend: 0.05 },
      valueType: 'integer',
      min: 0,
      dimension: 'subject',
    },
    {
      code: 'expertise.gia_documents',
      title: {
        ru: 'Подготовка экспертов региональных предметных комиссий ГИА подтверждена нормативными документами',
        en: 'The training of state examination experts is confirmed by official documents',
      },
      demo: { chance: 0.9 },
      valueType: 'boolean',
      entryLevel: 'region',
      aggregation: 'any',
    },
    {
      code: 'expertise.contest_participants',
      title: {
        ru: 'Количество педагогов — участников конкурсов профессионального мастерства',
        en: 'Teachers taking part in professional contests',
      },
      demo: { of: 'core.teachers_total', share: [0, 0.1], trend: 0.05 },
      valueType: 'integer',
      min: 0,
    },
    {
      code: 'expertise.contest_winners',
      title: {
        ru: 'Количество педагогов — победителей и призёров конкурсов профессионального мастерства',
        en: 'Winners and prize-winners of professional contests',
      },
      demo: { of: 'expertise.contest_participants', share: [0, 0.4] },
      valueType: 'integer',
      min: 0,
    },
  ],
  indicators: [
    {
      code: 'expertise.gia_experts_count',
      title: {
        ru: 'Количество подготовленных экспертов для работы в региональных предметных комиссиях при проведении ГИА',
        en: 'Experts trained for the regional state examination boards',
      },
      shortTitle: { ru: 'Эксперты ГИА', en: 'Examination experts' },
      kind: 'count',
      formula: '#{expertise.gia_experts}',
      dimension: 'subject',
      unit: PEOPLE,
      decimals: 0,
      source: SOURCE_CNPPM,
      seeds: ['001 #8'],
    },
    {
      code: 'expertise.gia_experts_documents',
      title: {
        ru: 'Наличие нормативных документов, подтверждающих подготовку экспертов региональных предметных комиссий ГИА',
        en: 'Documents confirming the training of state examination experts are available',
      },
      shortTitle: { ru: 'Документы о подготовке экспертов', en: 'Expert training documents' },
      kind: 'presence',
      formula: '#{expertise.gia_documents}',
      targets: [{ value: 1 }],
      evidence: [
        {
          code: 'expertise.gia_commission_order',
          title: {
            ru: 'Приказ об утверждении составов региональных предметных комиссий ГИА',
            en: 'Order approving the regional state examination boards',
          },
        },
        {
          code: 'expertise.gia_training_records',
          title: {
            ru: 'Документы о подготовке экспертов (программа подготовки, протоколы квалификационных испытаний)',
            en: 'Records of the expert training (programme, qualification test reports)',
          },
        },
      ],
      levels: ['region'],
      source: SOURCE_CNPPM,
      seeds: ['001 #8'],
    },
    {
      code: 'expertise.engaged_share',
      title: {
        ru: 'Доля педагогов, вовлечённых в экспертную деятельность (ГИА, курсы ПК, профессиональные конкурсы и др.)',
        en: 'Share of teachers in expert work (state examinations, PD courses, professional contests etc.)',
      },
      shortTitle: { ru: 'Экспертная деятельность', en: 'Expert work' },
      kind: 'share',
      numerator: '#{expertise.experts_engaged}',
      denominator: '#{core.teachers_total}',
      dimension: 'expertise_type',
      source: SOURCE_ORGS,
      seeds: ['002'],
    },
    {
      code: 'expertise.contest_participants_count',
      title: {
        ru: 'Количество участников конкурсов профессионального мастерства',
        en: 'Participants of professional contests',
      },
      shortTitle: { ru: 'Участники конкурсов', en: 'Contest participants' },
      kind: 'count',
      formula: '#{expertise.contest_participants}',
      unit: PEOPLE,
      decimals: 0,
      source: SOURCE_ORGS,
      seeds: ['000 4.1', '004 #11'],
    },
    {
      code: 'expertise.contest_winners_count',
      title: {
        ru: 'Количество победителей и призёров конкурсов профессионального мастерства',
        en: 'Winners of professional contests',
      },
      shortTitle: { ru: 'Победители конкурсов', en: 'Contest winners' },
      kind: 'count',
      formula: '#{expertise.contest_winners}',
      unit: PEOPLE,
      decimals: 0,
      source: SOURCE_ORGS,
      seeds: ['000 4.1', '004 #11'],
    },
  ],
  validationRules: [
    {
      code: 'expertise.engaged_le_teachers',
      left: '#{expertise.experts_engaged}',
      operator: '<=',
      right: '#{core.teachers_total}',
      perOption: true,
      message: {
        ru: 'Вовлечённых в экспертную деятельность не может быть больше, чем педагогов',
        en: 'Teachers in expert work cannot exceed teachers',
      },
    },
    {
      code: 'expertise.engaged_types_cover_total',
      left: '#{expertise.experts_engaged}[*]',
      operator: '>=',
      right: '#{expertise.experts_engaged}',
      message: {
        ru: 'Сумма по видам экспертной деятельности не может быть меньше общего числа вовлечённых педагогов',
        en: 'Teachers by type of expert work cannot add up to less than the total',
      },
    },
    {
      code: 'expertise.engaged_type_le_total',
      left: 'max(#{expertise.experts_engaged}[state_exam], #{expertise.experts_engaged}[pd_courses], #{expertise.experts_engaged}[contests], #{expertise.experts_engaged}[other])',
      operator: '<=',
      right: '#{expertise.experts_engaged}',
      message: {
        ru: 'Вовлечённых в один вид экспертной деятельности не может быть больше, чем всех вовлечённых',
        en: 'Teachers in one type of expert work cannot exceed all teachers in expert work',
      },
    },
    {
      code: 'expertise.gia_by_subject_sum',
      left: '#{expertise.gia_experts}[*]',
      operator: '==',
      right: '#{expertise.gia_experts}',
      message: {
        ru: 'Сумма экспертов ГИА по предметам должна совпадать с общим количеством',
        en: 'State examination experts by subject must add up to the total',
      },
    },
    {
      code: 'expertise.gia_le_teachers',
      left: '#{expertise.gia_experts}',
      operator: '<=',
      right: '#{core.teachers_total}',
      message: {
        ru: 'Экспертов ГИА не может быть больше, чем педагогов',
        en: 'State examination experts cannot exceed teachers',
      },
    },
    {
      code: 'expertise.winners_le_participants',
      left: '#{expertise.contest_winners}',
      operator: '<=',
      right: '#{expertise.contest_participants}',
      message: {
        ru: 'Победителей и призёров конкурсов не может быть больше, чем участников',
        en: 'Contest winners cannot exceed participants',
      },
    },
  ],
  recommendations: [
    {
      code: 'expertise.engaged_low_school',
      indicator: 'expertise.engaged_share',
      when: { below: 10 },
      addressee: 'school_leadership',
      levels: ['organization'],
      text: {
        ru: 'Проводить мероприятия по вовлечению педагогических работников в экспертную деятельность (ГИА, курсы ПК, профессиональные конкурсы).',
        en: 'Hold events that involve teachers in expert work (state examinations, PD courses, professional contests).',
      },
    },
    {
      code: 'expertise.engaged_low_teachers',
      indicator: 'expertise.engaged_share',
      when: { below: 10 },
      addressee: 'teachers',
      levels: ['organization'],
      text: {
        ru: 'Включиться в экспертную деятельность (экспертиза ГИА, программ ПК, конкурсных материалов) как ресурс собственного профессионального роста.',
        en: 'Take part in expert work (state examinations, PD programmes, contest entries) as a resource for your professional growth.',
      },
    },
    {
      code: 'expertise.no_contest_participants',
      indicator: 'expertise.contest_participants_count',
      when: { below: 1 },
      addressee: 'school_leadership',
      levels: ['organization'],
      text: {
        ru: 'Обеспечить участие педагогов, в том числе молодых педагогов, в конкурсах профессионального мастерства; обобщить и представить эффективный опыт.',
        en: 'Get teachers, young teachers included, into professional contests; gather and present effective practice.',
      },
    },
    {
      code: 'expertise.gia_documents_missing',
      indicator: 'expertise.gia_experts_documents',
      when: { status: ['not_met'] },
      addressee: 'methodical_support',
      levels: ['region'],
      text: {
        ru: 'Подготовить нормативные документы, подтверждающие подготовку экспертов региональных предметных комиссий ГИА.',
        en: 'Prepare the official documents confirming the training of state examination experts.',
      },
    },
  ],
  ui: { exposes: ['./View'] },
})
