import { describe, expect, it } from 'vitest'
import { computePeriod } from './compute-period.ts'
import { linkByOf, type ElementSpec } from './element-spec.ts'
import { municipalProfile } from './municipal-profile.ts'
import { hashString } from './random.ts'
import type { UnitTree } from './unit-tree.ts'

// 1 region, 8 municipalities of 40 organisations; every fifth organisation a kindergarten.
const M = 8
const PER = 40
const tree: UnitTree = {
  ids: [[], [1], Array.from({ length: M }, (_, i) => 2 + i), Array.from({ length: M * PER }, (_, i) => 100 + i)],
  parent: [
    [],
    [-1],
    Array.from({ length: M }, () => 0),
    Array.from({ length: M * PER }, (_, i) => Math.floor(i / PER)),
  ],
  kinds: [
    [],
    ['region'],
    Array.from({ length: M }, () => 'municipality'),
    Array.from({ length: M * PER }, (_, i) => (i % 5 === 4 ? 'kindergarten' : 'school')),
  ],
}

let nextId = 1
function spec(code: string, over: Partial<ElementSpec> = {}): ElementSpec {
  return {
    id: nextId++,
    code,
    pluginId: 'deficits',
    valueType: 'integer',
    aggregation: 'sum',
    depth: 3,
    min: 0,
    max: undefined,
    dimension: null,
    optionIds: [],
    demo: {},
    of: undefined,
    key: hashString(code),
    ...over,
  }
}

const subjects = [1, 2, 3]
const teachers = spec('core.teachers_total', {
  dimension: 'subject',
  optionIds: subjects,
  demo: { range: [15, 90] },
})
const diagnosed = spec('deficits.diagnosed', {
  dimension: 'subject',
  optionIds: subjects,
  demo: { of: 'core.teachers_total', share: [0.1, 0.45] },
})
const pensioners = spec('deficits.pensioners', {
  demo: { of: 'core.teachers_total', share: [0.1, 0.3] },
  lowerIsBetter: true,
})
const specs = linkByOf([teachers, diagnosed, pensioners])
const periods = [0, 1, 2].map((periodIndex) => computePeriod(specs, tree, { seed: 1, periodIndex, missingRate: 0 }))
const profile = municipalProfile(M, 1)
const roleOf = (m: number) => profile.role(m, 'deficits')

/** Σpart / Σwhole × 100 over a municipality's organisations (totals). */
function share(p: number, part: ElementSpec, m: number): number {
  const w = subjects.length + 1
  const width = (s: ElementSpec) => (s.dimension ? w : 1)
  let num = 0
  let den = 0
  for (let u = m * PER; u < (m + 1) * PER; u++) {
    num += periods[p]!.get(part)![u * width(part)]!
    den += periods[p]!.get(teachers)![u * w]!
  }
  return (num / den) * 100
}

describe('the demo story', () => {
  it('lets the lagging municipalities trail the ordinary ones clearly', () => {
    const lagging = Array.from({ length: M }, (_, m) => m).filter((m) => roleOf(m) === 'lagging')
    const ordinary = Array.from({ length: M }, (_, m) => m).filter((m) => roleOf(m) === 'ordinary')
    expect(lagging.length).toBeGreaterThan(0)
    const worstOrdinary = Math.min(...ordinary.map((m) => share(0, diagnosed, m)))
    for (const m of lagging) expect(share(0, diagnosed, m)).toBeLessThan(worstOrdinary * 0.8)
    // Less is better for pensioners: a laggard has more of them.
    const mostOrdinary = Math.max(...ordinary.map((m) => share(0, pensioners, m)))
    for (const m of lagging) expect(share(0, pensioners, m)).toBeGreaterThan(mostOrdinary)
  })

  it('moves the improving municipality up and the worsening one down over three years', () => {
    const improving = Array.from({ length: M }, (_, m) => m).find((m) => roleOf(m) === 'improving')!
    const worsening = Array.from({ length: M }, (_, m) => m).find((m) => roleOf(m) === 'worsening')!
    expect(share(2, diagnosed, improving)).toBeGreaterThan(share(0, diagnosed, improving) * 1.6)
    expect(share(2, diagnosed, worsening)).toBeLessThan(share(0, diagnosed, worsening) * 0.65)
  })

  it('plants a few organisations with ten times their usual counts, never in the first year', () => {
    const w = subjects.length + 1
    const slipped = (p: number) =>
      Array.from({ length: M * PER }, (_, u) => periods[p]!.get(teachers)![u * w]!).filter((v) => v > 90 * 1.2).length
    expect(slipped(0)).toBe(0)
    expect(slipped(1) + slipped(2)).toBeGreaterThan(0)
    expect(slipped(1) + slipped(2)).toBeLessThan(20)
  })

  it('gives kindergartens totals without a subject breakdown, and keeps parts within wholes', () => {
    const w = subjects.length + 1
    for (const p of periods)
      for (let u = 0; u < M * PER; u++) {
        const t = p.get(teachers)!.subarray(u * w, (u + 1) * w)
        const d = p.get(diagnosed)!.subarray(u * w, (u + 1) * w)
        expect(d[0]!).toBeLessThanOrEqual(t[0]!)
        expect(p.get(pensioners)![u]!).toBeLessThanOrEqual(t[0]!)
        if (tree.kinds![3]![u] === 'kindergarten') {
          expect(Number.isNaN(t[0]!)).toBe(false)
          expect([...t.subarray(1), ...d.subarray(1)].every(Number.isNaN)).toBe(true)
        } else {
          expect(t[1]! + t[2]! + t[3]!).toBe(t[0])
          for (let o = 1; o < w; o++) expect(d[o]!).toBeLessThanOrEqual(t[o]!)
        }
      }
  })
})
