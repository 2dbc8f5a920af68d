import { describe, expect, it } from 'vitest'
import { scoreOf, statusOf, targetFor } from './status.ts'

describe('statusOf', () => {
  it.each([
    // seed 003: ЦНППМ target 12 %, fact 19 % → met
    [19, 12, 0, 'higher', 'met'],
    [12, 12, 0, 'higher', 'met'],
    [27, 30, 5, 'higher', 'partly_met'],
    [24, 30, 5, 'higher', 'not_met'],
    // seed 003: pensioners 38.8 %, lower is better
    [38.8, 30, 0, 'lower', 'not_met'],
    [32, 30, 3, 'lower', 'partly_met'],
    [25, 30, 0, 'lower', 'met'],
    [0.1 + 0.2, 0.3, 0, 'higher', 'met'],
  ] as const)('value %d against %d ± %d (%s is better) → %s', (value, target, tolerance, polarity, status) => {
    expect(statusOf({ value, target, tolerance, polarity })).toBe(status)
  })

  it('has no data without a value, and no status without a target', () => {
    expect(statusOf({ value: null, target: 30, polarity: 'higher' })).toBe('no_data')
    expect(statusOf({ value: 30, target: undefined, polarity: 'higher' })).toBeNull()
  })
})

describe('targetFor', () => {
  const targets = [{ value: 10 }, { period: '2025-26', value: 20 }]
  it('prefers the period target, else the default', () => {
    expect(targetFor(targets, '2025-26')?.value).toBe(20)
    expect(targetFor(targets, '2024-25')?.value).toBe(10)
    expect(targetFor([], '2024-25')).toBeUndefined()
  })
})

describe('scoreOf', () => {
  const bands = [
    { min: 30, points: 2 },
    { min: 10, max: 30, points: 1 },
    { max: 10, points: 0 },
  ]
  it.each([
    [35, 2],
    [30, 2],
    [29.9, 1],
    [10, 1],
    [9, 0],
  ])('%d → %d points', (value, points) => {
    expect(scoreOf(value, bands)).toBe(points)
  })
  it('gives no points without a value', () => {
    expect(scoreOf(null, bands)).toBeNull()
  })
})
