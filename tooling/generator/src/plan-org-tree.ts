import { largestRemainder } from './largest-remainder.ts'
import {
  COLLEGE_PROFILES,
  DISTRICT_ADJECTIVES,
  DISTRICT_FORMS,
  KINDERGARTEN_NAMES,
  TOWNS,
  VILLAGE_PREFIXES,
  VILLAGES,
} from './names.ts'
import { mulberry32 } from './random.ts'

/** One org unit to create: its names and kind. */
export interface PlannedUnit {
  name: string
  shortName: string
  kind: string
}

/** A municipality with its organisations. */
export interface PlannedMunicipality extends PlannedUnit {
  organizations: PlannedUnit[]
}

/** Every municipality has at least this many organisations. */
export const MIN_ORGS_PER_MUNICIPALITY = 3

interface MunicipalityName extends PlannedUnit {
  /** Adjective for names of institutions: "Светлогорский педагогический колледж". */
  adjective: string
  town: boolean
}

function shuffle<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)]!
}

function municipalityNames(count: number, next: () => number): MunicipalityName[] {
  const formBag = DISTRICT_FORMS.flatMap((f) => Array.from({ length: f.weight }, () => f))
  const districts: MunicipalityName[] = shuffle(DISTRICT_ADJECTIVES, next).map((adjective) => {
    const form = pick(formBag, next)
    return {
      name: `${adjective} ${form.suffix}`,
      shortName: `${adjective} ${form.short}`,
      kind: 'municipality',
      adjective,
      town: false,
    }
  })
  const towns: MunicipalityName[] = shuffle(TOWNS, next).map(([town, adjective]) => ({
    name: `Город ${town}`,
    shortName: `г. ${town}`,
    kind: 'municipality',
    adjective,
    town: true,
  }))
  // About one municipality in four is a town, as in a typical region.
  const out: MunicipalityName[] = []
  while (out.length < count && (districts.length || towns.length)) {
    const takeTown = towns.length > 0 && (districts.length === 0 || next() < 0.25)
    out.push((takeTown ? towns : districts).shift()!)
  }
  // Beyond the word lists (>76 municipalities) names repeat with a number: still distinct.
  for (let i = 0; out.length < count; i++) {
    const base = out[i]!
    out.push({ ...base, name: `${base.name} № ${Math.floor(i / 76) + 2}` })
  }
  return out
}

function organizationCounts(names: MunicipalityName[], total: number, next: () => number): number[] {
  const extra = total - MIN_ORGS_PER_MUNICIPALITY * names.length
  // Squared uniform draws give a few big municipalities and many small ones; towns are bigger.
  const weights = names.map((m) => (0.1 + next() ** 2) * (m.town ? 2.5 : 1))
  return largestRemainder(extra, weights).map((n) => n + MIN_ORGS_PER_MUNICIPALITY)
}

function schoolName(m: MunicipalityName, no: number, village: string | undefined, next: () => number): PlannedUnit {
  if (village) {
    const r = next()
    if (r < 0.45)
      return {
        name: `МКОУ «Основная общеобразовательная школа ${village}»`,
        shortName: `ООШ ${village}`,
        kind: 'school',
      }
    if (r < 0.9)
      return {
        name: `МБОУ «Средняя общеобразовательная школа ${village}»`,
        shortName: `СОШ ${village}`,
        kind: 'school',
      }
    return {
      name: `МКОУ «Начальная общеобразовательная школа ${village}»`,
      shortName: `НОШ ${village}`,
      kind: 'school',
    }
  }
  const r = next()
  // Lyceums and gymnasiums are mostly urban.
  const urban = m.town ? 1 : 0.4
  if (r < 0.1 * urban) return { name: `МАОУ «Лицей № ${no}»`, shortName: `Лицей № ${no}`, kind: 'school' }
  if (r < 0.22 * urban) return { name: `МБОУ «Гимназия № ${no}»`, shortName: `Гимназия № ${no}`, kind: 'school' }
  if (r < 0.27 * urban) return { name: `МАОУ «Центр образования № ${no}»`, shortName: `ЦО № ${no}`, kind: 'school' }
  const type = r < 0.45 ? 'МАОУ' : 'МБОУ'
  return { name: `${type} «Средняя общеобразовательная школа № ${no}»`, shortName: `СОШ № ${no}`, kind: 'school' }
}

function organizations(m: MunicipalityName, count: number, next: () => number): PlannedUnit[] {
  const out: PlannedUnit[] = []
  const centre = count >= 5 && next() < 0.6
  const college = count >= 8 && next() < (m.town ? 0.6 : 0.25)
  const kindergartens = Math.round((count - Number(centre) - Number(college)) * (0.15 + next() * 0.15))
  const schools = count - Number(centre) - Number(college) - kindergartens
  const villages = shuffle(VILLAGES, next)
  let schoolNo = 0
  for (let i = 0; i < schools; i++) {
    // Towns and district centres number their schools; the rest of a district are village schools.
    const numbered = m.town || i < 2 + Math.floor(schools / 4) || villages.length === 0
    const village = numbered ? undefined : `${pick(VILLAGE_PREFIXES, next)} ${villages.shift()}`
    if (numbered) schoolNo += next() < 0.2 ? 2 : 1 // gaps: schools closed or merged over the years
    out.push(schoolName(m, schoolNo, village, next))
  }
  let gardenNo = 0
  for (let i = 0; i < kindergartens; i++) {
    gardenNo += 1 + Math.floor(next() * 3)
    const title = pick(KINDERGARTEN_NAMES, next)
    out.push({
      name: `${next() < 0.2 ? 'МАДОУ' : 'МБДОУ'} «Детский сад № ${gardenNo} „${title}“»`,
      shortName: `Детский сад № ${gardenNo}`,
      kind: 'kindergarten',
    })
  }
  if (college) {
    const profile = pick(COLLEGE_PROFILES, next)
    const title = `${m.adjective} ${profile} колледж`
    out.push({ name: `ГБПОУ «${title}»`, shortName: title, kind: 'college' })
  }
  if (centre) out.push({ name: 'МБУ «Информационно-методический центр»', shortName: 'ИМЦ', kind: 'methodical_centre' })
  return out
}

/**
 * Plans the org tree below the region: fictional municipalities (districts, okrugs, towns) with
 * schools, kindergartens, colleges and methodical centres, spread unevenly. Pure and
 * deterministic for a seed.
 *
 * @example
 * planOrgTree(12, 200, 1).length // 12
 */
export function planOrgTree(municipalities: number, organizationsTotal: number, seed: number): PlannedMunicipality[] {
  if (!Number.isInteger(municipalities) || municipalities < 1)
    throw new RangeError(`municipalities must be a positive integer, got ${municipalities}`)
  if (!Number.isInteger(organizationsTotal) || organizationsTotal < MIN_ORGS_PER_MUNICIPALITY * municipalities)
    throw new RangeError(
      `organizations must be an integer of at least ${MIN_ORGS_PER_MUNICIPALITY} per municipality ` +
        `(${MIN_ORGS_PER_MUNICIPALITY * municipalities}), got ${organizationsTotal}`,
    )
  const next = mulberry32(seed)
  const names = municipalityNames(municipalities, next)
  const counts = organizationCounts(names, organizationsTotal, next)
  return names.map((m, i) => ({
    name: m.name,
    shortName: m.shortName,
    kind: m.kind,
    organizations: organizations(m, counts[i]!, next),
  }))
}
