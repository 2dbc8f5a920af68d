import type { LaunchOptions } from '@playwright/test'
import { findChromium, SYSTEM_CHROMIUMS } from './find-chromium.ts'

/**
 * The Chromium {@link findChromium} finds (CHROMIUM_PATH, the distribution's, Playwright's
 * cache), headless, with the network features that would call out switched off.
 */
export const chromiumLaunch: LaunchOptions = {
  executablePath: findChromium() ?? SYSTEM_CHROMIUMS[0],
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
