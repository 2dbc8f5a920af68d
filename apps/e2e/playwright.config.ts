import { defineConfig } from '@playwright/test'
import { chromiumLaunch } from './src/browser.ts'

export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  // One worker: tests switch the region's plugins, which every session sees.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    viewport: { width: 1440, height: 900 },
    locale: 'ru-RU',
    trace: 'retain-on-failure',
  },
})
