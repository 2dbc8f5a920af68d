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
  // One folder per engine: CI runs the PGlite and the PostgreSQL suites side by side, and each
  // run empties its own output folder when it starts.
  outputDir: process.env.TEST_DATABASE_URL ? './test-results/postgres' : './test-results/pglite',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    viewport: { width: 1440, height: 900 },
    locale: 'ru-RU',
    trace: 'retain-on-failure',
  },
})
