import type { Database, Kysely } from '@profmon/db'
import { snilsCheck } from '@profmon/contract/rules'
import { encryptSnils, pdKeys, snilsHash } from '@profmon/server'

// prettier-ignore
const SURNAMES = [
  ['Иванов', 'Иванова'], ['Смирнов', 'Смирнова'], ['Кузнецов', 'Кузнецова'], ['Попов', 'Попова'],
  ['Васильев', 'Васильева'], ['Петров', 'Петрова'], ['Соколов', 'Соколова'], ['Михайлов', 'Михайлова'],
  ['Новиков', 'Новикова'], ['Фёдоров', 'Фёдорова'], ['Морозов', 'Морозова'], ['Волков', 'Волкова'],
  ['Алексеев', 'Алексеева'], ['Лебедев', 'Лебедева'], ['Семёнов', 'Семёнова'], ['Егоров', 'Егорова'],
  ['Павлов', 'Павлова'], ['Козлов', 'Козлова'], ['Степанов', 'Степанова'], ['Николаев', 'Николаева'],
  ['Орлов', 'Орлова'], ['Андреев', 'Андреева'], ['Макаров', 'Макарова'], ['Никитин', 'Никитина'],
  ['Захаров', 'Захарова'], ['Зайцев', 'Зайцева'], ['Соловьёв', 'Соловьёва'], ['Борисов', 'Борисова'],
] as const
// prettier-ignore
const MALE = ['Александр', 'Дмитрий', 'Максим', 'Сергей', 'Андрей', 'Алексей', 'Иван', 'Михаил', 'Николай', 'Павел'] as const
// prettier-ignore
const FEMALE = ['Анна', 'Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Светлана', 'Мария', 'Екатерина', 'Юлия', 'Галина', 'Людмила'] as const
// prettier-ignore
const PATRONYMICS = [
  ['Александрович', 'Александровна'], ['Сергеевич', 'Сергеевна'], ['Викторович', 'Викторовна'],
  ['Николаевич', 'Николаевна'], ['Владимирович', 'Владимировна'], ['Петрович', 'Петровна'],
  ['Иванович', 'Ивановна'], ['Андреевич', 'Андреевна'],
] as const
const SUBJECTS = [
  'primary',
  'russian',
  'literature',
  'math',
  'informatics',
  'physics',
  'chemistry',
  'biology',
  'geography',
  'history',
  'social_studies',
  'foreign_language',
  'physical_education',
  'technology',
  'music',
  'art',
]
const DEFICITS = [
  'subject',
  'methodical',
  'psycho_pedagogical',
  'communicative',
  'digital',
  'functional_literacy',
  'burnout',
]

/** A seeded PRNG (mulberry32), so the demo's people are the same on every fresh start. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const iso = (d: Date) => d.toISOString().slice(0, 10)
const addDays = (date: string, days: number) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000))

/**
 * The demo region's teacher registry: about 300 fictional teachers in the schools of the first
 * municipalities (a few of them part-time in a second school), their subjects, qualification
 * and events — diagnostics with deficits, ИОМ built on them with steps, courses (the regional
 * centre's and federal), mentoring, attestation. The registry stays switched off for the region:
 * the demo's counts are typed for every school and only some schools keep people, so derived
 * counts would mix both; a region admin switches it on in the registry settings once every
 * school keeps its staff there.
 * Skipped, with the reason, when no personal-data key is available.
 *
 * @example
 * await seedDemoRegistry(db, regionId) // { people: 300, events: 700 }
 */
export async function seedDemoRegistry(
  db: Kysely<Database>,
  regionId: number,
  target = 300,
): Promise<{ people: number; events: number } | { skipped: string }> {
  try {
    pdKeys()
  } catch (err) {
    return { skipped: err instanceof Error ? err.message : String(err) }
  }
  const next = random(20_251_016)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!
  const options = await db.selectFrom('dimension_option').select(['id', 'dimension_code', 'code']).execute()
  const optionId = (dimension: string, code: string) =>
    options.find((o) => o.dimension_code === dimension && o.code === code)?.id
  const schools = await db
    .selectFrom('org_unit')
    .select(['id', 'parent_id'])
    .where('path', 'like', `/${regionId}/%`)
    .where('level', '=', 3)
    .where('kind', '=', 'school')
    .orderBy('parent_id')
    .orderBy('id')
    .limit(Math.ceil(target / 12))
    .execute()
  if (!schools.length) return { skipped: 'the demo region has no schools' }
  const perSchool = Math.ceil(target / schools.length)
  const snilsSeen = new Set<string>()
  let events = 0
  let people = 0
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('registry_setting')
      .values({ region_id: regionId, enabled: false, updated_by: 'system' })
      .onConflict((oc) => oc.doNothing())
      .execute()
    for (const [s, school] of schools.entries()) {
      for (let i = 0; i < perSchool && people < target; i++) {
        const female = next() < 0.8
        const [m, f] = pick(SURNAMES)
        const [pm, pf] = pick(PATRONYMICS)
        const birthYear = 1958 + Math.floor(next() * 45)
        const birthDate = iso(new Date(Date.UTC(birthYear, Math.floor(next() * 12), 1 + Math.floor(next() * 28))))
        const experienceSince = `${birthYear + 21 + Math.floor(next() * 4)}-09-01`
        let nine = String(100_000_000 + Math.floor(next() * 899_999_999))
        while (snilsSeen.has(nine)) nine = String(100_000_000 + Math.floor(next() * 899_999_999))
        snilsSeen.add(nine)
        const snils = nine + String(snilsCheck(nine)).padStart(2, '0')
        const head = i === 0
        const categoryRoll = next()
        const category = categoryRoll < 0.35 ? 'highest' : categoryRoll < 0.7 ? 'first' : 'none'
        const person = await trx
          .insertInto('person')
          .values({
            region_id: regionId,
            surname: female ? f : m,
            name: female ? pick(FEMALE) : pick(MALE),
            patronymic: female ? pf : pm,
            birth_date: birthDate,
            snils_enc: encryptSnils(snils),
            snils_hash: snilsHash(snils),
            education: next() < 0.85 ? 'higher_pedagogical' : pick(['higher_other', 'secondary_pedagogical'] as const),
            experience_since: experienceSince,
            category,
            category_on: category === 'none' ? null : `${2019 + Math.floor(next() * 6)}-04-15`,
            management_reserve: !head && next() < 0.06,
            created_by: 'system',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        people++
        const startsOn = experienceSince < '2010-09-01' ? `${2005 + Math.floor(next() * 15)}-09-01` : experienceSince
        await trx
          .insertInto('employment')
          .values({
            person_id: person.id,
            org_unit_id: school.id,
            position: head ? 'head' : next() < 0.08 ? 'deputy_head' : 'teacher',
            starts_on: startsOn,
          })
          .execute()
        // A few teach part-time in the next school of the same municipality.
        const neighbour = schools[s + 1]
        if (neighbour && neighbour.parent_id === school.parent_id && next() < 0.04)
          await trx
            .insertInto('employment')
            .values({
              person_id: person.id,
              org_unit_id: neighbour.id,
              position: 'teacher',
              rate: 0.5,
              main: false,
              starts_on: '2024-09-01',
            })
            .execute()
        const subjects = [...new Set([pick(SUBJECTS), ...(next() < 0.3 ? [pick(SUBJECTS)] : [])])]
        await trx
          .insertInto('person_subject')
          .values(
            subjects.flatMap((c) =>
              optionId('subject', c) ? [{ person_id: person.id, option_id: optionId('subject', c)! }] : [],
            ),
          )
          .execute()

        const event = async (row: {
          kind: 'diagnostics' | 'iom' | 'course' | 'mentoring' | 'attestation'
          occurred_on: string
          completed_on?: string | null
          based_on?: number | null
          details: Record<string, unknown>
        }) => {
          events++
          return (
            await trx
              .insertInto('person_event')
              .values({
                person_id: person.id,
                org_unit_id: school.id,
                created_by: 'system',
                ...row,
                details: JSON.stringify(row.details),
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        }
        for (const year of [2023, 2024, 2025]) {
          if (next() > 0.55 || `${year}-09-01` < startsOn) continue
          const on = addDays(`${year}-09-20`, Math.floor(next() * 60))
          const diagnostics = await event({
            kind: 'diagnostics',
            occurred_on: on,
            details: { instrument: 'Региональная диагностика профессиональных дефицитов' },
          })
          const found = [...new Set(Array.from({ length: Math.floor(next() * 3) }, () => pick(DEFICITS)))]
          if (found.length)
            await trx
              .insertInto('person_event_option')
              .values(found.map((c) => ({ event_id: diagnostics, option_id: optionId('deficit_type', c)! })))
              .execute()
          if (found.length && next() < 0.7) {
            const done = next() < 0.5
            const iom = await event({
              kind: 'iom',
              occurred_on: addDays(on, 14),
              completed_on: done ? `${year + 1}-05-25` : null,
              based_on: diagnostics,
              details: { title: 'Индивидуальный образовательный маршрут' },
            })
            await trx
              .insertInto('iom_step')
              .values([
                {
                  event_id: iom,
                  kind: 'course',
                  title: 'Курсы повышения квалификации ЦНППМ',
                  due_on: `${year}-12-20`,
                  completed_on: done || next() < 0.5 ? `${year}-12-15` : null,
                  sort: 0,
                },
                {
                  event_id: iom,
                  kind: 'mentoring',
                  title: 'Работа с наставником',
                  due_on: `${year + 1}-03-01`,
                  completed_on: done ? `${year + 1}-02-27` : null,
                  sort: 1,
                },
                {
                  event_id: iom,
                  kind: 'methodical_event',
                  title: 'Открытый урок на методическом объединении',
                  due_on: `${year + 1}-05-20`,
                  completed_on: done ? `${year + 1}-05-18` : null,
                  sort: 2,
                },
              ])
              .execute()
            await event({
              kind: 'course',
              occurred_on: addDays(on, 30),
              completed_on: addDays(on, 60),
              based_on: diagnostics,
              details: {
                title: 'Совершенствование предметных и методических компетенций',
                provider: 'cnppm',
                hours: 36,
                distance: next() < 0.4,
              },
            })
          } else if (next() < 0.3)
            await event({
              kind: 'course',
              occurred_on: addDays(on, 40),
              completed_on: addDays(on, 80),
              details: { title: 'Школа Минпросвещения России', provider: 'federal', hours: 72, distance: true },
            })
        }
        if (startsOn >= '2022-09-01' && next() < 0.8)
          await event({
            kind: 'mentoring',
            occurred_on: startsOn,
            details: { role: 'mentee', programme: 'Наставничество молодых педагогов' },
          })
        if (category !== 'none' && next() < 0.3)
          await event({ kind: 'attestation', occurred_on: '2025-04-15', details: { category } })
      }
    }
  })
  return { people, events }
}
