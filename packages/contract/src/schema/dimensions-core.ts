import type { Dimension } from './dimension.ts'

const options = (pairs: [string, string, string][]) => pairs.map(([code, ru, en]) => ({ code, title: { ru, en } }))

/**
 * Dimensions owned by core and shared by every plugin (catalog "Dimensions"). A plugin refers
 * to them by code; it may declare further dimensions of its own.
 *
 * @example
 * CORE_DIMENSIONS.map((d) => d.code) // ['subject', 'deficit_type', 'staff_cluster', 'expertise_type']
 */
export const CORE_DIMENSIONS: readonly Dimension[] = [
  {
    code: 'subject',
    title: { ru: 'Учебный предмет', en: 'Subject' },
    options: options([
      ['primary', 'Начальные классы', 'Primary school'],
      ['russian', 'Русский язык', 'Russian language'],
      ['literature', 'Литература', 'Literature'],
      ['math', 'Математика', 'Mathematics'],
      ['informatics', 'Информатика', 'Computer science'],
      ['physics', 'Физика', 'Physics'],
      ['chemistry', 'Химия', 'Chemistry'],
      ['biology', 'Биология', 'Biology'],
      ['geography', 'География', 'Geography'],
      ['history', 'История', 'History'],
      ['social_studies', 'Обществознание', 'Social studies'],
      ['foreign_language', 'Иностранный язык', 'Foreign language'],
      ['physical_education', 'Физическая культура', 'Physical education'],
      ['safety', 'ОБЗР', 'Safety and defence basics'],
      ['technology', 'Технология', 'Technology'],
      ['music', 'Музыка', 'Music'],
      ['art', 'Изобразительное искусство', 'Fine arts'],
      ['native_language', 'Родной язык', 'Native language'],
      ['other', 'Другое', 'Other'],
    ]),
  },
  {
    code: 'deficit_type',
    title: { ru: 'Вид профессионального дефицита', en: 'Type of professional deficit' },
    options: options([
      ['subject', 'Предметные', 'Subject knowledge'],
      ['methodical', 'Методические', 'Methodical'],
      ['psycho_pedagogical', 'Психолого-педагогические', 'Psycho-pedagogical'],
      ['communicative', 'Коммуникативные', 'Communicative'],
      ['digital', 'Цифровые', 'Digital'],
      ['functional_literacy', 'Функциональная грамотность', 'Functional literacy'],
      ['burnout', 'Профессиональное выгорание', 'Professional burnout'],
    ]),
  },
  {
    code: 'staff_cluster',
    title: { ru: 'Кластер педагогических кадров', en: 'Staff cluster' },
    options: options([
      ['young_under_35', 'Молодые специалисты до 35 лет', 'Young specialists under 35'],
      ['experience_under_3', 'Стаж до 3 лет', 'Under 3 years of experience'],
      ['specialists', 'Специалисты', 'Specialists'],
      ['management_reserve', 'Резерв управленческих кадров', 'Management reserve'],
      ['heads', 'Руководители', 'Heads'],
      ['pensioners', 'Пенсионеры', 'Pensioners'],
    ]),
  },
  {
    code: 'expertise_type',
    title: { ru: 'Вид экспертной деятельности', en: 'Type of expert activity' },
    options: options([
      ['state_exam', 'ГИА', 'State final examinations'],
      ['pd_courses', 'Курсы повышения квалификации', 'Professional development courses'],
      ['contests', 'Профессиональные конкурсы', 'Professional contests'],
      ['other', 'Другое', 'Other'],
    ]),
  },
]
