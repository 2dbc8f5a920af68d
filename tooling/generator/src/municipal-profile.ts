import { hashString, keyedRandom, mulberry32 } from './random.ts'

/** What a municipality does in the demo story of a direction. */
export type MunicipalRole = 'lagging' | 'improving' | 'worsening' | 'ordinary'

/** Below this many municipalities nobody lags behind anybody: every municipality is ordinary. */
export const MIN_MUNICIPALITIES_FOR_ROLES = 4

const SLOT = { roles: 201, lagging: 202, spread: 203 } as const

/** A lagging municipality reaches about half the rate of the others on its weak directions. */
const LAGGING = 0.45
/**
 * Improving: from well below the others to well above over the years; worsening the reverse. Each
 * year's step stays under a third, so the story is a trend, not a data-quality jump (> 50 %).
 */
const IMPROVING = [0.7, 0.95, 1.25] as const
const WORSENING = [1.25, 0.95, 0.7] as const

/**
 * The demo region's story, deterministic for a seed: two municipalities (three from nine on) lag
 * clearly on about half of the directions, one improves year after year, one worsens, and every
 * municipality has its own level (±20 %) on each direction, so a league table has something to
 * say. The factor multiplies the rates of parts (the diagnosed of the teachers…) and the chance
 * of yes/no facts; for an element where less is better it divides instead.
 *
 * @example
 * const profile = municipalProfile(12, 1)
 * profile.role(3, 'deficits') // 'lagging' | 'improving' | 'worsening' | 'ordinary'
 * profile.factor(3, 'deficits', 2) // e.g. 0.45 × 1.1
 */
export function municipalProfile(municipalities: number, seed: number) {
  const order = Array.from({ length: municipalities }, (_, i) => i)
  const next = mulberry32(keyedRandom(seed, SLOT.roles) * 2 ** 32)
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  const roles = new Map<number, 'lagging' | 'improving' | 'worsening'>()
  if (municipalities >= MIN_MUNICIPALITIES_FOR_ROLES) {
    const lagging = municipalities >= 9 ? 3 : 2
    order.slice(0, lagging).forEach((m) => roles.set(m, 'lagging'))
    roles.set(order[lagging]!, 'improving')
    roles.set(order[lagging + 1]!, 'worsening')
  }
  const role = (m: number, pluginId: string): MunicipalRole => {
    const r = roles.get(m)
    if (r !== 'lagging') return r ?? 'ordinary'
    // About half of the directions are weak ones; the first direction (by name) always is.
    const weak = keyedRandom(seed, SLOT.lagging, m, hashString(pluginId)) < 0.5
    return weak || pluginId === 'deficits' ? 'lagging' : 'ordinary'
  }
  return {
    role,
    /** The factor on rates of a municipality's direction in a period (0 = the first generated). */
    factor(m: number, pluginId: string, periodIndex: number): number {
      if (m < 0 || municipalities < MIN_MUNICIPALITIES_FOR_ROLES) return 1
      const spread = 0.8 + 0.4 * keyedRandom(seed, SLOT.spread, m, hashString(pluginId))
      const year = Math.min(periodIndex, 2)
      switch (role(m, pluginId)) {
        case 'lagging':
          return LAGGING * spread
        case 'improving':
          return IMPROVING[year]!
        case 'worsening':
          return WORSENING[year]!
        default:
          return spread
      }
    },
  }
}

/** One municipal profile as compute-period uses it. */
export type MunicipalProfile = ReturnType<typeof municipalProfile>
