import { defineConfig } from 'vitest/config'

// Unit tests of the e2e helpers only: tests/ holds the Playwright suites.
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } })
