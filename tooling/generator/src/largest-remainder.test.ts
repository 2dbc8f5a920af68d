import { describe, expect, it } from 'vitest'
import { largestRemainder } from './largest-remainder.ts'

describe('largestRemainder', () => {
  it('adds up exactly to the total', () => {
    expect(largestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3])
    expect(largestRemainder(7, [0.5, 0.3, 0.2])).toEqual([4, 2, 1])
    for (let total = 0; total < 50; total++) {
      const parts = largestRemainder(total, [3, 0.1, 7, 2.5, 0, 1])
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total)
      expect(parts[4]).toBe(0)
    }
  })

  it('splits evenly without weights and returns nothing for no parts', () => {
    expect(largestRemainder(5, [0, 0])).toEqual([3, 2])
    expect(largestRemainder(5, [])).toEqual([])
  })
})
