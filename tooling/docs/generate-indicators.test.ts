import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { checkMapping, MANIFESTS, OUTPUT, renderIndicatorsDoc, SEED_MAP } from './generate-indicators.ts'

describe('docs/indicators.md', () => {
  it('is what the manifests generate today (run `pnpm run docs` after changing a manifest)', async () => {
    const expected = await renderIndicatorsDoc()
    const actual = await readFile(OUTPUT, 'utf8').catch(() => '(missing)')
    expect(actual, 'docs/indicators.md is out of date with the manifests: run `pnpm run docs`').toBe(expected)
  })

  it('maps all 14 indicators of seed 001, appendix 2, and every item of seed 002 to codes', () => {
    const refs = (seed: string) => SEED_MAP.filter((i) => i.seed === seed && i.codes.length).map((i) => i.ref)
    expect(refs('001')).toEqual(Array.from({ length: 14 }, (_, i) => `#${i + 1}`))
    expect(refs('002')).toHaveLength(13)
  })

  it('fails on a mapped code that no manifest defines', () => {
    const bad = [...SEED_MAP, { seed: '002', ref: '99', text: 'x', codes: ['deficits.no_such_indicator'] }]
    expect(() => checkMapping(MANIFESTS, bad)).toThrow(/seed 002 99: no manifest defines "deficits.no_such_indicator"/)
  })

  it('fails when an indicator cites a seed item that the mapping does not send to it', () => {
    const without = SEED_MAP.filter((i) => !(i.seed === '001' && i.ref === '#12'))
    expect(() => checkMapping(MANIFESTS, without)).toThrow(/"mentoring.methodist_supported_share" cites 001 #12/)
  })
})
