import { stubApi } from '@profmon/ui/testing'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fromServer, parseCell, useEntryValues } from './use-entry-values.ts'

describe('cell values', () => {
  it('holds booleans as 1/0, numbers and text as they come, anything else as no data', () => {
    expect([true, false, 12.5, 'Иванова И. И.', null, undefined, {}].map(fromServer)).toEqual([
      1,
      0,
      12.5,
      'Иванова И. И.',
      null,
      null,
      null,
    ])
  })

  it('parses a number with a decimal comma, keeps text as typed, and blank is no data', () => {
    expect(parseCell('2,5', 'number')).toBe(2.5)
    expect(parseCell('abc', 'number')).toBeNaN()
    expect(parseCell(' 12 мест ', 'text')).toBe(' 12 мест ')
    expect(parseCell('  ', 'text')).toBeNull()
    expect(parseCell('', 'number')).toBeNull()
  })
})

describe('useEntryValues', () => {
  let api: ReturnType<typeof stubApi>
  beforeEach(() => (api = stubApi()))
  afterEach(() => vi.unstubAllGlobals())

  const loaded = async () => {
    api.answer({
      values: [
        { element: 'd.teachers', option: null, value: 40, version: 3 },
        { element: 'd.has_plan', option: null, value: true, version: 2 },
        { element: 'd.head', option: null, value: 'Петрова А. А.', version: 5 },
      ],
      derived: [],
    })
    const entry = useEntryValues(
      () => '2025-26',
      () => 'd',
    )
    await entry.load([7])
    return entry
  }

  it('loads yes/no and text values with their versions, not only numbers', async () => {
    const entry = await loaded()
    expect(entry.cell(7, 'd.has_plan', null)).toMatchObject({ text: '1', saved: 1, version: 2, kind: 'number' })
    expect(entry.cell(7, 'd.head', null)).toMatchObject({ text: 'Петрова А. А.', version: 5, kind: 'text' })
    // Text stays out of the numbers the rules and indicators read.
    expect(entry.numbers.value.map((n) => [n.element, n.value])).toEqual([
      ['d.teachers', 40],
      ['d.has_plan', 1],
    ])
  })

  it('saves text as a string and yes/no as 1/0, each with the version it was loaded at', async () => {
    const entry = await loaded()
    entry.editText(entry.cell(7, 'd.head', null), 'Сидорова В. В.')
    entry.edit(entry.cell(7, 'd.has_plan', null), '0')
    entry.editText(entry.cell(7, 'd.note', null), 'новая запись')
    api.answer({ values: [{ version: 6 }, { version: 3 }, { version: 1 }] })
    await entry.flush()
    expect(api.last()).toEqual({
      method: 'POST',
      path: '/api/data-values',
      body: {
        values: [
          { orgUnit: 7, period: '2025-26', element: 'd.has_plan', option: null, value: 0, version: 2 },
          { orgUnit: 7, period: '2025-26', element: 'd.head', option: null, value: 'Сидорова В. В.', version: 5 },
          { orgUnit: 7, period: '2025-26', element: 'd.note', option: null, value: 'новая запись', version: 0 },
        ],
      },
    })
    expect(entry.cell(7, 'd.head', null)).toMatchObject({ saved: 'Сидорова В. В.', version: 3, dirty: false })
  })

  it("turns a conflict on a yes/no cell into the other side's 1/0", async () => {
    const entry = await loaded()
    entry.edit(entry.cell(7, 'd.has_plan', null), '0')
    api.fail(409, 'conflict', 'changed', [
      { path: 'values[0]', message: 'changed', current: { value: true, version: 4 } },
    ])
    await entry.flush()
    expect(entry.conflicts.value).toEqual([expect.objectContaining({ mine: 0, theirs: 1, theirVersion: 4 })])
  })

  it('shows a registry count in its cell, not the value once typed, and never sends it', async () => {
    api.answer({
      values: [{ element: 'd.counted', option: null, value: 9, version: 1 }],
      derived: [
        {
          element: 'd.counted',
          source: 'registry',
          values: [{ option: null, value: 12 }],
          people: { count: 12, href: '/teachers?unit=7' },
        },
        { element: 'd.typed', source: 'entered', values: [], people: null },
      ],
    })
    const entry = useEntryValues(
      () => '2025-26',
      () => 'd',
    )
    await entry.load([7])
    expect(entry.fromRegistry(7, 'd.counted')).toBe(true)
    expect(entry.fromRegistry(7, 'd.typed')).toBe(false)
    expect(entry.derivedOf(7, 'd.counted')?.people).toEqual({ count: 12, href: '/teachers?unit=7' })
    expect(entry.cell(7, 'd.counted', null)).toMatchObject({ text: '12', saved: 12, dirty: false })
    expect(entry.numbers.value).toContainEqual({ orgUnit: '7', element: 'd.counted', option: null, value: 12 })
  })
})
