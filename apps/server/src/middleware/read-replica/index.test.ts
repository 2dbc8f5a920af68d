import { describe, expect, it } from 'vitest'
import { isStandbyRead } from './index.ts'

describe('reads a standby may answer', () => {
  it('are the analytics reads, and only as GET or HEAD', () => {
    for (const path of [
      '/api/analytics',
      '/api/analysis',
      '/api/analysis/trend',
      '/api/analysis/export',
      '/api/exports/analytics',
    ])
      expect(isStandbyRead('GET', path), path).toBe(true)
    expect(isStandbyRead('HEAD', '/api/analytics')).toBe(true)
    expect(isStandbyRead('POST', '/api/analytics')).toBe(false)
    for (const path of ['/api/data-values', '/api/reports', '/api/auth/me', '/api/analyticsx', '/api/exports/values'])
      expect(isStandbyRead('GET', path), path).toBe(false)
  })
})
