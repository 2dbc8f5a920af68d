import { describe, expect, it } from 'vitest'
import { validateManifest } from '@profmon/contract'
import { manifestErrorOf } from '@profmon/contract/testing'
import manifest from './manifest.ts'

describe('deficits manifest', () => {
  it('passes the contract', () => {
    expect(validateManifest(manifest).ok).toBe(true)
  })

  it('has every indicator of the catalog for the direction', () => {
    expect(manifest.indicators.map((i) => i.code)).toEqual([
      'deficits.diagnosed_share',
      'deficits.deficit_type_share',
      'deficits.iom_share',
      'deficits.targeted_pd_share',
      'deficits.cnppm_pd_share',
      'deficits.federal_pd_share',
      'deficits.orgs_assessed_share',
      'deficits.analysis_presence',
      'deficits.iom_completed_share',
    ])
  })

  it('refuses a formula with an unknown code, naming plugin, indicator, field and position', () => {
    const broken = structuredClone(manifest)
    broken.indicators[0]!.numerator = '#{deficits.diagnozed}'
    expect(manifestErrorOf(broken).message).toBe(
      'plugin "deficits": indicators[0] "deficits.diagnosed_share".numerator: unknown data element "deficits.diagnozed" (at position 1)',
    )
  })

  it('refuses a target outside the bounds of a share', () => {
    const broken = structuredClone(manifest)
    broken.indicators[2]!.targets[1]!.value = 120
    expect(manifestErrorOf(broken).issues).toEqual([
      {
        path: 'indicators[2] "deficits.iom_share".targets[1].value',
        message: 'target 120 is outside 0…100 % of a share',
      },
    ])
  })

  it('refuses an indicator shown below the level its data is entered at', () => {
    const broken = structuredClone(manifest)
    broken.indicators[7]!.levels = ['region', 'municipality', 'organization']
    expect(manifestErrorOf(broken).issues).toEqual([
      {
        path: 'indicators[7] "deficits.analysis_presence".levels',
        message: 'no data at organization: "deficits.analysis_done" is entered by each municipality',
      },
    ])
  })

  it('refuses a manifest of another contract major', () => {
    expect(manifestErrorOf({ ...manifest, contract: 2 }).message).toContain('written for contract 2')
  })
})
