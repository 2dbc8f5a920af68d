import type { LaunchOptions } from '@playwright/test'

/**
 * Debian's Chromium, headless, with the network features that would call out switched off
 * (Playwright cannot download its own browsers here).
 */
export const chromiumLaunch: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
