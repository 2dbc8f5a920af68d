import { describe, expect, it } from 'vitest'
import { validateManifest } from './define-plugin.ts'
import { contractRangeOf, contractSatisfies, CONTRACT_VERSION } from './version.ts'

const manifest = (contract: unknown) => ({
  id: 'range-demo',
  version: '1.0.0',
  contract,
  title: { ru: 'Проверка' },
  dataElements: [{ code: 'range_demo.n', title: { ru: 'Число' }, valueType: 'integer' }],
  indicators: [{ code: 'range_demo.count', title: { ru: 'Количество' }, kind: 'count', formula: '#{range_demo.n}' }],
})

describe('contract range', () => {
  it('is 1.0.0 today', () => {
    expect(CONTRACT_VERSION).toBe('1.0.0')
  })

  it('accepts ranges that include the contract version', () => {
    expect(contractSatisfies('^1.0.0')).toBe(true)
    expect(contractSatisfies('>=1.0.0 <2')).toBe(true)
    expect(contractSatisfies('1.x')).toBe(true)
    expect(validateManifest(manifest('>=1.0.0 <2')).ok).toBe(true)
    expect(validateManifest(manifest('^1.0.0')).ok).toBe(true)
  })

  it('refuses a range that excludes it, naming range and version', () => {
    expect(contractSatisfies('^2.0.0')).toBe(false)
    expect(contractSatisfies('^1.2.0')).toBe(false)
    const result = validateManifest(manifest('^2.0.0'))
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.error.issues).toEqual([
        {
          path: 'contract',
          code: 'contract_range',
          message: 'written for contract ^2.0.0, which excludes the contract 1.0.0 this platform implements',
        },
      ])
  })

  it('reads a bare major (the manifests before ranges) as ^major.0.0', () => {
    expect(contractRangeOf(1)).toBe('^1.0.0')
    expect(validateManifest(manifest(1)).ok).toBe(true)
    expect(validateManifest(manifest(2)).ok).toBe(false)
  })

  it('refuses what is not a range as a schema error on the field', () => {
    expect(contractRangeOf('one')).toBeNull()
    const result = validateManifest(manifest('one'))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toContain('contract: must be a semver range such as "^1.0.0"')
  })
})
