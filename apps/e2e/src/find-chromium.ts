import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

/** The distribution's Chromium, where Debian and Ubuntu put it. */
export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

/** What the finder looks at; injectable so that a test can point it at nothing. */
export interface ChromiumLookups {
  env: NodeJS.ProcessEnv
  candidates: string[]
  exists(path: string): boolean
  /** Playwright's own browser (its download cache), whether or not it was downloaded. */
  playwrightChromium(): string | undefined
}

export const defaultLookups: ChromiumLookups = {
  env: process.env,
  candidates: SYSTEM_CHROMIUMS,
  exists: existsSync,
  playwrightChromium: () => {
    try {
      return chromium.executablePath()
    } catch {
      return undefined
    }
  },
}

/** The line printed when no Chromium is found and none can be installed here. */
export const NO_CHROMIUM =
  'no Chromium found: install it with `sudo apt-get install chromium` or set CHROMIUM_PATH to a Chromium executable'

/**
 * A Chromium to run the browser tests with: `CHROMIUM_PATH`, then the distribution's package,
 * then Playwright's own browser cache; `undefined` when none exists.
 *
 * @example
 * findChromium() // '/usr/bin/chromium'
 * findChromium({ ...defaultLookups, candidates: [], playwrightChromium: () => undefined }) // undefined
 */
export function findChromium(lookups: ChromiumLookups = defaultLookups): string | undefined {
  const { env, candidates, exists, playwrightChromium } = lookups
  // A path set on purpose is taken or refused, never silently replaced by another browser.
  if (env.CHROMIUM_PATH) return exists(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined
  const cached = playwrightChromium()
  return [...candidates, ...(cached ? [cached] : [])].find((path) => exists(path))
}

/** Whether `apt-get install chromium` can run here without asking: root, with apt-get. */
export function canInstallChromium(lookups: ChromiumLookups = defaultLookups): boolean {
  return process.getuid?.() === 0 && !lookups.env.CHROMIUM_PATH && lookups.exists('/usr/bin/apt-get')
}

/**
 * Finds a Chromium, or installs the distribution's when running as root with apt-get; returns
 * its path, or the one line saying what to run.
 */
export function ensureChromium(lookups: ChromiumLookups = defaultLookups): { path: string } | { error: string } {
  const found = findChromium(lookups)
  if (found) return { path: found }
  if (lookups.env.CHROMIUM_PATH)
    return {
      error: `CHROMIUM_PATH=${lookups.env.CHROMIUM_PATH} does not exist: point it at a Chromium executable or unset it`,
    }
  if (canInstallChromium(lookups)) {
    console.log('no Chromium found: installing the distribution package (apt-get install chromium)')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env })
    const install =
      update.status === 0 ? spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env }) : update
    const installed = install.status === 0 ? findChromium(lookups) : undefined
    if (installed) return { path: installed }
  }
  return { error: NO_CHROMIUM }
}
