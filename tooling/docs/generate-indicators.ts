/**
 * Writes `docs/indicators.md` from the plugin manifests: every indicator of every direction, then
 * how the indicator lists of the seed documents (001 appendix 2, 002, 003) map to indicator codes,
 * and what was deliberately left out. The mapping below is data, checked against the manifests:
 * a code that no manifest defines, or an indicator that cites a seed item the mapping does not
 * send to it, fails the run (and the test in this folder).
 *
 * Run: `pnpm run docs` at the root (plain `pnpm docs` is pnpm's own command that opens a package's homepage).
 */
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { CORE_DIMENSIONS, dimensionsOf, type Indicator, type PluginManifest } from '@profmon/contract'
import { consoleLogger, discoverPlugins, manifestsOf, pluginRoots } from '@profmon/plugin-host'
import * as prettier from 'prettier'

/** Where the generated file goes: `docs/indicators.md` at the repository root. */
export const OUTPUT = fileURLToPath(new URL('../../docs/indicators.md', import.meta.url))

/** Every direction, in navigation order: the plugins the server would load (`plugins/*`, `PLUGINS_DIR`). */
export const MANIFESTS: PluginManifest[] = manifestsOf(await discoverPlugins(pluginRoots(), consoleLogger))

/** One item of a seed's indicator list and the indicator codes that measure it. */
export interface SeedItem {
  /** The seed document: `001`, `002`, `003`. */
  seed: string
  /** Its reference inside the seed: `#1` … `#14` for 001's appendix 2, a running number otherwise. */
  ref: string
  /** The item as the seed words it (shortened where the seed is long). */
  text: string
  codes: string[]
  note?: string
}

/** A seed item no indicator measures, and why. */
export interface LeftOutItem {
  seed: string
  text: string
  reason: string
}

/** Seed 001 (KBR order, appendix 2): all 14 indicators, with the "значение показателя" column. */
const SEED_001: SeedItem[] = [
  {
    seed: '001',
    ref: '#1',
    text: 'Доля педагогов (в разрезе учебных предметов), прошедших диагностику профессиональных дефицитов, от общего количества педагогов; значение — наличие статистического и качественного анализа',
    codes: ['deficits.diagnosed_share', 'deficits.analysis_presence'],
    note: 'The breakdown by subject is the `subject` dimension of the share; the analysis is a presence indicator with its report as evidence.',
  },
  {
    seed: '001',
    ref: '#2',
    text: 'Доля педагогов по каждому из видов дефицитов, в том числе по профессиональному выгоранию; значение — наличие статистического и качественного анализа',
    codes: ['deficits.deficit_type_share', 'deficits.analysis_presence'],
    note: 'One row per option of `deficit_type`, burnout included.',
  },
  {
    seed: '001',
    ref: '#3',
    text: 'Доля индивидуальных образовательных маршрутов совершенствования профессионального мастерства педагогов на основе профессиональных дефицитов; значение — наличие ИОМ',
    codes: ['deficits.iom_share'],
    note: '"Наличие ИОМ" is a share above zero; no separate presence indicator.',
  },
  {
    seed: '001',
    ref: '#4',
    text: 'Доля педагогов, охваченных адресными программами ПК, разработанными на основе диагностики профессиональных дефицитов; значение — наличие модулей или программ ПК',
    codes: ['deficits.targeted_pd_share'],
    note: 'Teachers in targeted programmes imply the programmes exist; they are not counted separately.',
  },
  {
    seed: '001',
    ref: '#5',
    text: 'Доля специалистов, прошедших переподготовку по образовательным программам педагогической направленности, от всех прошедших переподготовку; значение — наличие статистического анализа по региону, доля прошедших переподготовку в ЦНППМ',
    codes: ['retraining.pedagogical_share', 'retraining.analysis_presence', 'retraining.cnppm_share'],
  },
  {
    seed: '001',
    ref: '#6',
    text: 'Доля педагогических работников, прошедших обучение по дополнительным профессиональным программам в дистанционной форме',
    codes: ['digital_environment.distance_share'],
    note: 'The value column asks for the statistics themselves, which the share is.',
  },
  {
    seed: '001',
    ref: '#7',
    text: 'Доля программ ДПО, реализуемых с применением электронного обучения, разработанных в регионе; значение — наличие модулей и программ в дистанционной форме',
    codes: ['digital_environment.elearning_programs_share'],
    note: 'Measured for the region only: the programmes are developed and counted regionally.',
  },
  {
    seed: '001',
    ref: '#8',
    text: 'Подготовка экспертов для работы в региональной предметной комиссии при проведении ГИА; значение — подтверждающие нормативные документы',
    codes: ['expertise.gia_experts_count', 'expertise.gia_experts_documents'],
  },
  {
    seed: '001',
    ref: '#9',
    text: 'Доля педагогических работников, вошедших в методический актив; значение — наличие РУМО, МУМО, методических объединений предметников (подтверждающие документы)',
    codes: ['methodical_asset.asset_share', 'methodical_asset.associations_presence'],
  },
  {
    seed: '001',
    ref: '#10',
    text: 'Доля педагогических работников, привлекаемых для работы в центры непрерывного повышения профессионального мастерства; значение — аналитические и статистические отчёты',
    codes: ['methodical_asset.cnppm_engaged_share'],
  },
  {
    seed: '001',
    ref: '#11',
    text: 'Реализация программ наставничества для молодых педагогов; значение — наличие программ наставничества, доля педагогов, участвующих в программах наставничества',
    codes: ['mentoring.programmes_presence', 'mentoring.participants_share'],
  },
  {
    seed: '001',
    ref: '#12',
    text: 'Доля педагогов, сопровождаемых педагогами-методистами, прошедшими региональный отбор',
    codes: ['mentoring.methodist_supported_share'],
  },
  {
    seed: '001',
    ref: '#13',
    text: 'Вовлечённость педагогов, включённых в сетевые сообщества, от общего числа педагогов; значение — наличие проектных команд и сетевых пар',
    codes: ['networking.community_share', 'networking.teams_pairs_count'],
  },
  {
    seed: '001',
    ref: '#14',
    text: 'Привлечение педагогов к реализации программ ДПО; значение — наличие договоров с образовательными организациями о сетевом взаимодействии',
    codes: ['networking.dpo_involved_share', 'networking.agreements_presence'],
  },
]

/** Seed 002 (Lesosibirsk): the list "Показатели, используемые в системе…", in the seed's order. */
const SEED_002: SeedItem[] = [
  [
    'количество проектов по поддержке молодых педагогов, реализуемых в муниципалитете',
    'mentoring.support_projects_count',
  ],
  [
    'процентная доля молодых педагогов, охваченных мероприятиями в рамках проектов по поддержке молодых педагогов',
    'mentoring.young_covered_share',
  ],
  ['наличие программ наставничества, реализуемых в муниципалитете', 'mentoring.programmes_presence'],
  [
    'количество индивидуальных программ наставничества, разработанных и утверждённых образовательными организациями',
    'mentoring.individual_programmes_count',
  ],
  ['процентная доля педагогов, участвующих в программах наставничества', 'mentoring.participants_share'],
  ['процентная доля педагогов, включённых в сетевые сообщества', 'networking.community_share'],
  ['наличие сетевых форм взаимодействия педагогов', 'networking.network_forms_presence'],
  [
    'наличие программы поддержки методических объединений, профессиональных сообществ педагогов',
    'networking.support_programme_presence',
  ],
  [
    'доля педагогов, прошедших курсы повышения квалификации в центрах непрерывного повышения профессионального мастерства',
    'deficits.cnppm_pd_share',
  ],
  [
    'доля педагогов, прошедших курсы повышения квалификации в рамках реализации приоритетных федеральных программ',
    'deficits.federal_pd_share',
  ],
  [
    'доля педагогов, вовлечённых в экспертную деятельность (ГИА, курсы ПК, профессиональные конкурсы и др.)',
    'expertise.engaged_share',
  ],
  [
    'доля педагогов, создавших и/или обновивших дополнительные профессиональные программы курсов повышения квалификации (в т.ч. РАОП продвинутый и высший уровень)',
    'methodical_asset.program_authors_share',
  ],
  [
    'доля педагогов, использующих краевые цифровые образовательные среды для дополнительного профессионального образования',
    'digital_environment.regional_env_share',
  ],
].map(([text, code], i) => ({ seed: '002', ref: String(i + 1), text: text!, codes: [code!] }))

/** Seed 003 (pedagogical council slides): the indicators with their stated values and facts. */
const SEED_003: SeedItem[] = [
  {
    seed: '003',
    ref: '1',
    text: 'МСО: доля ОУ, в которых большинство педкадров прошли оценку профмастерства',
    codes: ['deficits.orgs_assessed_share'],
  },
  {
    seed: '003',
    ref: '2',
    text: 'МСО: показатели кадровых дефицитов',
    codes: ['staffing.vacancies_count', 'staffing.orgs_with_vacancies_share', 'staffing.need_count'],
  },
  {
    seed: '003',
    ref: '3',
    text: 'К показателям: кадры — общий по кадровому составу, сбалансированность по возрасту',
    codes: ['staffing.under_35_share', 'staffing.pensioners_share'],
  },
  {
    seed: '003',
    ref: '4',
    text: 'Супервизия / тьюторство — 1 на 100 человек (факт — 5)',
    codes: ['methodical_asset.tutors_per_100'],
    note: 'Target 1 per 100 teachers.',
  },
  {
    seed: '003',
    ref: '5',
    text: 'Доля пед. работников до 35 лет 8,5 (допустимый уровень — не более 5 %)',
    codes: ['staffing.under_35_share'],
    note: '8.5 is the fact; 5 % is used as the default floor.',
  },
  {
    seed: '003',
    ref: '6',
    text: 'Диагностика проф. дефицитов: не менее 30 % — очередной год (факт — несоответствие)',
    codes: ['deficits.diagnosed_share'],
    note: 'Target 30 % for 2025-26.',
  },
  {
    seed: '003',
    ref: '7',
    text: 'Молодые педагоги до 35 лет — МППИ, круглогодичные школы (несоответствие)',
    codes: ['mentoring.young_covered_share'],
    note: 'Events for young teachers are counted as reach of the support projects.',
  },
  {
    seed: '003',
    ref: '8',
    text: 'Молодые специалисты (стаж до 3 лет) — краевой конкурс поддержки проектов молодых специалистов (несоответствие)',
    codes: ['mentoring.young_contest_count'],
  },
  {
    seed: '003',
    ref: '9',
    text: 'Сетевое взаимодействие — соответствие?',
    codes: ['networking.network_forms_presence', 'networking.community_share'],
  },
  {
    seed: '003',
    ref: '10',
    text: 'СМО — соответствие?',
    codes: ['methodical_asset.associations_presence', 'networking.support_programme_presence'],
    note: 'Read as (сетевые) методические объединения; the slides do not expand the abbreviation.',
  },
  {
    seed: '003',
    ref: '11',
    text: 'Пенсионный возраст — 38,8 % (несоответствие)',
    codes: ['staffing.pensioners_share'],
    note: 'Lower is better; 30 % is the default ceiling, under which 38.8 % is not met.',
  },
  {
    seed: '003',
    ref: '12',
    text: 'Работа с вакансиями — соответствие?',
    codes: ['staffing.vacancies_count', 'staffing.orgs_with_vacancies_share'],
  },
  {
    seed: '003',
    ref: '13',
    text: 'Школа резерва управленческих кадров — соответствие',
    codes: ['staffing.reserve_school_presence'],
  },
  {
    seed: '003',
    ref: '14',
    text: 'Наставничество — соответствие?',
    codes: ['mentoring.programmes_presence', 'mentoring.participants_share'],
  },
  {
    seed: '003',
    ref: '15',
    text: 'Диагностика проф. дефицитов в рамках корпоративного заказа — соответствие',
    codes: ['deficits.diagnosed_share'],
    note: 'Diagnostics are not told apart by who ordered them.',
  },
  {
    seed: '003',
    ref: '16',
    text: 'РАОП (региональный атлас образовательных практик)',
    codes: ['methodical_asset.program_authors_share'],
  },
  {
    seed: '003',
    ref: '17',
    text: 'Соглашение МО КК: повышение уровня профессионального мастерства по ДПП — значение 5 %, очередной год — 6,8 %',
    codes: ['deficits.targeted_pd_share'],
    note: 'Targets 5 % (2024-25) and 6.8 % (2025-26).',
  },
  {
    seed: '003',
    ref: '18',
    text: 'Соглашение МО КК: ИОМ (по кластерам) — 10 %, очередной год — 20 %',
    codes: ['deficits.iom_share'],
    note: 'Targets 10 % and 20 %; not broken down by staff cluster (see below).',
  },
  {
    seed: '003',
    ref: '19',
    text: 'Соглашение МО КК: ЦНППМ — значение 12 %, факт 19 % (соответствие), очередной год — 26 %',
    codes: ['deficits.cnppm_pd_share'],
  },
  {
    seed: '003',
    ref: '20',
    text: 'Соглашение МО КК: Профсреда — значение 10 % (несоответствие), очередной год — 20 %',
    codes: ['digital_environment.regional_env_share'],
  },
  {
    seed: '003',
    ref: '21',
    text: 'Планирование результата: выявлены профессиональные дефициты педагогов; разработаны ИОМ',
    codes: ['deficits.deficit_type_share', 'deficits.iom_share'],
  },
  {
    seed: '003',
    ref: '22',
    text: 'Диагностика профдефицитов в части функциональной грамотности (данные регионального мониторинга)',
    codes: ['deficits.deficit_type_share'],
    note: 'Functional literacy is an option of `deficit_type`, not an indicator of its own.',
  },
]

/** Every seed item mapped to indicator codes. */
export const SEED_MAP: SeedItem[] = [...SEED_001, ...SEED_002, ...SEED_003]

/** What the seeds list but no indicator measures, on purpose. */
export const LEFT_OUT: LeftOutItem[] = [
  {
    seed: '003',
    text: 'ОУ: доля педагогов, успешно прошедших оценку профмастерства (либо по результатам учеников в объективных процедурах)',
    reason:
      'The seed defines neither the assessment nor its pass mark; the municipal form of the same measure (share of schools where most teachers were assessed) is `deficits.orgs_assessed_share`.',
  },
  {
    seed: '003',
    text: 'Показатели результатов обучения: ГИА, ВПР, ККР — соответствие, тренд',
    reason:
      "Students' results belong to the assessment of education quality, not to teachers' professional development; they come from ФИС ГИА and StatGrad, not from this monitoring.",
  },
  {
    seed: '003',
    text: 'Кластеризация кадров (низкие результаты, ОД, ОВЗ, дети-инвалиды, молодые специалисты до 35 лет и до 3 лет стажа, специалисты, резерв, руководители, пенсионеры)',
    reason:
      'Core has the `staff_cluster` dimension, but the seeds give no figure per cluster; the age clusters are measured by `staffing.under_35_share` and `staffing.pensioners_share`, and the clusters of students (низкие результаты, ОВЗ…) are not about staff.',
  },
  {
    seed: '003',
    text: 'Система учёта нагрузки педагогических кадров — соответствие?',
    reason: 'Workload accounting is a property of an HR information system, with no measure in the seeds.',
  },
  {
    seed: '003',
    text: 'Планирование результата: обобщён и представлен эффективный опыт; выстроена система работы по сохранности, развитию, самореализации кадров; педагогический корпус включён в инновационную деятельность',
    reason: 'Qualitative statements of intent without a measure or a source of data.',
  },
  {
    seed: '001',
    text: 'Количество баллов (последний столбец приложения 2)',
    reason:
      'The order gives no bands; the manifests carry default `scoring` bands that a region may change, shown with each indicator.',
  },
]

const KIND: Record<Indicator['kind'], string> = {
  share: 'share — доля, %',
  count: 'count — количество',
  value: 'value — значение',
  presence: 'presence — наличие (да/нет)',
  score: 'score — баллы',
}
const POLARITY: Record<Indicator['polarity'], string> = {
  higher: 'higher is better (больше — лучше)',
  lower: 'lower is better (меньше — лучше)',
}
const LEVEL: Record<string, string> = { region: 'регион', municipality: 'муниципалитет', organization: 'организация' }

/** Codes of every indicator of the manifests. */
function indicatorCodes(manifests: PluginManifest[]): Set<string> {
  return new Set(manifests.flatMap((m) => m.indicators.map((i) => i.code)))
}

/**
 * Checks the mapping against the manifests and throws naming every problem:
 * - a mapped code that no manifest defines;
 * - an indicator citing `001 #n` that the mapping of `001 #n` does not name;
 * - an indicator citing seed 002 or 003 that no item of that seed maps to.
 */
export function checkMapping(manifests: PluginManifest[] = MANIFESTS, map: SeedItem[] = SEED_MAP): void {
  const codes = indicatorCodes(manifests)
  const problems: string[] = []
  for (const item of map)
    for (const code of item.codes)
      if (!codes.has(code)) problems.push(`seed ${item.seed} ${item.ref}: no manifest defines "${code}"`)
  for (const m of manifests)
    for (const ind of m.indicators)
      for (const seed of ind.seeds) {
        const [doc, ref] = seed.split(' ')
        if (doc === '001' && ref?.startsWith('#')) {
          const item = map.find((i) => i.seed === '001' && i.ref === ref)
          if (!item?.codes.includes(ind.code))
            problems.push(`"${ind.code}" cites 001 ${ref}, which the mapping does not send to it`)
        } else if ((doc === '002' || doc === '003') && !ref) {
          if (!map.some((i) => i.seed === doc && i.codes.includes(ind.code)))
            problems.push(`"${ind.code}" cites seed ${doc}, but no item of seed ${doc} maps to it`)
        }
      }
  if (problems.length)
    throw new Error(`docs/indicators.md: the seed mapping does not match the manifests:\n- ${problems.join('\n- ')}`)
}

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ')
const code = (s: string) => `\`${s}\``
const num = (n: number) => String(n)

function formulaOf(ind: Indicator): string {
  if (ind.kind === 'share') return `${code(ind.numerator!)} / ${code(ind.denominator!)} × 100`
  return code(ind.formula!)
}

function targetsOf(ind: Indicator): string {
  if (!ind.targets.length) return '—'
  const unit = ind.kind === 'share' ? ' %' : ''
  return ind.targets
    .map((t) => {
      const value = ind.kind === 'presence' ? (t.value ? 'да (1)' : 'нет (0)') : `${num(t.value)}${unit}`
      const tolerance = t.tolerance === undefined ? '' : ` (±${num(t.tolerance)}, partly met)`
      return `${t.period ?? 'every period'}: ${value}${tolerance}`
    })
    .join('; ')
}

function scoringOf(ind: Indicator): string | undefined {
  if (!ind.scoring?.length) return undefined
  return ind.scoring
    .map((b) => {
      const range =
        b.min !== undefined && b.max !== undefined
          ? `${num(b.min)}…${num(b.max)}`
          : b.min !== undefined
            ? `≥ ${num(b.min)}`
            : b.max !== undefined
              ? `< ${num(b.max)}`
              : 'any'
      return `${range} → ${num(b.points)}`
    })
    .join('; ')
}

function renderIndicator(m: PluginManifest, ind: Indicator): string[] {
  const dims = dimensionsOf(m)
  const dim = ind.dimension ? dims.get(ind.dimension) : undefined
  const lines = [
    `### ${code(ind.code)} — ${ind.title.ru}`,
    '',
    ...(ind.title.en ? [`_${ind.title.en}_`, ''] : []),
    ...(ind.description ? [`${ind.description.ru}`, ''] : []),
    `- **Kind:** ${KIND[ind.kind]}${ind.unit ? `, unit: ${ind.unit.ru}` : ''}, ${ind.decimals} decimal(s)`,
    `- **Formula:** ${formulaOf(ind)}`,
    `- **Breakdown:** ${dim ? `${code(dim.code)} — ${dim.title.ru} (${dim.options.length} options)` : '—'}`,
    `- **Polarity:** ${POLARITY[ind.polarity]}`,
    `- **Targets:** ${targetsOf(ind)}`,
  ]
  const scoring = scoringOf(ind)
  if (scoring) lines.push(`- **Scoring (default points):** ${scoring}`)
  lines.push(
    `- **Evidence:** ${ind.evidence.length ? ind.evidence.map((e) => `${code(e.code)} — ${e.title.ru}`).join('; ') : '—'}`,
    `- **Source:** ${ind.source?.ru ?? '—'}`,
    `- **Levels:** ${ind.levels.map((l) => LEVEL[l] ?? l).join(', ')}`,
    `- **Seeds:** ${ind.seeds.length ? ind.seeds.join(', ') : '—'}`,
    '',
  )
  return lines
}

function renderDirection(m: PluginManifest): string[] {
  return [
    `## ${m.title.ru} (${code(m.id)})`,
    '',
    ...(m.title.en ? [`_${m.title.en}_`, ''] : []),
    ...(m.description ? [m.description.ru, ''] : []),
    '| Code | Показатель | Kind | Seeds |',
    '| --- | --- | --- | --- |',
    ...m.indicators.map(
      (i) => `| ${code(i.code)} | ${cell(i.title.ru)} | ${i.kind} | ${cell(i.seeds.join(', ') || '—')} |`,
    ),
    '',
    ...m.indicators.flatMap((i) => renderIndicator(m, i)),
    `### Data elements of ${code(m.id)}`,
    '',
    '| Code | Данные | Type | Entered at | Aggregation | Breakdown |',
    '| --- | --- | --- | --- | --- | --- |',
    ...m.dataElements.map(
      (e) =>
        `| ${code(e.code)} | ${cell(e.title.ru)} | ${e.valueType} | ${LEVEL[e.entryLevel] ?? e.entryLevel} | ${e.aggregation} | ${e.dimension ? code(e.dimension) : '—'} |`,
    ),
    '',
  ]
}

function renderMapping(title: string, items: SeedItem[], titles: Map<string, string>): string[] {
  return [
    `### ${title}`,
    '',
    '| Item | Показатель в документе | Indicator code(s) | Note |',
    '| --- | --- | --- | --- |',
    ...items.map(
      (i) =>
        `| ${i.ref} | ${cell(i.text)} | ${i.codes.map((c) => `${code(c)} (${cell(titles.get(c) ?? '')})`).join('<br>')} | ${cell(i.note ?? '')} |`,
    ),
    '',
  ]
}

/** The whole document as prettier would format it, so that `pnpm format` leaves it unchanged. */
export async function renderIndicatorsDoc(manifests: PluginManifest[] = MANIFESTS): Promise<string> {
  checkMapping(manifests)
  const titles = new Map(manifests.flatMap((m) => m.indicators.map((i) => [i.code, i.shortTitle?.ru ?? i.title.ru])))
  const total = manifests.reduce((n, m) => n + m.indicators.length, 0)
  const md = [
    '# Indicators',
    '',
    '<!-- Generated by tooling/docs/generate-indicators.ts from the plugin manifests: run `pnpm run docs`, do not edit by hand. -->',
    '',
    `Every indicator of the ${manifests.length} directions (${total} in all), as the plugin manifests define them, and`,
    'where the seed documents ask for it. The mapping of the seeds’ indicator lists to codes is data in the',
    'generator, checked against the manifests; a test fails when this file is out of date.',
    '',
    '| Direction | Plugin | Indicators | Data elements |',
    '| --- | --- | --- | --- |',
    ...manifests.map(
      (m) => `| [${cell(m.title.ru)}](#${m.id}) | ${code(m.id)} | ${m.indicators.length} | ${m.dataElements.length} |`,
    ),
    '',
    'Dimensions of core: ' + CORE_DIMENSIONS.map((d) => `${code(d.code)} (${d.title.ru})`).join(', ') + '.',
    '',
    ...manifests.flatMap((m) => [`<a id="${m.id}"></a>`, '', ...renderDirection(m)]),
    '## Seed items → indicator codes',
    '',
    ...renderMapping(
      'Seed 001 — KBR order, appendix 2 (14 indicators)',
      SEED_MAP.filter((i) => i.seed === '001'),
      titles,
    ),
    ...renderMapping(
      'Seed 002 — Lesosibirsk, «Показатели, используемые в системе…»',
      SEED_MAP.filter((i) => i.seed === '002'),
      titles,
    ),
    ...renderMapping(
      'Seed 003 — pedagogical council slides, indicators and values',
      SEED_MAP.filter((i) => i.seed === '003'),
      titles,
    ),
    '## Deliberately left out',
    '',
    '| Seed | Item | Reason |',
    '| --- | --- | --- |',
    ...LEFT_OUT.map((l) => `| ${l.seed} | ${cell(l.text)} | ${cell(l.reason)} |`),
    '',
  ].join('\n')
  const config = (await prettier.resolveConfig(OUTPUT)) ?? {}
  return prettier.format(md, { ...config, parser: 'markdown' })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { mkdir } = await import('node:fs/promises')
  await mkdir(new URL('../../docs/', import.meta.url), { recursive: true })
  await writeFile(OUTPUT, await renderIndicatorsDoc())
  console.log(`wrote ${OUTPUT}`)
}
