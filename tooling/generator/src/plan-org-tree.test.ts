import { describe, expect, it } from 'vitest'
import { planOrgTree } from './plan-org-tree.ts'

describe('planOrgTree', () => {
  it('plans the benchmark size: 60 distinct municipalities, 1000 organisations, at least 3 each', () => {
    const plan = planOrgTree(60, 1000, 1)
    expect(new Set(plan.map((m) => m.name)).size).toBe(60)
    expect(plan.reduce((a, m) => a + m.organizations.length, 0)).toBe(1000)
    const sizes = plan.map((m) => m.organizations.length)
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(3)
    // Uneven: the biggest municipality is several times the smallest.
    expect(Math.max(...sizes)).toBeGreaterThan(3 * Math.min(...sizes))
    const kinds = new Set(plan.flatMap((m) => m.organizations.map((o) => o.kind)))
    expect(kinds).toEqual(new Set(['school', 'kindergarten', 'college', 'methodical_centre']))
    expect(plan.filter((m) => m.organizations.some((o) => o.kind === 'methodical_centre')).length).toBeLessThan(60)
  })

  it('is deterministic for a seed', () => {
    expect(planOrgTree(12, 200, 7)).toEqual(planOrgTree(12, 200, 7))
    expect(planOrgTree(12, 200, 7)).not.toEqual(planOrgTree(12, 200, 8))
  })

  it('keeps names distinct beyond the word lists', () => {
    expect(new Set(planOrgTree(150, 450, 1).map((m) => m.name)).size).toBe(150)
  })

  it('refuses fewer than 3 organisations per municipality', () => {
    expect(() => planOrgTree(10, 29, 1)).toThrow(/at least 3 per municipality/)
    expect(() => planOrgTree(0, 10, 1)).toThrow(RangeError)
  })
})
