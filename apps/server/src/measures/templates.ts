import type { Deadlines } from '@profmon/contract/rules'

/** The stage of the management cycle a roadmap item belongs to (seed 004's headings). */
export type TemplateGroup =
  'goals' | 'indicators' | 'monitoring' | 'analysis' | 'measures' | 'decisions' | 'effectiveness'

/**
 * A roadmap item's yearly deadline: day and month in the year the period ends plus `yearOffset`
 * (−1 = the autumn the period starts). `campaign` names the region's campaign deadline it follows
 * when the region has set one.
 */
export interface TemplateItem {
  code: string
  group: TemplateGroup
  title: string
  description?: string
  /** The deadline column as the seed words it. */
  seedDeadline: string
  deadline: { month: number; day: number; yearOffset: number }
  campaign: keyof Deadlines | null
}

export interface MeasureTemplate {
  code: string
  title: string
  items: TemplateItem[]
}

/**
 * Seed 004: the municipal roadmap (дорожная карта) of teachers' professional development, its 31
 * rows in order. A heading row (goals, indicators, …) takes the deadline of the row under it.
 */
const SEED_004_ITEMS: TemplateItem[] = [
  {
    code: 'seed-004.1',
    group: 'goals',
    title: 'Определение целей',
    seedDeadline: 'ноябрь 2021 года',
    deadline: { month: 11, day: 30, yearOffset: -1 },
    campaign: null,
  },
  {
    code: 'seed-004.2',
    group: 'goals',
    title:
      'Разработка и нормативное закрепление Положения о мониторинге состояния системы обеспечения профессионального развития педагогических работников',
    seedDeadline: 'ноябрь 2021 года',
    deadline: { month: 11, day: 30, yearOffset: -1 },
    campaign: null,
  },
  {
    code: 'seed-004.3',
    group: 'indicators',
    title: 'Определение показателей, методов сбора и обработки информации',
    seedDeadline: 'ноябрь 2021 года',
    deadline: { month: 11, day: 30, yearOffset: -1 },
    campaign: null,
  },
  {
    code: 'seed-004.4',
    group: 'indicators',
    title: 'Разработка и нормативное закрепление школьных показателей показателей',
    description:
      'выявление профессиональных дефицитов педагогических работников;\nповышение квалификации педагогических работников на основании диагностики профессиональных дефицитов;\nучет организаций, реализующих программы дополнительного профессионального образования, в которых педагогические работники проходят повышение квалификации;\nвыявление запроса педагогических коллективов, отдельных педагогических работников на направления повышения квалификации и профессионального развития;\nосуществление профессиональной переподготовки по образовательным программам педагогической направленности;\nосуществление научно-методического сопровождения педагогических работников;\nизучение состояния и результатов деятельности методических объединений и (или) профессиональных сообществ педагогических работников; поддержка молодых педагогов, реализация программ наставничества педагогических работников;\nреализация сетевого взаимодействия педагогических работников (методических объединений, профессиональных сообществ педагогических работников) на школьном уровне;\nвыявление кадровых потребностей в образовательных организациях; вовлечение педагогических работников в экспертную деятельность;\nформирование методического актива;\nучет индивидуальных образовательных маршрутов совершенствования профессионального мастерства педагогических работников; развитие цифровой образовательной среды дополнительного профессионального образования педагогических работников',
    seedDeadline: 'ноябрь 2021 года',
    deadline: { month: 11, day: 30, yearOffset: -1 },
    campaign: null,
  },
  {
    code: 'seed-004.5',
    group: 'monitoring',
    title: 'Осуществление мониторинга показателей',
    seedDeadline: 'Ежегодно до 20.01',
    deadline: { month: 1, day: 20, yearOffset: 0 },
    campaign: 'monitoringDue',
  },
  {
    code: 'seed-004.6',
    group: 'monitoring',
    title: 'Проведение мониторинга профессионального развития педагогических работников по установленным показателям',
    seedDeadline: 'Ежегодно до 20.01',
    deadline: { month: 1, day: 20, yearOffset: 0 },
    campaign: 'monitoringDue',
  },
  {
    code: 'seed-004.7',
    group: 'analysis',
    title: 'Анализ результатов мониторинга, подготовка адресных рекомендаций',
    seedDeadline: 'Ежегодно до 30 марта',
    deadline: { month: 3, day: 30, yearOffset: 0 },
    campaign: 'analysisDue',
  },
  {
    code: 'seed-004.8',
    group: 'analysis',
    title:
      'Проведение анализа результатов мониторинга профессионального развития педагогических работников с выявлением факторов, влияющих на сформированность установленных показателей',
    seedDeadline: 'Ежегодно до 30 марта',
    deadline: { month: 3, day: 30, yearOffset: 0 },
    campaign: 'analysisDue',
  },
  {
    code: 'seed-004.9',
    group: 'measures',
    title: 'Меры, мероприятия, управленческие решения',
    seedDeadline: 'Ежегодно До 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.10',
    group: 'measures',
    title:
      'Проведение мероприятий по информированию учителей о новых тенденциях в сфере образования, задачах и требованиях к профессиональной компетентности педагогических работников',
    seedDeadline: 'Ежегодно До 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.11',
    group: 'measures',
    title:
      'Проведение конкурсов профессионального мастерства педагогических работников, в том числе для молодых педагогов',
    seedDeadline: 'Ежегодно До 31 августа',
    deadline: { month: 8, day: 31, yearOffset: 0 },
    campaign: null,
  },
  {
    code: 'seed-004.12',
    group: 'measures',
    title:
      'Проведение мероприятий, направленных на повышение мотивации педагогических работников, обновление профессиональных знаний, умений и навыков и использование передовых педагогических практик',
    seedDeadline: 'Ежегодно До 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.13',
    group: 'measures',
    title:
      'Принятие мер по использованию цифровой образовательной среды дополнительного профессионального образования педагогическими работниками',
    seedDeadline: 'ежегодно до 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.14',
    group: 'measures',
    title: 'Принятие мер, направленных на помощь молодым педагогам, в том числе на развитие института наставничества',
    seedDeadline: 'ежегодно до 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.15',
    group: 'measures',
    title:
      'Организация методической помощи методическим объединениям и (или) профессиональным сообществам педагогических работников',
    seedDeadline: 'ежегодно до 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.16',
    group: 'measures',
    title:
      'Обеспечение сетевого взаимодействия муниципальных методических служб, городских и школьных методических объединений, профессиональных сообществ по актуальным проблемам образования Нижнетуринского городского округа на портале региональной сетевой методической службы «Педсовет 66»',
    seedDeadline: 'ежегодно до 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.17',
    group: 'measures',
    title:
      'Изучение состояния и результатов деятельности методических объединений и (или) профессиональных сообществ педагогических работников',
    seedDeadline: 'ежегодно до 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.18',
    group: 'measures',
    title:
      'Организация методической работы с педагогическими работниками на основании результатов различных оценочных процедур оценки качества подготовки обучающихся',
    seedDeadline: 'ежегодно до 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.19',
    group: 'measures',
    title:
      'Проведение мероприятий, направленных на повышение качества методического сопровождения педагогических работников',
    seedDeadline: 'ежегодно до 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.20',
    group: 'measures',
    title: 'Принятие мер, направленных на устранение кадрового дефицита в образовательной организации',
    seedDeadline: 'ежегодно до 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.21',
    group: 'measures',
    title: 'Проведение мероприятий по вовлечению педагогических работников в экспертную деятельность',
    seedDeadline: 'ежегодно до 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.22',
    group: 'measures',
    title: 'Проведение мероприятий по проведению профилактики профессионального выгорания педагогических работников',
    seedDeadline: 'ежегодно до 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.23',
    group: 'measures',
    title:
      'Проведение мероприятий по построению индивидуальных маршрутов непрерывного развития профессионального мастерства педагогических работников',
    seedDeadline: 'ежегодно до 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.24',
    group: 'measures',
    title:
      'Планирование взаимодействия ОО с центром непрерывного повышения профессионального мастерства педагогических работников «Учитель будущего»',
    seedDeadline: 'ежегодно до 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.25',
    group: 'measures',
    title:
      'Принятие мер, направленных на привлечение в образовательные организации лучших выпускников образовательных организаций высшего (педагогического) образования',
    seedDeadline: 'ежегодно до 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.26',
    group: 'measures',
    title:
      'Принятие мер, направленных на организацию профессиональных стажировок (в том числе на базе профессиональных образовательных организаций педагогического профиля)',
    seedDeadline: 'ежегодно до 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.27',
    group: 'measures',
    title:
      'Принятие мер, направленных на формирование механизма по привлечению высококвалифицированных специалистов в методический актив',
    seedDeadline: 'ежегодно до 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.28',
    group: 'decisions',
    title: 'Принятие управленческих решений по результатам проведенного анализа, принятых мер',
    seedDeadline: 'ежегодно до 31 декабря',
    deadline: { month: 12, day: 31, yearOffset: 0 },
    campaign: 'measuresDue',
  },
  {
    code: 'seed-004.29',
    group: 'effectiveness',
    title: 'Анализ эффективности принятых мер, мероприятий',
    seedDeadline: 'ежегодно до 31 августа',
    deadline: { month: 8, day: 31, yearOffset: 1 },
    campaign: 'effectivenessDue',
  },
  {
    code: 'seed-004.30',
    group: 'effectiveness',
    title: 'Анализ и оценка эффективности принятых мер (мероприятий) по осуществлению мониторинга',
    seedDeadline: 'ежегодно до 31 августа',
    deadline: { month: 8, day: 31, yearOffset: 1 },
    campaign: 'effectivenessDue',
  },
  {
    code: 'seed-004.31',
    group: 'effectiveness',
    title:
      'Анализ и оценка эффективности принятых управленческих решений по результатам проведенного анализа мониторинга',
    seedDeadline: 'ежегодно до 31 августа',
    deadline: { month: 8, day: 31, yearOffset: 1 },
    campaign: 'effectivenessDue',
  },
]

export const MEASURE_TEMPLATES: readonly MeasureTemplate[] = [
  {
    code: 'seed-004',
    title: 'План мероприятий («дорожная карта») по обеспечению профессионального развития педагогических работников',
    items: SEED_004_ITEMS,
  },
]

/**
 * The due date of a template item for a period ending on `periodEndsOn`: the region's campaign
 * deadline where the item follows one, else the seed's day and month in the period's year.
 *
 * @example
 * dueDateOf(item6, '2025-08-31', campaign) // campaign.monitoringDue, '2025-01-20' by default
 */
export function dueDateOf(item: TemplateItem, periodEndsOn: string, campaign: Deadlines): string {
  if (item.campaign) return campaign[item.campaign]
  const year = Number(periodEndsOn.slice(0, 4)) + item.deadline.yearOffset
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${year}-${pad(item.deadline.month)}-${pad(item.deadline.day)}`
}
