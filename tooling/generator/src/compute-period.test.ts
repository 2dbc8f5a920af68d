import type { DemoHint } from '@profmon/contract'
import { describe, expect, it } from 'vitest'
import { computePeriod } from './compute-period.ts'
import { linkByOf, type ElementSpec } from './element-spec.ts'
import { hashString } from './random.ts'
import type { UnitTree } from './unit-tree.ts'

// 1 region, 3 municipalities, 12 organisations (4 each).
const tree: UnitTree = {
  ids: [[], [1], [2, 3, 4], Array.from({ length: 12 }, (_, i) => 10 + i)],
  parent: [[], [-1], [0, 0, 0], Array.from({ length: 12 }, (_, i) => Math.floor(i / 4))],
}

let nextId = 1
function spec(code: string, over: Partial<ElementSpec> & { demo?: DemoHint } = {}): ElementSpec {
  return {
    id: nextId++,
    code,
    pluginId: 'p',
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

const rowsOf = (values: Float64Array, width: number) =>
  Array.from({ length: values.length / width }, (_, u) => Array.from(values.subarray(u * width, (u + 1) * width)))

describe('computePeriod', () => {
  const staff = spec('p.staff', { demo: { range: [10, 80] } })
  const trained = spec('p.trained', { depth: 2, demo: { of: 'p.staff', share: [0.5, 0.9] } })
  const regional = spec('p.regional', { depth: 1, demo: { of: 'p.trained', share: [0.2, 0.3] } })
  const hours = spec('p.hours', {
    valueType: 'number',
    dimension: 'd',
    optionIds: [5, 6, 7],
    demo: { range: [10, 100] },
  })
  const capped = spec('p.capped', { max: 7, min: 2 })
  const plain = spec('p.plain', { min: undefined })
  const kinds = spec('p.kinds', {
    dimension: 'k',
    optionIds: [8, 9, 10, 11],
    demo: { split: 'subsets', range: [0, 9] },
  })
  const flags = spec('p.flags', {
    valueType: 'boolean',
    aggregation: 'any',
    dimension: 'k',
    optionIds: [8, 9, 10, 11],
    demo: { chance: 0.5 },
  })
  const specs = linkByOf([regional, trained, staff, hours, capped, plain, kinds, flags])
  const values = computePeriod(specs, tree, { seed: 1, periodIndex: 0, missingRate: 0 })

  it('orders a part after its whole and links it', () => {
    expect(specs.indexOf(staff)).toBeLessThan(specs.indexOf(trained))
    expect(specs.indexOf(trained)).toBeLessThan(specs.indexOf(regional))
    expect(trained.of).toBe(staff)
  })

  it('takes a part of an element entered below from the sum over the subtree', () => {
    const staffRows = rowsOf(values.get(staff)!, 1)
    const trainedRows = rowsOf(values.get(trained)!, 1)
    expect(trainedRows).toHaveLength(3)
    trainedRows.forEach(([v], m) => {
      const subtree = staffRows.slice(m * 4, m * 4 + 4).reduce((a, [s]) => a + s!, 0)
      expect(v).toBeLessThanOrEqual(subtree)
      expect(v).toBeGreaterThanOrEqual(Math.floor(subtree * 0.45))
    })
    const [[r]] = rowsOf(values.get(regional)!, 1) as [[number]]
    expect(r).toBeLessThanOrEqual(trainedRows.reduce((a, [v]) => a + v!, 0))
  })

  it('splits numbers into exact quarter parts', () => {
    for (const [total, ...parts] of rowsOf(values.get(hours)!, 4)) {
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total)
      for (const p of parts) expect(Number.isInteger(p * 4)).toBe(true)
    }
  })

  it('respects min and max and draws 0…50 without a hint', () => {
    for (const [v] of rowsOf(values.get(capped)!, 1)) expect(v).toBeGreaterThanOrEqual(2)
    for (const [v] of rowsOf(values.get(capped)!, 1)) expect(v).toBeLessThanOrEqual(7)
    for (const [v] of rowsOf(values.get(plain)!, 1)) expect(v! >= 0 && v! <= 52).toBe(true)
  })

  it('keeps the total of subsets between the largest and the sum', () => {
    for (const [total, ...parts] of rowsOf(values.get(kinds)!, 5)) {
      expect(total).toBeGreaterThanOrEqual(Math.max(...parts))
      expect(total).toBeLessThanOrEqual(parts.reduce((a, b) => a + b, 0))
    }
  })

  it('gives booleans per option with "any" as the total', () => {
    for (const [total, ...parts] of rowsOf(values.get(flags)!, 5)) {
      for (const p of parts) expect([0, 1]).toContain(p)
      expect(total).toBe(Math.max(...parts))
    }
  })

  it('leaves a missing organisation and the parts of its data empty', () => {
    const all = computePeriod(specs, tree, { seed: 1, periodIndex: 0, missingRate: 1 })
    expect(rowsOf(all.get(staff)!, 1).every(([v]) => Number.isNaN(v))).toBe(true)
    // No organisation reported: the municipal part of their sum has nothing to be a part of.
    expect(rowsOf(all.get(trained)!, 1).every(([v]) => Number.isNaN(v))).toBe(true)
  })
})
