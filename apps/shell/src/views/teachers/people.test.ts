import { describe, expect, it } from 'vitest'
import { addMonths, fullName, routeProgress, wholeYears } from './people.ts'

describe('registry helpers', () => {
  it('counts whole years up to the day before the anniversary', () => {
    expect(wholeYears('1990-09-02', '2025-09-01')).toBe(34)
    expect(wholeYears('1990-09-01', '2025-09-01')).toBe(35)
    expect(wholeYears('1991-12-31', '2025-01-01')).toBe(33)
    expect(wholeYears(null, '2025-09-01')).toBeNull()
  })
  it('names a person, or a placeholder when personal data is hidden', () => {
    expect(fullName({ id: 3, surname: 'Иванова', name: 'Мария', patronymic: 'Петровна' }, '№ 3')).toBe(
      'Иванова Мария Петровна',
    )
    expect(fullName({ id: 3, surname: 'Иванова', name: 'Мария', patronymic: null }, '№ 3')).toBe('Иванова Мария')
    expect(fullName({ id: 3 }, '№ 3')).toBe('№ 3')
  })
  it('moves a date by months and reports a route done only when every step is', () => {
    expect(addMonths('2025-10-15', 3)).toBe('2026-01-15')
    expect(routeProgress([{ completedOn: '2025-10-01' }, { completedOn: null }])).toEqual({
      done: 1,
      total: 2,
      complete: false,
    })
    expect(routeProgress([{ completedOn: '2025-10-01' }]).complete).toBe(true)
    expect(routeProgress([]).complete).toBe(false)
  })
})
