import { describe, expect, it } from 'vitest'
import { recommendationRuleSchema, type Indicator, type RecommendationRule } from '@profmon/contract'
import { gapOf } from '@profmon/contract/rules'
import { conditionHolds, firingRules, formatIndicatorValue, renderText, type RuleInput } from './fire.ts'

const share: Pick<Indicator, 'kind' | 'polarity' | 'decimals' | 'levels' | 'title'> = {
  kind: 'share',
  polarity: 'higher',
  decimals: 1,
  levels: ['region', 'municipality', 'organization'],
  title: { ru: 'Доля прошедших диагностику' },
}
const rule = (r: Partial<RecommendationRule> & Pick<RecommendationRule, 'code' | 'when'>): RecommendationRule =>
  recommendationRuleSchema.parse({
    indicator: 'deficits.diagnosed_share',
    addressee: 'school_leadership',
    text: { ru: 'Обеспечить диагностику.' },
    ...r,
  })
const row = (orgUnit: number, numerator: number | null, denominator: number | null, target: number | null = 30) => {
  const value = numerator === null || !denominator ? null : (numerator / denominator) * 100
  const status = value === null ? 'no_data' : target === null ? null : value >= target ? 'met' : 'not_met'
  return {
    indicator: 'deficits.diagnosed_share',
    orgUnit,
    option: null,
    numerator,
    denominator,
    value,
    target,
    status,
  } satisfies RuleInput
}

describe('conditionHolds', () => {
  it('needs every given condition', () => {
    expect(conditionHolds({ status: ['not_met'] }, { status: 'not_met', value: 4 })).toBe(true)
    expect(conditionHolds({ status: ['not_met'], below: 3 }, { status: 'not_met', value: 4 })).toBe(false)
    expect(conditionHolds({ above: 25 }, { status: null, value: 25 })).toBe(false)
    expect(conditionHolds({ above: 25 }, { status: null, value: 25.1 })).toBe(true)
  })

  it('lets missing data meet no threshold, only a "no_data" status', () => {
    expect(conditionHolds({ below: 10 }, { status: 'no_data', value: null })).toBe(false)
    expect(conditionHolds({ status: ['no_data'] }, { status: 'no_data', value: null })).toBe(true)
    expect(conditionHolds({ status: ['not_met'] }, { status: null, value: 3 })).toBe(false)
  })
})

describe('gapOf', () => {
  it('counts the people still missing for a share: ceil(30 % × 100) − 4 = 26', () => {
    expect(gapOf(row(1, 4, 100), share)).toBe(26)
  })

  it('does not let float noise add a person: 30 % of 10 is 3, so 3 of 10 misses nobody', () => {
    expect(gapOf(row(1, 3, 10), share)).toBe(0)
    expect(gapOf(row(1, 2, 10), share)).toBe(1)
  })

  it('rounds a fractional person up: 30 % of 7 = 2.1 → 3 needed, 1 done → 2 missing', () => {
    expect(gapOf(row(1, 1, 7), share)).toBe(2)
  })

  it('counts the people too many for a lower-is-better share: 9 of 20 against 25 % → 9 − 5 = 4', () => {
    expect(gapOf(row(1, 9, 20, 25), { kind: 'share', polarity: 'lower' })).toBe(4)
  })

  it('is in the unit of a count, and null without target, value or for presence', () => {
    expect(
      gapOf({ numerator: null, denominator: null, value: 3, target: 5 }, { kind: 'count', polarity: 'higher' }),
    ).toBe(2)
    expect(gapOf(row(1, 4, 100, null), share)).toBeNull()
    expect(gapOf(row(1, null, null), share)).toBeNull()
    expect(
      gapOf({ numerator: null, denominator: null, value: 0, target: 1 }, { kind: 'presence', polarity: 'higher' }),
    ).toBeNull()
  })
})

describe('firingRules', () => {
  const schoolRule = rule({ code: 'd.school', when: { status: ['not_met'] }, levels: ['organization'] })
  const anyLevel = rule({ code: 'd.any', when: { below: 10 } })
  const depths = new Map([
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 3],
  ])
  const indicatorOf = (code: string) => (code === 'deficits.diagnosed_share' ? share : undefined)

  it('evaluates a rule only at its levels and on total rows', () => {
    const rows = [row(1, 9, 120), row(2, 4, 100), row(3, 3, 10), row(4, 1, 90), { ...row(4, 0, 6), option: 'math' }]
    const fired = firingRules([schoolRule, anyLevel], rows, depths, indicatorOf)
    expect(fired.map((f) => [f.rule.code, f.row.orgUnit, f.gap])).toEqual([
      // school 3 has 30 %: met; school 4 has 1 of 90 = 1.1 %: ceil(27) − 1 = 26 missing
      ['d.school', 4, 26],
      // below 10 %: the region 7.5 %, the municipality 4 %, school 4 — not school 3 (30 %)
      ['d.any', 1, 27],
      ['d.any', 2, 26],
      ['d.any', 4, 26],
    ])
  })

  it('skips levels where the indicator means nothing', () => {
    const onlyUp = (code: string) =>
      code === 'deficits.diagnosed_share' ? { ...share, levels: ['municipality' as const] } : undefined
    expect(firingRules([anyLevel], [row(1, 1, 100), row(2, 1, 100)], depths, onlyUp).map((f) => f.row.orgUnit)).toEqual(
      [2],
    )
  })

  it('skips rules of unknown indicators and units of unknown depth', () => {
    const unknown = rule({ code: 'd.unknown', indicator: 'x.y', when: { below: 100 } })
    expect(firingRules([unknown], [row(1, 1, 100)], depths, indicatorOf)).toEqual([])
    expect(firingRules([anyLevel], [row(99, 1, 100)], depths, indicatorOf)).toEqual([])
  })
})

describe('renderText', () => {
  it('cites the indicator, its value, the target and the gap in people, the Russian way', () => {
    const text = renderText(
      { text: { ru: 'Обеспечить диагностику.' } },
      share,
      row(1, 35, 80, 60),
      gapOf(row(1, 35, 80, 60), share),
    )
    // 35 of 80 = 43.75 %; 60 % of 80 = 48 → 13 missing
    expect(text).toBe(
      'Обеспечить диагностику.\n\nОснование: «Доля прошедших диагностику» — 43,8 % при целевом значении 60 %; до цели не хватает 13 чел.',
    )
  })

  it('says "no data" and leaves out a target that is not set', () => {
    expect(renderText({ text: { ru: 'Собрать данные.' } }, share, { value: null, target: null }, null)).toBe(
      'Собрать данные.\n\nОснование: «Доля прошедших диагностику» — нет данных.',
    )
  })

  it('formats thousands with a no-break space and a count without decimals', () => {
    expect(formatIndicatorValue(1234.5, { kind: 'value', decimals: 1 })).toBe('1\u00a0234,5')
    expect(formatIndicatorValue(12, { kind: 'count', decimals: 1 })).toBe('12')
  })
})
