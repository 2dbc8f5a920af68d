import type { Recommendation } from '@profmon/ui'
import { describe, expect, it } from 'vitest'
import { filterOf, groupByAddressee, queryOf } from './filters.ts'

describe('filterOf / queryOf', () => {
  it('reads known values from the URL, drops unknown ones, includes subunits unless told not to', () => {
    expect(filterOf({ addressee: 'teachers', state: 'bogus', plugin: 'deficits' })).toEqual({
      addressee: 'teachers',
      state: undefined,
      plugin: 'deficits',
      includeDescendants: true,
    })
    expect(filterOf({ includeDescendants: 'false', state: 'published' })).toMatchObject({
      state: 'published',
      includeDescendants: false,
    })
  })

  it('round-trips through the query, leaving the defaults out', () => {
    const filter = filterOf({ addressee: 'municipal_authority', includeDescendants: 'false' })
    expect(queryOf(filter)).toEqual({
      addressee: 'municipal_authority',
      state: undefined,
      plugin: undefined,
      includeDescendants: 'false',
    })
    expect(filterOf(queryOf(filter) as Record<string, string>)).toEqual(filter)
    expect(queryOf(filterOf({})).includeDescendants).toBeUndefined()
  })
})

describe('groupByAddressee', () => {
  it('groups in the order teachers → leadership → methodical support → municipal authority, skipping empty ones', () => {
    const r = (id: number, addressee: Recommendation['addressee']) => ({ id, addressee }) as Recommendation
    const groups = groupByAddressee([r(1, 'municipal_authority'), r(2, 'teachers'), r(3, 'municipal_authority')])
    expect(groups.map((g) => [g.addressee, g.items.map((i) => i.id)])).toEqual([
      ['teachers', [2]],
      ['municipal_authority', [1, 3]],
    ])
  })
})
