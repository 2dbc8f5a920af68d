/**
 * Runs before the browser tests (`pnpm test` in apps/e2e): stops at once, with one line saying
 * what to run, when there is no Chromium — instead of every browser test failing on launch.
 */
import { ensureChromium } from './find-chromium.ts'

const result = ensureChromium()
if ('error' in result) {
  console.error(result.error)
  process.exit(1)
}
