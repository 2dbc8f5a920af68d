import { describe, expect, it } from 'vitest'
import { ensureChromium, findChromium, NO_CHROMIUM, type ChromiumLookups } from './find-chromium.ts'

const on = (existing: string[], overrides: Partial<ChromiumLookups> = {}): ChromiumLookups => ({
  env: {},
  candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
  exists: (path) => existing.includes(path),
  playwrightChromium: () => '/home/me/.cache/ms-playwright/chromium-1/chrome-linux/chrome',
  ...overrides,
})

describe('finding a Chromium', () => {
  it('takes CHROMIUM_PATH first, and only it when it is set', () => {
    const env = { CHROMIUM_PATH: '/opt/chrome/chrome' }
    expect(findChromium(on(['/opt/chrome/chrome', '/usr/bin/chromium'], { env }))).toBe('/opt/chrome/chrome')
    expect(findChromium(on(['/usr/bin/chromium'], { env }))).toBeUndefined()
  })

  it("then the distribution's package, then Playwright's cache", () => {
    expect(findChromium(on(['/usr/bin/chromium-browser', '/usr/bin/chromium']))).toBe('/usr/bin/chromium')
    expect(findChromium(on(['/usr/bin/chromium-browser']))).toBe('/usr/bin/chromium-browser')
    expect(findChromium(on(['/home/me/.cache/ms-playwright/chromium-1/chrome-linux/chrome']))).toBe(
      '/home/me/.cache/ms-playwright/chromium-1/chrome-linux/chrome',
    )
  })

  it('finds nothing among empty candidates, and then says in one line what to run', () => {
    // exists() answers no for everything, apt-get included: nothing to install with either.
    const nothing = on([], { candidates: [], playwrightChromium: () => undefined })
    expect(findChromium(nothing)).toBeUndefined()
    expect(ensureChromium(nothing)).toEqual({ error: NO_CHROMIUM })
    expect(NO_CHROMIUM).not.toContain('\n')
  })

  it('names a CHROMIUM_PATH that does not exist instead of installing another', () => {
    expect(ensureChromium(on([], { env: { CHROMIUM_PATH: '/nope/chrome' } }))).toEqual({
      error: 'CHROMIUM_PATH=/nope/chrome does not exist: point it at a Chromium executable or unset it',
    })
  })
})
