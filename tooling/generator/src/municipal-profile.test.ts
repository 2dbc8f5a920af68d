import { describe, expect, it } from 'vitest'
import { municipalProfile } from './municipal-profile.ts'

describe('municipalProfile', () => {
  const plugins = ['deficits', 'retraining', 'mentoring', 'staffing', 'networking', 'expertise']
  const roles = (n: number, seed = 1) => {
    const p = municipalProfile(n, seed)
    return Array.from({ length: n }, (_, m) => plugins.map((id) => p.role(m, id)))
  }

  it('gives twelve municipalities three laggards, one improving and one worsening, the same for a seed', () => {
    const r = roles(12)
    const lagging = r.filter((m) => m.includes('lagging'))
    expect(lagging).toHaveLength(3)
    // A laggard lags on some directions, not all.
    for (const m of lagging) expect(m.some((x) => x === 'ordinary') || m.every((x) => x === 'lagging')).toBe(true)
    expect(r.filter((m) => m.every((x) => x === 'improving'))).toHaveLength(1)
    expect(r.filter((m) => m.every((x) => x === 'worsening'))).toHaveLength(1)
    expect(roles(12)).toEqual(r)
    expect(roles(12, 2)).not.toEqual(r)
    expect(roles(6).filter((m) => m.includes('lagging'))).toHaveLength(2)
  })

  it('moves the improving one up and the worsening one down over the years', () => {
    const p = municipalProfile(12, 1)
    const r = roles(12)
    const improving = r.findIndex((m) => m[0] === 'improving')
    const worsening = r.findIndex((m) => m[0] === 'worsening')
    const over = (m: number) => [0, 1, 2].map((y) => p.factor(m, 'deficits', y))
    expect(over(improving)).toEqual([0.7, 0.95, 1.25])
    expect(over(worsening)).toEqual([1.25, 0.95, 0.7])
    const laggard = r.findIndex((m) => m[0] === 'lagging')
    if (laggard >= 0) expect(p.factor(laggard, 'deficits', 0)).toBeLessThan(0.55)
  })

  it('leaves a region of fewer than four municipalities alone', () => {
    const p = municipalProfile(3, 1)
    for (let m = 0; m < 3; m++) {
      expect(p.role(m, 'deficits')).toBe('ordinary')
      expect(p.factor(m, 'deficits', 1)).toBe(1)
    }
  })
})
