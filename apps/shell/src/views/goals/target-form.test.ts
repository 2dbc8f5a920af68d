import { describe, expect, it } from 'vitest'
import { draftOf, parseNumber, readDraft, serverProblems } from './target-form.ts'

const draft = (extra: Partial<ReturnType<typeof draftOf>> = {}) => ({ ...draftOf(null), ...extra })

describe('target form', () => {
  it('reads Russian decimals and leaves empty fields out', () => {
    expect(parseNumber('12,5')).toBe(12.5)
    expect(parseNumber(' 1 000 ')).toBe(1000)
    expect(parseNumber('')).toBeNull()
    expect(parseNumber('треть')).toBeUndefined()
    expect(readDraft(draft({ value: '35', tolerance: '2,5' }), 'share')).toEqual({
      fields: { value: 35, tolerance: 2.5, effectiveGap: null, scoreBands: null, allowLaxer: false },
    })
  })

  it('fills the form from a stored target, with a decimal comma', () => {
    expect(
      draftOf({
        value: 32.5,
        tolerance: 5,
        effectiveGap: null,
        allowLaxer: true,
        // Listed from the top, as the deficits manifest does: the form shows them ascending.
        scoreBands: [
          { min: 30, max: null, score: 2 },
          { min: null, max: 30, score: 0 },
        ],
      }),
    ).toEqual({
      value: '32,5',
      tolerance: '5',
      effectiveGap: '',
      allowLaxer: true,
      bands: [
        { min: '', max: '30', score: '0' },
        { min: '30', max: '', score: '2' },
      ],
    })
  })

  it('names the field of each problem: typing first, then the contract check', () => {
    expect(readDraft(draft({ value: '' }), 'share').problems).toEqual({ value: { code: 'required', params: {} } })
    expect(readDraft(draft({ value: 'x', tolerance: 'y' }), 'count').problems).toEqual({
      value: { code: 'not_number', params: {} },
      tolerance: { code: 'not_number', params: {} },
    })
    expect(readDraft(draft({ value: '120', effectiveGap: '-1' }), 'share').problems).toEqual({
      value: { code: 'outside_bounds', params: { value: 120, min: 0, max: 100 } },
      effectiveGap: { code: 'negative', params: { value: -1 } },
    })
    // Bands 0…30 and 20…: the second starts inside the first.
    const bands = [
      { min: '0', max: '30', score: '1' },
      { min: '20', max: '', score: '2' },
    ]
    expect(readDraft(draft({ value: '30', bands }), 'share').problems).toEqual({
      'scoreBands[1]': { code: 'bands_overlap', params: { previousMax: 30, min: 20 } },
    })
    expect(readDraft(draft({ value: '120' }), 'count').fields?.value).toBe(120)
  })

  it("keeps the server's code and parameters per field", () => {
    const err = {
      message: 'invalid',
      details: [{ path: 'value', message: '25 is laxer than the target above', code: 'laxer', reference: 30 }],
    }
    expect(serverProblems(err)).toEqual({
      value: { code: 'laxer', params: { message: '25 is laxer than the target above', reference: 30 } },
    })
    expect(serverProblems({ message: 'forbidden', details: [] })).toEqual({
      form: { code: 'server', params: { message: 'forbidden' } },
    })
  })
})
